// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

frappe.query_reports["Predikat Distribution"] = {
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
			fieldname: "organisation_predicate",
			label: __("Organisation Predicate"),
			fieldtype: "Select",
			options: ["", "Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"].map((value) =>
				value ? { value, label: __(value) } : ""
			),
			description: __("Empty: each distribution group's own CKO, else Baik."),
		},
	],

	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "result" && data) {
			value = `<span class="indicator-pill ${data.indicator || "gray"}">${value}</span>`;
		}
		return value;
	},
};
