// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

const KINERJA_GAP_HEAT = {
	Besar: "var(--red-100)",
	Sedang: "var(--orange-100)",
	Kecil: "var(--yellow-100)",
};

frappe.query_reports["Competency Gap"] = {
	filters: kinerja_asn.report_filters([
		"company",
		"appraisal_cycle",
		"department",
		{
			fieldname: "competency_type",
			label: __("Competency Type"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "Manajerial", label: __("Manajerial") },
				{ value: "Sosial Kultural", label: __("Sosial Kultural") },
				{ value: "Teknis", label: __("Teknis") },
			],
		},
		{
			fieldname: "value",
			label: __("Show"),
			fieldtype: "Select",
			options: [
				{ value: "Average Gap", label: __("Average Gap") },
				{ value: "Employees with a Gap (%)", label: __("Employees with a Gap (%)") },
				{ value: "Employees with a Gap", label: __("Employees with a Gap") },
			],
			default: "Average Gap",
		},
	]),
	onload: kinerja_asn.report_onload,

	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		const heat = data && KINERJA_GAP_HEAT[data[`${column.fieldname}_heat`]];
		if (heat) {
			value = `<div style="background:${heat};margin:-6px -8px;padding:6px 8px">${value}</div>`;
		} else if (data && data[column.fieldname] !== undefined && column.fieldname.match(/^c\d+$|^overall$/)) {
			value = `<div style="background:var(--green-50);margin:-6px -8px;padding:6px 8px">${value}</div>`;
		}
		if (data && data.is_total_row) value = `<b>${value}</b>`;
		return value;
	},
};
