"""Whitelisted endpoints of the appraisal, shared by the desk and the portal. Each asks kinerja_asn.access first,
on the stored appraisal."""

import frappe
from frappe import _

from kinerja_asn import access
from kinerja_asn.penilaian_kinerja import rollup
from kinerja_asn.scoring.aggregation import POOLED, RoleStat, visible_groups
from kinerja_asn.scoring.ratings import RATINGS
from kinerja_asn.settings import anonymity_threshold


@frappe.whitelist(methods=["POST"])
def set_evaluation(
	asn_appraisal: str,
	hasil_kerja_rating: str | None = None,
	hasil_kerja_override_reason: str | None = None,
	perilaku_rating: str | None = None,
	perilaku_override_reason: str | None = None,
	notes: str | None = None,
) -> dict:
	"""The Pejabat Penilai Kinerja (or HR) sets the ratings; a rating other than the proposal needs a reason."""
	access.require(
		access.can_evaluate(access.stored_appraisal(asn_appraisal)),
		_("Only the Pejabat Penilai Kinerja of this appraisal or HR can set its ratings."),
	)
	doc = frappe.get_doc("ASN Appraisal", asn_appraisal)
	if doc.docstatus != 0:
		frappe.throw(_("The appraisal is already submitted. Cancel and amend it to change the ratings."))
	for value in (hasil_kerja_rating, perilaku_rating):
		if value and value not in RATINGS:
			frappe.throw(_("Unknown rating {0}. Use one of: {1}.").format(value, ", ".join(RATINGS)))
	doc.update(
		{
			"hasil_kerja_rating": hasil_kerja_rating or doc.hasil_kerja_proposed,
			"hasil_kerja_override_reason": hasil_kerja_override_reason,
			"perilaku_rating": perilaku_rating or doc.perilaku_proposed,
			"perilaku_override_reason": perilaku_override_reason,
			"notes": notes if notes is not None else doc.notes,
		}
	)
	doc.flags.ignore_permissions = True  # checked above: the evaluator acts on their own staff's appraisal
	doc.save()
	return {
		"predikat": doc.predikat,
		"hasil_kerja_rating": doc.hasil_kerja_rating,
		"perilaku_rating": doc.perilaku_rating,
	}


@frappe.whitelist()
def get_feedback_summary(asn_appraisal: str) -> dict:
	"""What the person rated (and their supervisors) may see: role aggregates above the anonymity threshold and
	the feedback texts without names. Raw peer and subordinate ratings are never returned; the person rated
	gets nothing before the results are released (kinerja_asn.access.released)."""
	row = access.require_appraisal_reader(asn_appraisal)
	return feedback_summary(row.name, shown=not access.is_appraisee(row) or access.released(row))


def feedback_summary(name: str, shown: bool, aggregates=None) -> dict:
	"""get_feedback_summary of an appraisal the caller has checked (access.require_appraisal_reader): `shown`
	whether its raters' results may be shown to the session user; `aggregates` its rollup.collect if at hand."""
	threshold = anonymity_threshold()
	if not shown:
		return {"competencies": {}, "behaviours": {}, "feedback": [], "anonymity_threshold": threshold}
	aggregates = aggregates or rollup.collect([name])[name]

	def groups(stats_by_item: dict[str, list[RoleStat]]) -> dict[str, list[dict]]:
		return {
			item: [
				{"role": g.role, "mean": round(g.mean, 2), "count": g.count}
				for g in visible_groups(stats, threshold)
			]
			for item, stats in stats_by_item.items()
		}

	RF = frappe.qb.DocType("Rater Feedback")
	texts = (
		frappe.qb.from_(RF)
		.select(RF.rater_role, RF.feedback)
		.where(
			(RF.asn_appraisal == name) & (RF.docstatus == 1) & RF.feedback.isnotnull() & (RF.feedback != "")
		)
		.orderby(RF.rater_role)
		.run(as_dict=True)
	)
	submitted = [RoleStat(role, 0, n) for role, n in aggregates.submitted.items()]
	visible_roles = {g.role for g in visible_groups(submitted, threshold)}
	return {
		"competencies": groups(aggregates.competency),
		"behaviours": groups(aggregates.behaviour),
		# by role where that role is visible; texts of smaller roles only pooled without a role, or not at all
		"feedback": sorted(
			(
				{"role": t.rater_role if t.rater_role in visible_roles else None, "text": t.feedback}
				for t in texts
				if t.rater_role in visible_roles or POOLED in visible_roles
			),
			key=lambda t: (t["role"] or "", t["text"]),
		),
		"anonymity_threshold": threshold,
	}


@frappe.whitelist()
def get_pending_changes(asn_appraisal: str) -> list[dict]:
	row = access.require_appraisal_reader(asn_appraisal)
	if not (access.is_hr() or access.supervises(row)):
		return []
	doc = frappe.get_doc("ASN Appraisal", row.name)
	return doc.get_pending_changes() if doc.docstatus == 1 else []
