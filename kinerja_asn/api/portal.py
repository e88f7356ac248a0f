"""Self-service portal (/kinerja, /kinerja/tugas, /kinerja/tim, /kinerja/panduan): the data of each page and
the portal's whitelisted endpoints.

Ordinary employees have no desk or REST rights on appraisal data: these functions are their only way in. Each
asks kinerja_asn.access (on the stored documents) and returns plain dicts with only what the session user may
see; the www pages put exactly these dicts into their context, so the page HTML and the JSON of the endpoints
hold the same, checked data:

- a person sees their own appraisals and, of the raters' input, only groups at or above the anonymity threshold
  and feedback texts without names (kinerja_asn.api.appraisal.get_feedback_summary), and only once the results
  are released (kinerja_asn.access.released);
- a rater sees and fills only their own Rater Feedback (its stored rater_user is the session user);
- a supervisor sees the appraisals of their own staff (evaluator = their employee), with rater progress as
  counts only.
"""

import random
import re
import time
from functools import lru_cache
from urllib.parse import urlencode

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Sum
from frappe.utils import cint, cstr, flt, formatdate, getdate

from kinerja_asn import access
from kinerja_asn.api.appraisal import get_feedback_summary
from kinerja_asn.penilaian_kinerja import lifecycle, rollup
from kinerja_asn.scoring import distribution
from kinerja_asn.scoring.aggregation import (
	ATASAN,
	BAWAHAN,
	DIRI,
	POOLED,
	RATER_ROLES,
	REKAN,
)
from kinerja_asn.scoring.competency import CompetencyScore, strengths_and_development_areas
from kinerja_asn.scoring.development import suggest_methods
from kinerja_asn.scoring.nip import format_nip
from kinerja_asn.scoring.periods import format_date_id
from kinerja_asn.scoring.ratings import KUADRAN, PREDIKAT, RATINGS
from kinerja_asn.settings import anonymity_threshold, get_settings, role_weights

MIN_LEVEL, MAX_LEVEL = 1, 5
MAX_TEXT = 5000  # characters of one evidence, note or feedback text
DEADLOCK_ATTEMPTS = 5  # a rater's submit is tried again by the server on a database deadlock

PAGES = (
	("saya", "/kinerja", "My Appraisals"),
	("tugas", "/kinerja/tugas", "Rater Tasks"),
	("tim", "/kinerja/tim", "My Team"),
	("panduan", "/kinerja/panduan", "Appraisal Guide"),
)

