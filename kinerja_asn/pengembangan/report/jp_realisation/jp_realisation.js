// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

frappe.query_reports["JP Realisation"] = {
	filters: kinerja_asn.report_filters([
		"company",
		{
			fieldname: "year",
			label: __("Year"),
			fieldtype: "Int",
			default: new Date().getFullYear(),
			reqd: 1,
		},
		"department",
		{
			fieldname: "asn_status",
			label: __("ASN Status"),
			fieldtype: "Select",
			options: ["", "PNS", "PPPK"],
		},
		{
			fieldname: "jp_status",
			label: __("JP Status"),
			fieldtype: "Select",
			options: ["", "Belum Terpenuhi", "Terpenuhi", "Dalam Batas", "Melebihi Batas", "Tanpa Target"].map(
				(value) => (value ? { value, label: __(value) } : "")
			),
		},
		{
			fieldname: "by_unit",
			label: __("Summary per Unit"),
			fieldtype: "Check",
		},
	]),

	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "jp_status" && data) {
			const colour = { Terpenuhi: "green", "Dalam Batas": "green", "Melebihi Batas": "red" }[
				data.jp_status_value
			];
			value = `<span class="indicator-pill ${colour || "orange"}">${value}</span>`;
		}
		return value;
	},
};
