// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

frappe.query_reports["Rater Completion"] = {
	filters: [
		{
			fieldname: "company",
			label: __("Company"),
			fieldtype: "Link",
			options: "Company",
			default: frappe.defaults.get_user_default("Company"),
		},
		{
			fieldname: "appraisal_cycle",
			label: __("Appraisal Cycle"),
			fieldtype: "Link",
			options: "Appraisal Cycle",
			reqd: 1,
		},
		{
			fieldname: "department",
			label: __("Unit Kerja"),
			fieldtype: "Link",
			options: "Department",
		},
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
	],

	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "overdue" && data && data.overdue > 0) {
			value = `<span style="color:var(--red-500)">${value}</span>`;
		}
		return value;
	},
};
