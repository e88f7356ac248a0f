"""/kinerja/tim (Tim Saya): the appraisals of my staff, rater progress as counts, and the SE 3/2023 pattern."""

import frappe
from frappe import _
from frappe.query_builder.functions import Count
from frappe.utils import flt

from kinerja_asn import access
from kinerja_asn.api.portal.common import (
	label_map,
	no_employee,
	period_text,
	require_user,
)
from kinerja_asn.scoring import distribution
from kinerja_asn.scoring.aggregation import (
	RATER_ROLES,
)
from kinerja_asn.scoring.nip import format_nip
from kinerja_asn.scoring.ratings import KUADRAN, PREDIKAT, RATINGS

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
	user = require_user()
	employee = access.employee_of(user)
	if not employee:
		return {"is_supervisor": False, **no_employee()}
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
		"period": period_text(rows[0]) if rows else None,
		"staff": staff,
		"distribution": team_distribution([s["predikat"] for s in staff], cko),
		"organisation_predicate_source": cko_source,
		"organisation_predicates": [
			{"value": v, "label": _(v)} for v in distribution.ORGANISATION_PREDICATES
		],
		"ratings": [{"value": v, "label": _(v)} for v in RATINGS],
		"kuadran": [{"hasil_kerja": h, "perilaku": p, "predikat": k} for (h, p), k in KUADRAN.items()],
		"labels": label_map((*RATINGS, *PREDIKAT)),
	}
