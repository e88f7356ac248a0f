"""/kinerja/tugas (Tugas Penilaian): my rater tasks, one task's form, and saving or sending it."""

import random
import time

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Sum
from frappe.utils import cint

from kinerja_asn import access
from kinerja_asn.api.portal.common import (
	SCORE_GUIDE,
	date_text,
	period_text,
	require_user,
	text_lines,
)

MIN_LEVEL, MAX_LEVEL = 1, 5
MAX_TEXT = 5000  # characters of one evidence, note or feedback text
DEADLOCK_ATTEMPTS = 5  # a rater's submit is tried again by the server on a database deadlock
from kinerja_asn.penilaian_kinerja import lifecycle
from kinerja_asn.scoring.aggregation import (
	DIRI,
)

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
	user = require_user()
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
				"deadline": date_text(cycle.feedback_deadline) if cycle else None,
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
	user = require_user()
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
			"indicators": text_lines(lv.indicators),
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
		"period": period_text(appraisal),
		"rater_role": doc.rater_role,
		"rater_role_label": _(doc.rater_role),
		"is_self": doc.rater_role == DIRI,
		"deadline": date_text(cycle.feedback_deadline) if cycle else None,
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
	user = require_user()
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
