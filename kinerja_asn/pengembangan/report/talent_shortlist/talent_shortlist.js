// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

frappe.query_reports["Talent Shortlist"] = {
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
		},
		{
			fieldname: "department",
			label: __("Unit Kerja"),
			fieldtype: "Link",
			options: "Department",
		},
		{
			fieldname: "period_type",
			label: __("Period Type"),
			fieldtype: "Select",
			options: ["", { value: "Tahunan", label: __("Tahunan") }, { value: "Periodik", label: __("Periodik") }],
		},
		{
			fieldname: "fixed_only",
			label: __("Fixed Predikat Only"),
			fieldtype: "Check",
		},
	],
};
