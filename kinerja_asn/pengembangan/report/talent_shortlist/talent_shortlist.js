// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

frappe.query_reports["Talent Shortlist"] = {
	filters: kinerja_asn.report_filters(
		[
			"company",
			"appraisal_cycle",
			"department",
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
		{ appraisal_cycle: { reqd: 0 } }
	),
};
