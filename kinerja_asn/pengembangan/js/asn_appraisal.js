// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt
// Added to the ASN Appraisal form through hooks.doctype_js: plan development from the competency gaps.

frappe.ui.form.on("ASN Appraisal", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.docstatus === 2) return;
		const gaps = (frm.doc.competencies || []).filter((row) => row.rater_count && flt(row.gap) < 0);
		if (!gaps.length) return;
		frm.add_custom_button(
			__("Development Plan"),
			() => {
				frappe.prompt(
					[
						{
							fieldname: "year",
							fieldtype: "Int",
							label: __("Year"),
							reqd: 1,
							default: new Date().getFullYear(),
						},
					],
					({ year }) =>
						frappe
							.call({
								method: "kinerja_asn.pengembangan.doctype.development_plan.development_plan.make_from_appraisal",
								args: { asn_appraisal: frm.doc.name, year },
								freeze: true,
							})
							.then(({ message }) => {
								frappe.show_alert({
									message: __("{0} activities added to Development Plan {1}", [
										message.added,
										message.name,
									]),
									indicator: "green",
								});
								frappe.set_route("Form", "Development Plan", message.name);
							}),
					__("Plan Development from {0} Competency Gaps", [gaps.length]),
					__("Create")
				);
			},
			__("Create")
		);
	},
});