# Guidance for the 1-5 behaviour score (local practice, shown on the form and in the guide)
SCORE_GUIDE = (
	(1, "Rarely shows this behaviour"),
	(2, "Sometimes shows this behaviour"),
	(3, "Shows this behaviour as expected"),
	(4, "Shows this behaviour consistently, beyond what is expected"),
	(5, "Always shows this behaviour and is a role model for others"),
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


def _require_user() -> str:
	user = frappe.session.user
	if not user or user == "Guest":
		frappe.throw(_("Log in to use the appraisal portal."), frappe.PermissionError)
	return user


def _date(value) -> str | None:
	if not value:
		return None
	if (frappe.local.lang or "").startswith("id"):
		return format_date_id(getdate(value))
	return formatdate(value)


def _period(row) -> str:
	label = " ".join(_(v) for v in (row.get("period_type"), row.get("period_label")) if v)
	dates = " – ".join(d for d in (_date(row.get("start_date")), _date(row.get("end_date"))) if d)
	return f"{label} ({dates})" if label and dates else label or dates


def _labels(values) -> dict[str, str]:
	return {v: _(v) for v in values}


def _number(value) -> str:
	"""100.0 -> "100", 97.5 -> "97.5" (no exponent for large numbers)."""
	return f"{flt(value):f}".rstrip("0").rstrip(".")


def _lines(text: str | None) -> list[str]:
	return [line.strip() for line in cstr(text).splitlines() if line.strip()]


def _no_employee() -> dict:
	return {
		"message": _(
			"Your user account is not linked to an active employee. Ask the HR staff (Kepegawaian) to link it."
		)
	}


# ---------------------------------------------------------------------------- 1. /kinerja: my appraisals


@frappe.whitelist()
def get_my_appraisals() -> dict:
	"""My appraisals, newest first, with what I may see of each (see module docstring)."""
	user = _require_user()
	employee = access.employee_of(user)
	if not employee:
		return {"employee": None, "appraisals": [], **_no_employee()}
	names = frappe.get_all(
		"ASN Appraisal",
		filters={"employee": employee, "docstatus": ("<", 2)},
		pluck="name",
		order_by="start_date desc, creation desc",
	)
	me = frappe.db.get_value("Employee", employee, ["employee_name", "designation"], as_dict=True)
	return {
		"employee": {"employee_name": me.employee_name, "designation": me.designation},
		"appraisals": [appraisal_for_person(name) for name in names],
		"anonymity_threshold": anonymity_threshold(),
	}


def appraisal_for_person(name: str) -> dict:
	"""One appraisal as the person rated (or a supervisor) may see it: never a rater's identity, never a peer or
	subordinate group below the anonymity threshold (the stored scores do not contain one), and for the
	person rated none of the raters' results before they are released (kinerja_asn.access.released)."""
	row = access.require_appraisal_reader(name)
	doc = frappe.get_doc("ASN Appraisal", row.name)
	threshold = anonymity_threshold()
	shown = not access.is_appraisee(row) or access.released(row)
	summary = get_feedback_summary(doc.name)
	deadline = frappe.db.get_value("Appraisal Cycle", doc.appraisal_cycle, "feedback_deadline")

	def groups(items: dict, item: str) -> list[dict]:
		return [
			{"role": g["role"], "role_label": _(g["role"]), "mean": g["mean"], "count": g["count"]}
			for g in items.get(item, [])
		]

	def value(number, digits: int = 2):
		return flt(number, digits) if shown and number else None

	competencies = [
		{
			"competency": r.competency,
			"competency_type": r.competency_type,
			"competency_type_label": _(r.competency_type) if r.competency_type else None,
			"required_level": r.required_level,
			"assessed_level": value(r.assessed_level) if r.rater_count else None,
			"gap": flt(r.gap, 2) if shown and r.rater_count else None,
			"hidden": not shown,
			"groups": groups(summary["competencies"], r.competency),
		}
		for r in doc.competencies
	]
	behaviours = [
		{
			"core_value": r.core_value,
			"score": value(r.score) if r.rater_count else None,
			"hidden": not shown,
			"groups": groups(summary["behaviours"], r.core_value),
		}
		for r in doc.behaviours
	]
	ratings = {
		field: (doc.get(field) or None) if shown else None
		for field in ("hasil_kerja_rating", "perilaku_rating", "predikat")
	}
	aggregates = rollup.collect([doc.name])[doc.name]
	return {
		"name": doc.name,
		"appraisal_cycle": doc.appraisal_cycle,
		"period": _period(doc),
		"docstatus": doc.docstatus,
		"status": _("Final") if doc.docstatus == 1 else _("In progress"),
		"released": shown,
		"release_note": None
		if shown
		else _(
			"Your results are shown once the feedback window closes ({0}): results that change while feedback still arrives would tell who rated what."
		).format(_date(deadline) or _("when the cycle is completed")),
		"designation": doc.designation,
		"job_group": doc.job_group,
		"evaluator_name": doc.evaluator_name
		or (doc.evaluator and frappe.db.get_value("Employee", doc.evaluator, "employee_name")),
		**ratings,
		"predikat_status": doc.predikat_status if shown else None,
		"labels": _labels(v for v in (*ratings.values(), doc.predikat_status) if v),
		"notes": doc.notes or None,
		"results": [
			{
				"jenis": _(r.jenis) if r.jenis else None,
				"rhk": r.rhk,
				"target": _number(r.target),
				"realisasi": _number(r.realisasi),
				"achievement": flt(r.achievement, 2),
				"classification": _(r.classification) if r.classification else None,
			}
			for r in doc.results
		],
		"competencies": competencies,
		"behaviours": behaviours,
		"behaviour_score": value(doc.behaviour_score),
		"jpm": value(doc.jpm_capped),
		"jpm_category": _(doc.jpm_category) if shown and doc.jpm_category else None,
		"feedback": [
			{"role": f["role"], "role_label": _(f["role"]) if f["role"] else None, "text": f["text"]}
			for f in summary["feedback"]
		],
		"raters_submitted": sum(aggregates.submitted.values()),
		"raters_assigned": sum(aggregates.assigned.values()),
		"anonymity_threshold": threshold,
		"development": {**development_suggestions(competencies), "plan": development_plan(doc)},
	}


def development_suggestions(competencies: list[dict]) -> dict:
	"""Strengths and development areas from the visible competency results, with suggested methods."""
	rows = [
		CompetencyScore(c["competency"], c["required_level"], c["assessed_level"])
		for c in competencies
		if c["assessed_level"] is not None and c["required_level"]
	]
	strengths, areas = strengths_and_development_areas(rows) if rows else ([], [])
	by_name = {c["competency"]: c for c in competencies}
	return {
		"strengths": strengths,
		"areas": [
			{
				"competency": name,
				"gap": by_name[name]["gap"],
				"methods": [_(m) for m in suggest_methods(by_name[name]["gap"])],
			}
			for name in areas
		],
		"plan": None,
	}


def development_plan(doc) -> dict | None:
	"""The Development Plan (module Pengembangan) agreed for this appraisal, or of its year; None when there is
	none (the page shows a placeholder) or the doctype is not installed."""
	fields = ["name", "status", "year", "jp_target", "total_planned_jp", "total_realised_jp", "notes"]
	plans = frappe.get_all(
		"Development Plan",
		filters={"employee": doc.employee, "asn_appraisal": doc.name},
		fields=fields,
		limit=1,
	)
	if not plans and doc.start_date:
		plans = frappe.get_all(
			"Development Plan",
			filters={"employee": doc.employee, "year": getdate(doc.start_date).year},
			fields=fields,
			order_by="modified desc",
			limit=1,
		)
	if not plans:
		return None
	plan = plans[0]
	items = frappe.get_all(
		"Development Plan Item",
		filters={"parent": plan.name, "parenttype": "Development Plan"},
		fields=["competency", "development_method", "planned_jp", "realised_jp", "status", "description"],
		order_by="idx asc",
	)
	return {
		"name": plan.name,
		"status": plan.status,
		"status_label": _(plan.status) if plan.status else None,
		"year": plan.year,
		"jp_target": flt(plan.jp_target) or None,
		"total_planned_jp": flt(plan.total_planned_jp),
		"total_realised_jp": flt(plan.total_realised_jp),
		"notes": plan.notes or None,
		"items": [
			{
				"competency": i.competency,
				"method": _(i.development_method) if i.development_method else None,
				"planned_jp": flt(i.planned_jp),
				"realised_jp": flt(i.realised_jp),
				"status": _(i.status) if i.status else None,
				"description": i.description,
			}
			for i in items
		],
	}


# ------------------------------------------------------------------------ 2. /kinerja/tugas: rater tasks


def _cycle_info(cycles: set[str]) -> dict:
	if not cycles:
		return {}
	return {
		c.name: c
		for c in frappe.get_all(
			"Appraisal Cycle",
			filters={"name": ("in", list(cycles))},
			fields=["name", "status", "feedback_deadline"],
		)
	}


def _progress(names: list[str]) -> dict[str, dict]:
	"""Rated and total items of each Rater Feedback, in two aggregate queries."""
	out = {name: {"rated": 0, "total": 0} for name in names}
	if not names:
		return out
	for child, field in (("Rater Competency Rating", "level"), ("Rater Behaviour Rating", "score")):
		Row = frappe.qb.DocType(child)
		rows = (
			frappe.qb.from_(Row)
			.select(Row.parent, Count(Row.name), Sum(Case().when(Row[field] > 0, 1).else_(0)))
			.where(Row.parent.isin(names) & (Row.parenttype == "Rater Feedback"))
			.groupby(Row.parent)
			.run()
		)
		for parent, total, rated in rows:
			out[parent]["total"] += cint(total)
			out[parent]["rated"] += cint(rated)
	return out


@frappe.whitelist()
def get_my_tasks() -> dict:
	"""My rater tasks (Rater Feedback where I am the rater): drafts to fill, and the ones I sent."""
	user = _require_user()
	rows = frappe.get_all(
		"Rater Feedback",
		filters={"rater_user": user, "docstatus": ("<", 2)},
		fields=["name", "asn_appraisal", "employee_name", "rater_role", "appraisal_cycle", "docstatus"],
		order_by="docstatus asc, modified desc",
	)
	progress = _progress([r.name for r in rows])
	cycles = _cycle_info({r.appraisal_cycle for r in rows if r.appraisal_cycle})
	appraisals = {
		a.name: a
		for a in frappe.get_all(
			"ASN Appraisal",
			filters={"name": ("in", list({r.asn_appraisal for r in rows}) or [""])},
			fields=[*lifecycle.APPRAISAL_STATE, "designation"],
		)
	}
	tasks = []
	for r in rows:
		cycle = cycles.get(r.appraisal_cycle)
		appraisal = appraisals.get(r.asn_appraisal) or frappe._dict(docstatus=2, name=r.asn_appraisal)
		tasks.append(
			{
				"name": r.name,
				"route": f"/kinerja/tugas?name={r.name}",
				"employee_name": r.employee_name,
				"designation": appraisal.designation,
				"rater_role": r.rater_role,
				"rater_role_label": _(r.rater_role),
				"is_self": r.rater_role == DIRI,
				"appraisal_cycle": r.appraisal_cycle,
				"deadline": _date(cycle.feedback_deadline) if cycle else None,
				"submitted": r.docstatus == 1,
				"closed": lifecycle.feedback_closed(appraisal, cycle) if r.docstatus == 0 else None,
				**progress[r.name],
			}
		)
	tasks.sort(key=lambda t: not t["is_self"])  # the self-assessment first, then the latest worked on
	return {
		"open": [t for t in tasks if not t["submitted"]],
		"sent": [t for t in tasks if t["submitted"]],
	}


@frappe.whitelist()
def get_task(name: str) -> dict:
	"""The form of one of my rater tasks: competencies with their level descriptions, core values with their
	behaviour guides, my current answers."""
	user = _require_user()
	doc = access.require_rater(name, user)
	appraisal = frappe.db.get_value(
		"ASN Appraisal",
		doc.asn_appraisal,
		[*lifecycle.APPRAISAL_STATE, "designation", "period_type", "period_label", "start_date", "end_date"],
		as_dict=True,
	)
	cycle = _cycle_info({doc.appraisal_cycle} if doc.appraisal_cycle else set()).get(doc.appraisal_cycle)
	competencies = [r.competency for r in doc.competency_ratings]
	values = [r.core_value for r in doc.behaviour_ratings]
	info = {
		c.name: c
		for c in frappe.get_all(
			"Competency",
			filters={"name": ("in", competencies or [""])},
			fields=["name", "competency_type", "definition"],
		)
	}
	levels: dict[str, dict[int, dict]] = {}
	for lv in frappe.get_all(
		"Competency Level",
		filters={"parent": ("in", competencies or [""]), "parenttype": "Competency"},
		fields=["parent", "level", "title", "description", "indicators"],
		order_by="level asc",
	):
		levels.setdefault(lv.parent, {})[lv.level] = {
			"level": lv.level,
			"title": lv.title,
			"description": lv.description,
			"indicators": _lines(lv.indicators),
		}
	meanings = dict(
		frappe.get_all(
			"Core Value", filters={"name": ("in", values or [""])}, fields=["name", "meaning"], as_list=True
		)
	)
	guides: dict[str, list[str]] = {}
	for g in frappe.get_all(
		"Core Value Guide",
		filters={"parent": ("in", values or [""]), "parenttype": "Core Value"},
		fields=["parent", "guide"],
		order_by="idx asc",
	):
		guides.setdefault(g.parent, []).append(g.guide)
	progress = _progress([doc.name])[doc.name]
	closed = lifecycle.feedback_closed(appraisal, cycle) if doc.docstatus == 0 else None
	return {
		"name": doc.name,
		"employee_name": doc.employee_name,
		"designation": appraisal.designation,
		"period": _period(appraisal),
		"rater_role": doc.rater_role,
		"rater_role_label": _(doc.rater_role),
		"is_self": doc.rater_role == DIRI,
		"deadline": _date(cycle.feedback_deadline) if cycle else None,
		"submitted": doc.docstatus == 1,
		"closed": closed,
		"editable": doc.docstatus == 0 and not closed,
		"feedback": doc.feedback or "",
		"levels": list(range(MIN_LEVEL, MAX_LEVEL + 1)),
		"score_guide": [{"score": s, "text": _(t)} for s, t in SCORE_GUIDE],
		"competencies": [
			{
				"competency": r.competency,
				"competency_type_label": _(info[r.competency].competency_type)
				if r.competency in info
				else None,
				"definition": info[r.competency].definition if r.competency in info else None,
				"level": cint(r.level) or None,
				"evidence": r.evidence or "",
				"levels": [
					levels.get(r.competency, {}).get(level)
					or {"level": level, "title": None, "description": None, "indicators": []}
					for level in range(MIN_LEVEL, MAX_LEVEL + 1)
				],
			}
			for r in doc.competency_ratings
		],
		"behaviours": [
			{
				"core_value": r.core_value,
				"meaning": meanings.get(r.core_value),
				"guides": guides.get(r.core_value, []),
				"score": cint(r.score) or None,
				"note": r.note or "",
			}
			for r in doc.behaviour_ratings
		],
		**progress,
	}


def _parse_items(value, label: str) -> dict:
	if value in (None, ""):
		return {}
	if isinstance(value, str):
		try:
			value = frappe.parse_json(value)
		except ValueError:
			value = None
	if not isinstance(value, dict):
		frappe.throw(_("{0} must be sent as an object keyed by name.").format(label), frappe.ValidationError)
	return value


def _check_level(value, item: str, label: str) -> int:
	"""0 = not rated yet; else a whole number 1-5. Refuses text, fractions, booleans and out-of-range values."""
	if value in (None, "", 0, "0"):
		return 0
	number = value
	if isinstance(number, str) and number.strip().isdigit():
		number = int(number.strip())
	if isinstance(number, float) and number.is_integer():
		number = int(number)
	if isinstance(number, bool) or not isinstance(number, int) or not MIN_LEVEL <= number <= MAX_LEVEL:
		frappe.throw(
			_("{0} of {1} must be a whole number from 1 to 5, got {2}.").format(
				label, item, frappe.bold(value)
			),
			frappe.ValidationError,
			title=_("Invalid Rating"),
		)
	return number


def _check_text(value, label: str) -> str | None:
	if value is None:
		return None
	if not isinstance(value, str):
		frappe.throw(_("{0} must be text.").format(label), frappe.ValidationError)
	value = value.strip()
	if len(value) > MAX_TEXT:
		frappe.throw(
			_("{0} is too long: at most {1} characters.").format(label, MAX_TEXT), frappe.ValidationError
		)
	return value


def _entry(value, score_key: str, text_key: str) -> tuple:
	"""An item's answer: {score_key: n, text_key: "..."} or just the number."""
	if isinstance(value, dict):
		unknown = set(value) - {score_key, text_key}
		if unknown:
			frappe.throw(
				_("Unknown field {0}.").format(frappe.bold(", ".join(sorted(map(str, unknown))))),
				frappe.ValidationError,
			)
		return value.get(score_key), value.get(text_key)
	return value, None


def _fill_and_save(doc, competencies: dict, behaviours: dict, feedback: str | None, submit) -> object:
	"""Put the checked answers on the rater's task and save (or submit) it; nothing is written on bad input."""
	if doc.docstatus != 0:
		frappe.throw(
			_("This feedback was already sent and can no longer be changed."), frappe.ValidationError
		)
	for table, field, items, score_key, text_key, score_label, text_label in (
		("competency_ratings", "competency", competencies, "level", "evidence", _("Level"), _("Evidence")),
		("behaviour_ratings", "core_value", behaviours, "score", "note", _("Score"), _("Note")),
	):
		rows = {row.get(field): row for row in doc.get(table)}
		unknown = [key for key in items if key not in rows]
		if unknown:
			frappe.throw(
				_("{0} is not part of this rater task.").format(frappe.bold(", ".join(map(str, unknown)))),
				frappe.ValidationError,
				title=_("Unknown Item"),
			)
		for key, value in items.items():
			score, text = _entry(value, score_key, text_key)
			rows[key].set(score_key, _check_level(score, key, score_label))
			text = _check_text(text, f"{text_label} ({key})")
			if text is not None:
				rows[key].set(text_key, text)
	text = _check_text(feedback, _("Constructive Feedback"))
	if text is not None:
		doc.feedback = text
	if cint(submit):
		missing = [r.competency for r in doc.competency_ratings if not cint(r.level)] + [
			r.core_value for r in doc.behaviour_ratings if not cint(r.score)
		]
		if missing:
			frappe.throw(
				_("Rate every item before sending. Not rated yet: {0}.").format(", ".join(missing)),
				frappe.ValidationError,
				title=_("Incomplete Feedback"),
			)
	doc.flags.ignore_permissions = True  # the stored rater is the session user (access.require_rater)
	if cint(submit):
		doc.submit()  # one save: the controller validates and rolls the ratings up into the appraisal
	else:
		doc.save()
	return doc


@frappe.whitelist(methods=["POST"])
def save_feedback(
	name: str,
	competencies: dict | str | None = None,
	behaviours: dict | str | None = None,
	feedback: str | None = None,
	submit: bool = False,
) -> dict:
	"""Save (and with submit=1 send) my rater task `name`.

	competencies: {competency: {"level": 1-5 or 0/None, "evidence": text}} (or {competency: level});
	behaviours: {core value: {"score": 1-5 or 0/None, "note": text}} (or {core value: score}).
	Items not sent keep their current answer; items that are not part of the task are refused. Everything is
	checked before anything is written; the Rater Feedback document then validates and, on submit, rolls the
	ratings up into the appraisal.
	"""
	user = _require_user()
	competencies = _parse_items(competencies, _("Competencies"))
	behaviours = _parse_items(behaviours, _("Core Values (BerAKHLAK)"))
	for attempt in range(1, DEADLOCK_ATTEMPTS + 1):
		try:
			doc = _fill_and_save(access.require_rater(name, user), competencies, behaviours, feedback, submit)
			break
		except frappe.QueryDeadlockError:
			# one lock order makes this rare; if it still happens, the server tries again: never the rater
			frappe.db.rollback()
			if attempt == DEADLOCK_ATTEMPTS:
				raise
			time.sleep(random.uniform(0.05, 0.25) * attempt)
	progress = _progress([doc.name])[doc.name]
	return {
		"name": doc.name,
		"status": "Submitted" if doc.docstatus == 1 else "Draft",
		"message": _("Your feedback was sent. Thank you.")
		if doc.docstatus == 1
		else _("Draft saved: {0} of {1} items rated.").format(progress["rated"], progress["total"]),
		**progress,
	}


# ------------------------------------------------------------------------------ 3. /kinerja/tim: my team


def _role_progress(appraisals: list[str]) -> dict[str, list[dict]]:
	"""Per appraisal and rater role: raters assigned and submitted (counts only, never who)."""
	out: dict[str, dict[str, dict]] = {a: {} for a in appraisals}
	if not appraisals:
		return {}
	RF = frappe.qb.DocType("Rater Feedback")
	rows = (
		frappe.qb.from_(RF)
		.select(RF.asn_appraisal, RF.rater_role, RF.docstatus, Count(RF.name))
		.where(RF.asn_appraisal.isin(appraisals) & (RF.docstatus < 2))
		.groupby(RF.asn_appraisal, RF.rater_role, RF.docstatus)
		.run()
	)
	for appraisal, role, docstatus, count in rows:
		entry = out[appraisal].setdefault(role, {"assigned": 0, "submitted": 0})
		entry["assigned"] += count
		if docstatus == 1:
			entry["submitted"] += count
	return {
		a: [{"role": role, "role_label": _(role), **roles[role]} for role in RATER_ROLES if role in roles]
		for a, roles in out.items()
	}


def _organisation_predicate(department: str | None, cycle: str | None, requested: str | None) -> tuple:
	"""The unit's Capaian Kinerja Organisasi: as requested, else from its Predicate Calibration, else Baik."""
	if requested in distribution.ORGANISATION_PREDICATES:
		return requested, "chosen"
	if department and cycle:
		value = frappe.db.get_value(
			"Predicate Calibration",
			{"department": department, "appraisal_cycle": cycle, "docstatus": ("<", 2)},
			"organisation_predicate",
			order_by="docstatus desc, modified desc",
		)
		if value in distribution.ORGANISATION_PREDICATES:
			return value, "calibration"
	return distribution.ORG_BAIK, "default"


def team_distribution(predikats: list[str | None], organisation_predicate: str) -> dict:
	"""The staff's predikat against the SE MenPANRB 3/2023 pattern of the organisation predicate."""
	given = [p for p in predikats if p in PREDIKAT]
	result = distribution.check_distribution(organisation_predicate, given)
	pattern = distribution.allowed_pattern(organisation_predicate, result.total)
	broken = {v.rule.code for v in result.violations}
	return {
		"organisation_predicate": organisation_predicate,
		"organisation_predicate_label": _(organisation_predicate),
		"total": result.total,
		"without_predikat": len(predikats) - len(given),
		"counts": [
			{
				"predikat": p,
				"label": _(p),
				"count": result.counts.get(p, 0),
				"percent": result.percentages.get(p, 0),
			}
			for p in PREDIKAT
		],
		"rules": [
			{
				"code": rule["code"],
				"description": _(rule["description"]),
				"kind": rule["kind"],
				"limit": rule["limit"],
				"actual": sum(result.counts.get(p, 0) for p in rule["predicates"]),
				"ok": rule["code"] not in broken,
			}
			for rule in pattern
		],
		"violations": [_(v.message).format(*v.args) for v in result.violations],
		"ok": result.ok,
	}


@frappe.whitelist()
def get_team(appraisal_cycle: str | None = None, organisation_predicate: str | None = None) -> dict:
	"""The appraisals of my own staff (I am their Pejabat Penilai Kinerja), with rater progress, proposals,
	ratings, predikat and the distribution against SE 3/2023."""
	user = _require_user()
	employee = access.employee_of(user)
	if not employee:
		return {"is_supervisor": False, **_no_employee()}
	all_rows = frappe.get_all(
		"ASN Appraisal",
		filters={"evaluator": employee, "docstatus": ("<", 2)},
		fields=["name", "appraisal_cycle", "start_date"],
		order_by="start_date desc",
	)
	if not all_rows:
		return {
			"is_supervisor": False,
			"message": _(
				"Nobody in an appraisal cycle has you as Pejabat Penilai Kinerja, so there is nothing to show here. Your own appraisal is under My Appraisals."
			),
		}
	cycles = list(dict.fromkeys(r.appraisal_cycle for r in all_rows))
	cycle = appraisal_cycle if appraisal_cycle in cycles else cycles[0]
	fields = [
		"name",
		"employee",
		"employee_name",
		"nip",
		"designation",
		"department",
		"docstatus",
		"period_type",
		"period_label",
		"start_date",
		"end_date",
		"hasil_kerja_proposed",
		"hasil_kerja_rating",
		"hasil_kerja_override_reason",
		"perilaku_proposed",
		"perilaku_rating",
		"perilaku_override_reason",
		"behaviour_score",
		"predikat",
		"predikat_status",
		"notes",
	]
	rows = frappe.get_all(
		"ASN Appraisal",
		filters={"evaluator": employee, "appraisal_cycle": cycle, "docstatus": ("<", 2)},
		fields=fields,
		order_by="employee_name asc",
	)
	progress = _role_progress([r.name for r in rows])
	my_department = frappe.db.get_value("Employee", employee, "department")
	cko, cko_source = _organisation_predicate(my_department, cycle, organisation_predicate)
	staff = []
	for r in rows:
		roles = progress.get(r.name, [])
		staff.append(
			{
				"name": r.name,
				"employee_name": r.employee_name,
				"nip": format_nip(r.nip) if r.nip else None,
				"designation": r.designation,
				"editable": r.docstatus == 0 and r.predikat_status != "Ditetapkan",
				"final": r.docstatus == 1,
				"predikat_fixed": r.predikat_status == "Ditetapkan",
				"hasil_kerja_proposed": r.hasil_kerja_proposed or None,
				"hasil_kerja_rating": r.hasil_kerja_rating or None,
				"hasil_kerja_override_reason": r.hasil_kerja_override_reason or "",
				"perilaku_proposed": r.perilaku_proposed or None,
				"perilaku_rating": r.perilaku_rating or None,
				"perilaku_override_reason": r.perilaku_override_reason or "",
				"behaviour_score": flt(r.behaviour_score, 2) or None,
				"predikat": r.predikat or None,
				"notes": r.notes or "",
				"raters": roles,
				"raters_assigned": sum(x["assigned"] for x in roles),
				"raters_submitted": sum(x["submitted"] for x in roles),
			}
		)
	return {
		"is_supervisor": True,
		"appraisal_cycle": cycle,
		"cycles": cycles,
		"period": _period(rows[0]) if rows else None,
		"staff": staff,
		"distribution": team_distribution([s["predikat"] for s in staff], cko),
		"organisation_predicate_source": cko_source,
		"organisation_predicates": [
			{"value": v, "label": _(v)} for v in distribution.ORGANISATION_PREDICATES
		],
		"ratings": [{"value": v, "label": _(v)} for v in RATINGS],
		"kuadran": [{"hasil_kerja": h, "perilaku": p, "predikat": k} for (h, p), k in KUADRAN.items()],
		"labels": _labels((*RATINGS, *PREDIKAT)),
	}


# ------------------------------------------------------------------------- 4. /kinerja/panduan: the guide


def _competency_details(names: list[str]) -> dict[str, dict]:
	if not names:
		return {}
	info = {
		c.name: {
			"competency": c.name,
			"competency_type": c.competency_type,
			"competency_type_label": _(c.competency_type),
			"bidang": c.bidang,
			"definition": c.definition,
			"levels": [],
		}
		for c in frappe.get_list(
			"Competency",
			filters={"name": ("in", names)},
			fields=["name", "competency_type", "bidang", "definition"],
		)
	}
	for lv in frappe.get_all(
		"Competency Level",
		filters={"parent": ("in", list(info) or [""]), "parenttype": "Competency"},
		fields=["parent", "level", "title", "description", "indicators"],
		order_by="level asc",
	):
		info[lv.parent]["levels"].append(
			{
				"level": lv.level,
				"title": lv.title,
				"description": lv.description,
				"indicators": _lines(lv.indicators),
			}
		)
	return info


@frappe.whitelist()
def get_guide() -> dict:
	"""My position's competency profile, the competency dictionary, the BerAKHLAK guides, how ratings become a
	predikat, the SE 3/2023 pattern, and the rater weights and anonymity threshold of the settings."""
	user = _require_user()
	if not frappe.has_permission("Competency", "read"):
		return {"profile": None, "designation": None, **_no_employee()}
	employee = access.employee_of(user)
	designation = employee and frappe.db.get_value("Employee", employee, "designation")
	profile = None
	if designation and frappe.get_list(
		"Position Competency Profile", filters={"name": designation}, pluck="name", limit=1
	):
		p = frappe.get_doc("Position Competency Profile", designation)
		details = _competency_details([r.competency for r in p.requirements])
		profile = {
			"designation": p.designation,
			"job_group": p.job_group,
			"requirements": [
				{
					"competency": r.competency,
					"competency_type_label": _(r.competency_type) if r.competency_type else None,
					"required_level": r.required_level,
					"weight": r.weight,
					"level_description": r.level_description,
					"levels": details.get(r.competency, {}).get("levels", []),
					"definition": details.get(r.competency, {}).get("definition"),
				}
				for r in p.requirements
			],
		}
	names = frappe.get_list(
		"Competency", filters={"enabled": 1}, pluck="name", order_by="competency_name asc"
	)
	details = _competency_details(names)
	dictionary = []
	for kind in ("Manajerial", "Sosial Kultural", "Teknis"):
		items = [details[n] for n in names if n in details and details[n]["competency_type"] == kind]
		if items:
			dictionary.append({"competency_type": kind, "label": _(kind), "competencies": items})
	values = frappe.get_list("Core Value", fields=["name", "meaning"], order_by="sequence asc")
	guides: dict[str, list[str]] = {}
	for g in frappe.get_all(
		"Core Value Guide",
		filters={"parent": ("in", [v.name for v in values] or [""]), "parenttype": "Core Value"},
		fields=["parent", "guide"],
		order_by="idx asc",
	):
		guides.setdefault(g.parent, []).append(g.guide)
	s = get_settings()
	weights = role_weights()
	return {
		"designation": designation,
		"profile": profile,
		"dictionary": dictionary,
		"core_values": [
			{"core_value": v.name, "meaning": v.meaning, "guides": guides.get(v.name, [])} for v in values
		],
		"score_guide": [{"score": sc, "text": _(t)} for sc, t in SCORE_GUIDE],
		"ratings": [{"value": v, "label": _(v)} for v in RATINGS],
		"kuadran": [
			{
				"hasil_kerja": h,
				"hasil_kerja_label": _(h),
				"cells": [
					{"perilaku": p, "predikat": KUADRAN[(h, p)], "label": _(KUADRAN[(h, p)])} for p in RATINGS
				],
			}
			for h in RATINGS
		],
		"distribution_rules": [
			{
				"organisation_predicate": cko,
				"label": _(cko),
				"rules": [_(r.description) for r in distribution.RULES[cko]],
			}
			for cko in distribution.ORGANISATION_PREDICATES
		],
		"weights": [
			{"role": role, "label": _(role), "weight": flt(weights.get(role, 0), 2)} for role in RATER_ROLES
		],
		"anonymity_threshold": anonymity_threshold(),
		"anonymous_roles": [_(r) for r in (REKAN, BAWAHAN)],
		"always_visible_roles": [_(r) for r in (ATASAN, DIRI)],
		"pooled_label": _(POOLED),
		"peers_to_assign": cint(s.peers_to_assign),
		"min_peer_raters": cint(s.min_peer_raters),
		"thresholds": {
			"hasil_above": flt(s.hasil_above_threshold),
			"hasil_below": flt(s.hasil_below_threshold),
			"perilaku_above": flt(s.perilaku_above_threshold),
			"perilaku_below": flt(s.perilaku_below_threshold),
		},
	}
