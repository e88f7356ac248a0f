// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

frappe.ui.form.on("Position Competency Profile", {
	fill_standard_competencies(frm) {
		frm.call("fill_standard_competencies").then(() => {
			frm.refresh_field("requirements");
			frm.dirty();
			frappe.show_alert({ message: __("Standard competencies filled"), indicator: "green" });
		});
	},
});

