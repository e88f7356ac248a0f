// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

frappe.query_reports["Rater Completion"] = {
	filters: kinerja_asn.report_filters([
		"company",
		"appraisal_cycle",
		"department",
		{
			fieldname: "group_by",
			label: __("Group By"),
			fieldtype: "Select",
			options: [
				{ value: "Unit of the Person Rated", label: __("Unit of the Person Rated") },
				{ value: "Unit of the Rater", label: __("Unit of the Rater") },
			],
			default: "Unit of the Person Rated",
		},
	]),
	onload: kinerja_asn.report_onload,

	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "overdue" && data && data.overdue > 0) {
			value = `<span style="color:var(--red-500)">${value}</span>`;
		}
		return value;
	},
};
