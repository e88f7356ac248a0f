"""Role summaries and scores kept nothing of a peer or subordinate group below the anonymity threshold before
version 1.1 did: draft appraisals are recomputed with the new rule (kinerja_asn.scoring.aggregation
.scored_groups); of submitted ones, whose scores never change silently, only the stored means of such groups
are removed from the role summary."""

import frappe

from kinerja_asn.penilaian_kinerja import rollup
from kinerja_asn.scoring.aggregation import ANONYMOUS_ROLES
from kinerja_asn.settings import anonymity_threshold

BATCH = 500


def execute() -> None:
	drafts = frappe.get_all("ASN Appraisal", filters={"docstatus": 0}, pluck="name")
	for start in range(0, len(drafts), BATCH):
		rollup.rollup(drafts[start : start + BATCH])
	Summary = frappe.qb.DocType("ASN Appraisal Role Summary")
	(
		frappe.qb.update(Summary)
		.set(Summary.competency_mean, 0)
		.set(Summary.behaviour_mean, 0)
		.where(
			(Summary.parenttype == "ASN Appraisal")
			& Summary.rater_role.isin(ANONYMOUS_ROLES)
			& (Summary.raters_submitted < anonymity_threshold())
		)
		.run()
	)
