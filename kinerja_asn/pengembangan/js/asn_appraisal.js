// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt
// Added to the ASN Appraisal form through hooks.doctype_js: plan development from the competency gaps.

frappe.ui.form.on("ASN Appraisal", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.docstatus === 2) return;
		show_jp_progress(frm);
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

// Progress toward the yearly JP of competency development (PP 11/2017 Ps. 203), from the employee's plan.
function show_jp_progress(frm) {
	const year = (frm.doc.end_date || frappe.datetime.get_today()).slice(0, 4);
	frappe.db
		.get_value(
			"Development Plan",
			{ employee: frm.doc.employee, year },
			["name", "total_realised_jp", "jp_target", "jp_cap", "jp_status"]
		)
		.then(({ message }) => {
			if (!message || !message.name) return;
			const limit = message.jp_target
				? __("at least {0} JP", [message.jp_target])
				: __("at most {0} JP", [message.jp_cap]);
			frm.dashboard.add_comment(
				__("Competency development {0}: {1} JP realised, {2} ({3}). Plan {4}.", [
					year,
					message.total_realised_jp || 0,
					limit,
					__(message.jp_status || ""),
					message.name,
				]),
				message.jp_status === "Terpenuhi" || message.jp_status === "Dalam Batas" ? "green" : "orange",
				true
			);
		});
}
