"""/kinerja (Penilaian Saya): my appraisals as the person rated may see them, and my development."""

import frappe
from frappe import _
from frappe.utils import flt, getdate

from kinerja_asn import access
from kinerja_asn.api.appraisal import feedback_summary
from kinerja_asn.api.portal.common import (
	date_text,
	label_map,
	no_employee,
	number_text,
	period_text,
	require_user,
)
from kinerja_asn.penilaian_kinerja import rollup
from kinerja_asn.scoring.competency import CompetencyScore, strengths_and_development_areas
from kinerja_asn.scoring.development import suggest_methods
from kinerja_asn.settings import anonymity_threshold

# ---------------------------------------------------------------------------- 1. /kinerja: my appraisals


@frappe.whitelist()
def get_my_appraisals() -> dict:
	"""My appraisals, newest first, with what I may see of each (see module docstring)."""
	user = require_user()
	employee = access.employee_of(user)
	if not employee:
		return {"employee": None, "appraisals": [], **no_employee()}
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
	aggregates = rollup.collect([doc.name])[doc.name]
	summary = feedback_summary(doc.name, shown, aggregates)
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
	return {
		"name": doc.name,
		"appraisal_cycle": doc.appraisal_cycle,
		"period": period_text(doc),
		"docstatus": doc.docstatus,
		"status": _("Final") if doc.docstatus == 1 else _("In progress"),
		"released": shown,
		"release_note": None
		if shown
		else _(
			"Your results are shown once the feedback window closes ({0}): results that change while feedback still arrives would tell who rated what."
		).format(date_text(deadline) or _("when the cycle is completed")),
		"designation": doc.designation,
		"job_group": doc.job_group,
		"evaluator_name": doc.evaluator_name
		or (doc.evaluator and frappe.db.get_value("Employee", doc.evaluator, "employee_name")),
		**ratings,
		"predikat_status": doc.predikat_status if shown else None,
		"labels": label_map(v for v in (*ratings.values(), doc.predikat_status) if v),
		"notes": doc.notes or None,
		"results": [
			{
				"jenis": _(r.jenis) if r.jenis else None,
				"rhk": r.rhk,
				"target": number_text(r.target),
				"realisasi": number_text(r.realisasi),
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
