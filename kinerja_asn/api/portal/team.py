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
from kinerja_asn.penilaian_kinerja import groups
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


def _group(employees: list[str], cycle: str, me: str) -> dict | None:
	"""The distribution group most of my staff are in, whether my line holds all of it, and its predikat
	(only when it does: a supervisor never learns the predikat of people outside their line)."""
	found = groups.groups_of(employees, cycle)
	if not found:
		return None
	name = max(set(found.values()), key=list(found.values()).count)
	group = frappe.db.get_value(
		"Distribution Group", name, ["name", "group_name", "organisation_predicate"], as_dict=True
	)
	members = frappe.get_all(
		"Distribution Group Member",
		filters={"parent": name, "parenttype": "Distribution Group"},
		pluck="employee",
	)
	whole = set(members) - {me} <= set(access.line_of(me))  # (my own predikat I know anyway)
	predikats = None
	if whole:
		predikats = [r.predikat for r in groups.member_appraisals(name, ["predikat"])]
	return {**group, "total": len(members), "whole": whole, "predikats": predikats}


def team_distribution(predikats: list[str | None], organisation_predicate: str, group: dict | None) -> dict:
	"""My staff's predikat, and the SE MenPANRB 3/2023 pattern of their distribution group. A verdict (met / not
	met) is given only when my line holds the whole group and it is large enough to check; otherwise the rules
	are shown for information, with why."""
	given = [p for p in predikats if p in PREDIKAT]
	staff = distribution.check_distribution(organisation_predicate, given)
	if group and group["whole"]:
		result = groups.check(organisation_predicate, [p for p in group["predikats"] if p in PREDIKAT])
	else:
		result = None
	size = result.total if result else (group["total"] if group else len(given))
	pattern = groups.pattern(organisation_predicate, size)
	verdict = result is not None and not result.too_small
	broken = {v.rule.code for v in result.violations} if verdict else set()
	if not group:
		note = _(
			"Your staff are not in a distribution group of this cycle yet: HR makes the groups. Nothing is checked until then."
		)
	elif result is None:
		note = _(
			"The distribution is checked on the whole group {0} ({1} employees) in its Predicate Calibration, not on your staff alone; the limits below are for the whole group."
		).format(group["group_name"], group["total"])
	elif result.too_small:
		note = groups.too_small_text(result)
	else:
		note = _("Checked on the distribution group {0} ({1} employees with a predikat).").format(
			group["group_name"], result.total
		)
	status_label = {"met": _("Met"), "not_met": _("Not met"), "info": _("For information")}
	rules = []
	for rule in pattern:
		status = ("not_met" if rule["code"] in broken else "met") if verdict else "info"
		counts = result.counts if verdict else staff.counts
		rules.append(
			{
				"code": rule["code"],
				"description": _(rule["description"]),
				"kind": rule["kind"],
				"limit": rule["limit"],
				"actual": sum(counts.get(p, 0) for p in rule["predicates"]),
				"ok": status != "not_met",
				"status": status,
				"status_label": status_label[status],
			}
		)
	return {
		"organisation_predicate": organisation_predicate,
		"organisation_predicate_label": _(organisation_predicate),
		"group": {"name": group["name"], "group_name": group["group_name"], "total": group["total"]}
		if group
		else None,
		"note": note,
		"total": staff.total,
		"without_predikat": len(predikats) - len(given),
		"counts": [
			{
				"predikat": p,
				"label": _(p),
				"count": staff.counts.get(p, 0),
				"percent": staff.percentages.get(p, 0),
			}
			for p in PREDIKAT
		],
		"rules": rules,
		"violations": [_(v.message).format(*v.args) for v in result.violations] if verdict else [],
		"checked": verdict,
		"ok": not broken,
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
	group = _group([r.employee for r in rows], cycle, employee)
	if organisation_predicate in distribution.ORGANISATION_PREDICATES:
		cko, cko_source = organisation_predicate, "chosen"
	elif group:
		cko, cko_source = group["organisation_predicate"], "group"
	else:
		cko, cko_source = distribution.ORG_BAIK, "default"
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
		"distribution": team_distribution([s["predikat"] for s in staff], cko, group),
		"organisation_predicate_source": cko_source,
		"organisation_predicates": [
			{"value": v, "label": _(v)} for v in distribution.ORGANISATION_PREDICATES
		],
		"ratings": [{"value": v, "label": _(v)} for v in RATINGS],
		"kuadran": [{"hasil_kerja": h, "perilaku": p, "predikat": k} for (h, p), k in KUADRAN.items()],
		"labels": label_map((*RATINGS, *PREDIKAT)),
	}
