"""Before 1.2 a Predicate Calibration checked one Department. Each existing calibration gets the distribution
group of that Department and cycle (made here, with the Department's appraisees and the calibration's CKO), so
it keeps checking exactly the employees it checked before."""

import frappe

from kinerja_asn.penilaian_kinerja.groups import GROUP, unit_group


def execute() -> None:
	calibrations = frappe.get_all(
		"Predicate Calibration",
		filters={"distribution_group": ("is", "not set")},
		fields=["name", "department", "appraisal_cycle", "organisation_predicate"],
		order_by="docstatus desc, creation asc",
	)
	for calibration in calibrations:
		group = unit_group(
			calibration.department, calibration.appraisal_cycle, calibration.organisation_predicate
		)
		frappe.db.set_value(
			"Predicate Calibration",
			calibration.name,
			{
				"distribution_group": group,
				"group_name": frappe.db.get_value(GROUP, group, "group_name"),
			},
			update_modified=False,
		)
