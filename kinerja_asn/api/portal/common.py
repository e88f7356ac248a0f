"""What every portal page shares: the page context, the session user, and how dates, periods, numbers and
labels are shown."""

import re
from functools import lru_cache

import frappe
from frappe import _
from frappe.utils import cstr, flt, formatdate, getdate

from kinerja_asn.scoring.periods import format_date_id

# Guidance for the 1-5 behaviour score (local practice, shown on the form and in the guide)
SCORE_GUIDE = (
	(1, "Rarely shows this behaviour"),
	(2, "Sometimes shows this behaviour"),
	(3, "Shows this behaviour as expected"),
	(4, "Shows this behaviour consistently, beyond what is expected"),
	(5, "Always shows this behaviour and is a role model for others"),
)

PAGES = (
	("saya", "/kinerja", "My Appraisals"),
	("tugas", "/kinerja/tugas", "Rater Tasks"),
	("tim", "/kinerja/tim", "My Team"),
	("panduan", "/kinerja/panduan", "Appraisal Guide"),
)


# --------------------------------------------------------------------------------------------- pages

# The views of the one portal shell (kinerja_asn/www/kinerja/index.html, served by kinerja_asn.portal_shell for
# /kinerja and every /kinerja/<path>): key -> (title, parent route, parent title). The data of each view comes
# from its whitelisted endpoint, loaded by kinerja_portal.js.
VIEWS = {
	"saya": ("My Appraisals", "/me", "My Account"),
	"tugas": ("Rater Tasks", "/kinerja", "My Appraisals"),
	"task": ("Fill in Rater Task", "/kinerja/tugas", "Rater Tasks"),
	"tim": ("My Team", "/kinerja", "My Appraisals"),
	"panduan": ("Appraisal Guide", "/kinerja", "My Appraisals"),
}
NAV_OF_VIEW = {"task": "tugas"}
JS_PATH = ("public", "js", "kinerja_portal.js")


def view_of(path: str, task: str | None = None) -> str | None:
	"""The view of a portal path ("kinerja/tugas", "kinerja/tugas/<name>" ...); None when there is none."""
	parts = [p for p in path.strip("/").split("/") if p]
	if not parts or parts[0] != "kinerja":
		return None
	rest = parts[1:]
	if not rest:
		return "saya"
	if rest[0] == "tugas" and len(rest) <= 2:
		return "task" if len(rest) == 2 or task else "tugas"
	if rest[0] in ("tim", "panduan") and len(rest) == 1:
		return rest[0]
	return None


def prepare_shell(context, view: str) -> None:
	"""The context of the shell for its first view: title, breadcrumbs and navigation, the views' titles and the
	translations of kinerja_portal.js. The same for every user of a language: no data, cached by the shell."""
	title, parent_route, parent_title = VIEWS[view]
	active = NAV_OF_VIEW.get(view, view)
	context.no_cache = 1  # the shell keeps its own cache (kinerja_asn.portal_shell)
	context.show_sidebar = False
	context.title = _(title)
	context.parents = [{"route": parent_route, "title": _(parent_title)}]
	context.kinerja_view = view
	context.kinerja_nav = [
		{"key": key, "route": route, "title": _(label), "active": key == active}
		for key, route, label in PAGES
	]
	context.kinerja_config = {
		"views": {
			key: {"title": _(t), "parent": {"route": r, "title": _(pt)}} for key, (t, r, pt) in VIEWS.items()
		},
		"nav": {key: route for key, route, _label in PAGES},
	}
	context.kinerja_messages = js_messages()


@lru_cache(maxsize=1)
def _js_source_strings() -> tuple[str, ...]:
	path = frappe.get_app_path("kinerja_asn", *JS_PATH)
	try:
		with open(path, encoding="utf-8") as f:
			source = f.read()
	except OSError:
		return ()
	return tuple(sorted(set(re.findall(r'__\(\s*"((?:[^"\\]|\\.)*)"', source))))


def js_messages() -> dict[str, str]:
	"""Translations of the strings of kinerja_portal.js (its __("...") calls), for frappe._messages."""
	return {text: _(text) for text in _js_source_strings()}


def require_user() -> str:
	user = frappe.session.user
	if not user or user == "Guest":
		frappe.throw(_("Log in to use the appraisal portal."), frappe.PermissionError)
	return user


def date_text(value) -> str | None:
	if not value:
		return None
	if (frappe.local.lang or "").startswith("id"):
		return format_date_id(getdate(value))
	return formatdate(value)


def period_text(row) -> str:
	label = " ".join(_(v) for v in (row.get("period_type"), row.get("period_label")) if v)
	dates = " – ".join(d for d in (date_text(row.get("start_date")), date_text(row.get("end_date"))) if d)
	return f"{label} ({dates})" if label and dates else label or dates


def label_map(values) -> dict[str, str]:
	return {v: _(v) for v in values}


def number_text(value) -> str:
	"""100.0 -> "100", 97.5 -> "97.5" (no exponent for large numbers)."""
	return f"{flt(value):f}".rstrip("0").rstrip(".")


def text_lines(text: str | None) -> list[str]:
	return [line.strip() for line in cstr(text).splitlines() if line.strip()]


def no_employee() -> dict:
	return {
		"message": _(
			"Your user account is not linked to an active employee. Ask the HR staff (Kepegawaian) to link it."
		)
	}
