// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

frappe.ui.form.on("Development Plan", {
	setup(frm) {
		frm.set_query("training_event", "items", (doc, cdt, cdn) => {
			const row = locals[cdt][cdn];
			const filters = { docstatus: ["<", 2], event_status: ["!=", "Cancelled"] };
			if (row.training_program) filters.training_program = row.training_program;
			return { filters };
		});
		frm.set_query("training_program", "items", () => ({
			filters: { status: ["!=", "Cancelled"], ...(frm.doc.company ? { company: frm.doc.company } : {}) },
		}));
		frm.set_query("asn_appraisal", () => ({
			filters: { employee: frm.doc.employee, docstatus: ["<", 2] },
		}));
	},

	refresh(frm) {
		show_progress(frm);
		if (frm.is_new()) return;
		if (frm.doc.status === "Draft" && frm.perm[0]?.write) {
			frm.add_custom_button(__("Approve"), () =>
				frm.call("approve").then(() => frm.reload_doc())
			);
		}
		frm.add_custom_button(__("Refresh Realised JP"), () =>
			frm.call("refresh_jp").then(() => frm.reload_doc())
		);
		frm.add_custom_button(__("JP Realisation"), () =>
			frappe.set_route("query-report", "JP Realisation", {
				year: frm.doc.year,
				company: frm.doc.company,
				department: frm.doc.department,
			})
		);
	},
});

function show_progress(frm) {
	if (frm.is_new()) return;
	const realised = flt(frm.doc.total_realised_jp);
	const status = frm.doc.jp_status ? __(frm.doc.jp_status) : "";
	let message;
	if (flt(frm.doc.jp_target)) {
		message = __("{0} of at least {1} JP realised in {2}: {3}", [
			realised,
			frm.doc.jp_target,
			frm.doc.year,
			status,
		]);
	} else if (flt(frm.doc.jp_cap)) {
		message = __("{0} JP realised in {1}, at most {2} JP allowed: {3}", [
			realised,
			frm.doc.year,
			frm.doc.jp_cap,
			status,
		]);
	} else {
		message = __("{0} JP realised in {1}", [realised, frm.doc.year]);
	}
	const colour = { Terpenuhi: "green", "Dalam Batas": "green", "Melebihi Batas": "red" }[frm.doc.jp_status];
	frm.dashboard.set_headline(message, colour || "orange");
}
