"""What every portal page shares: the page context, the session user, and how dates, periods, numbers and
labels are shown."""

import re
from functools import lru_cache
from urllib.parse import urlencode

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


def prepare_page(context, page: str, title: str) -> str:
	"""Common context of every portal page; guests are sent to the login page. Returns the session user."""
	user = frappe.session.user
	if not user or user == "Guest":
		path = frappe.local.request.full_path if getattr(frappe.local, "request", None) else "/kinerja"
		frappe.local.flags.redirect_location = "/login?" + urlencode({"redirect-to": path.rstrip("?")})
		raise frappe.Redirect(302)  # temporary: never cached as permanent by the browser
	context.no_cache = 1
	context.show_sidebar = False
	context.title = title
	context.kinerja_page = page
	context.kinerja_nav = [
		{"key": key, "route": route, "title": _(label), "active": key == page} for key, route, label in PAGES
	]
	context.kinerja_messages = js_messages()
	return user


@lru_cache(maxsize=1)
def _js_source_strings() -> tuple[str, ...]:
	path = frappe.get_app_path("kinerja_asn", "public", "js", "kinerja_portal.js")
	try:
		with open(path, encoding="utf-8") as f:
			source = f.read()
	except OSError:
		return ()
	return tuple(sorted(set(re.findall(r'__\("((?:[^"\\]|\\.)*)"', source))))


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
