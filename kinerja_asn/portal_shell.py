"""The self-service portal's one page: /kinerja and every /kinerja/<path> (website_route_rules in hooks.py) are
answered by this shell, and kinerja_asn/public/js/kinerja_portal.js shows each view from the portal's
whitelisted endpoints (kinerja_asn.api.portal), navigating on the client.

The shell holds no appraisal data: its HTML (Frappe's website layout, the navigation, the views' titles and the
script's translations) is the same for every user of a language, so it is rendered once per language, first view
and build and kept in Redis; each request only adds the session's CSRF token and Frappe's boot data. What a person
may see is decided by the endpoints alone (kinerja_asn.access). Guests are sent to the login page, and the link of
someone else's rater task is refused here too (403, as before), so that a page never pretends to exist.
"""

from urllib.parse import urlencode

import frappe
from frappe.utils import get_build_version
from frappe.website.page_renderers.base_template_page import BaseTemplatePage
from frappe.website.page_renderers.template_page import TemplatePage
from frappe.website.utils import get_boot_data

from kinerja_asn import access
from kinerja_asn.api.portal.common import NAV_OF_VIEW, PAGES, view_of

SHELL = "kinerja"  # the www page (kinerja_asn/www/kinerja/index.html) every portal route resolves to
CACHE_KEY = "kinerja_portal_shell"
BOOT_MARK = "<!-- kinerja_boot -->"
BOOT_KEY = "kinerja_portal_boot"
BOOT_SECONDS = 600


class PortalShell(TemplatePage):
	"""Frappe page renderer (hooks.py `page_renderer`) of the portal shell."""

	def __init__(self, path, http_status_code=None):
		if path == SHELL:
			super().__init__(path, http_status_code)
		else:  # asked for every website path: no search of the www folders for the others
			BaseTemplatePage.__init__(self, path, http_status_code)

	def can_render(self) -> bool:
		return self.path == SHELL and bool(super().can_render())

	def render(self):
		if frappe.session.user == "Guest":
			frappe.local.flags.redirect_location = "/login?" + urlencode({"redirect-to": requested_path()})
			raise frappe.Redirect(302)  # temporary: never cached as permanent by the browser
		view = current_view()
		if view is None:
			raise frappe.PageDoesNotExistError
		if view == "task" and not access.is_rater(current_task()):
			access.require(False, frappe._("You can only open and fill in your own rater tasks."))
		return super().render()

	def get_html(self) -> str:
		view = current_view()
		key = f"{frappe.local.lang}|{view}|{get_build_version()}"
		html = frappe.cache.hget(CACHE_KEY, key)
		if not html:
			html = render_for_everyone(self, view)
			frappe.cache.hset(CACHE_KEY, key, html)
		return html.replace(BOOT_MARK, boot_script(), 1)


def render_for_everyone(page: TemplatePage, view: str) -> str:
	"""Frappe's page pipeline (without its page cache) for a view, from nothing of the request that asked first:
	the view's own path (not a task name) and no query (Frappe's navbar would show `q`)."""
	asked_path, asked_form = frappe.local.path, frappe.local.form_dict
	frappe.local.path, frappe.local.form_dict = route_of(view), frappe._dict()
	frappe.local.flags.kinerja_shell_view = view
	try:
		return TemplatePage.get_html.__wrapped__(page)
	finally:
		frappe.local.path, frappe.local.form_dict = asked_path, asked_form
		frappe.local.flags.kinerja_shell_view = None


def boot_script() -> str:
	"""Frappe's website boot data as base.html gives it. It is per user (language, time zone, the apps of the
	navbar menu) but costs ~30 queries (the apps' workspaces), so it is kept for BOOT_SECONDS per user."""
	key = f"{BOOT_KEY}|{frappe.session.user}|{frappe.local.lang}|{get_build_version()}"
	script = frappe.cache.get_value(key)
	if not script:
		boot = frappe.as_json(get_boot_data(), indent=None).replace("</", "<\\/")
		script = f"<script>frappe.boot = {boot}; frappe.sys_defaults = frappe.boot.sysdefaults;</script>"
		frappe.cache.set_value(key, script, expires_in_sec=BOOT_SECONDS)
	return script


def requested_path() -> str:
	request = getattr(frappe.local, "request", None)
	return request.full_path.rstrip("?") if request else "/kinerja"


def current_task() -> str | None:
	"""The rater task of /kinerja/tugas/<name> or /kinerja/tugas?name=<name>."""
	parts = (frappe.local.path or "").strip("/").split("/")
	if len(parts) == 3:
		return parts[2]
	return frappe.form_dict.get("name") or None


def route_of(view: str) -> str:
	"""The path of a view's navigation entry ("kinerja/tugas" for the task form)."""
	routes = {key: route for key, route, _label in PAGES}
	return routes[NAV_OF_VIEW.get(view, view)].strip("/")


def current_view() -> str | None:
	return view_of(frappe.local.path or SHELL, frappe.form_dict.get("name"))


def clear_cache(path: str | None = None) -> None:
	"""hooks.py `website_clear_cache`: Frappe clears its website cache (migrate, clear-cache, settings)."""
	frappe.cache.delete_value(CACHE_KEY)
