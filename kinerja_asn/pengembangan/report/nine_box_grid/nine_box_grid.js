// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

frappe.query_reports["Nine Box Grid"] = {
	filters: kinerja_asn.report_filters(["company", "appraisal_cycle", "department"]),
	onload: kinerja_asn.report_onload,

	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		const box = data && data[`${column.fieldname}_box`];
		if (box) {
			const shade = box >= 7 ? "var(--green-100)" : box <= 3 ? "var(--red-50)" : "var(--yellow-50)";
			value =
				`<div style="background:${shade};margin:-6px -8px;padding:6px 8px">` +
				`<span class="text-muted small">${__("Kotak {0}", [box])}</span> ${value}</div>`;
		}
		if (data && data.is_total_row) value = `<b>${value}</b>`;
		return value;
	},
};
