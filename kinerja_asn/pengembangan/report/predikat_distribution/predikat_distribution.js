// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

frappe.query_reports["Predikat Distribution"] = {
	filters: kinerja_asn.report_filters([
		"company",
		"appraisal_cycle",
		"department",
		{
			fieldname: "organisation_predicate",
			label: __("Organisation Predicate"),
			fieldtype: "Select",
			options: ["", "Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"].map((value) =>
				value ? { value, label: __(value) } : ""
			),
			description: __("Empty: each distribution group's own CKO, else Baik."),
		},
	]),
	onload: kinerja_asn.report_onload,

	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "result" && data) {
			value = `<span class="indicator-pill ${data.indicator || "gray"}">${value}</span>`;
		}
		return value;
	},
};
