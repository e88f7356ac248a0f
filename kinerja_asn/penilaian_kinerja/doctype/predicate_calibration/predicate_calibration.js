// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

const APPRAISAL_FORMATS = [
	"Dokumen Evaluasi Kinerja Pegawai",
	"Evaluasi Kinerja Pegawai",
	"SKP",
	"Laporan Hasil Penilaian Kompetensi",
	"Umpan Balik Bimbingan Kinerja (B.1.8)",
	"Evaluasi Kompetensi Pegawai (B.1.9)",
];

frappe.ui.form.on("Predicate Calibration", {
	refresh(frm) {
		if (frm.is_new() || !frappe.model.can_print("ASN Appraisal")) return;
		frm.add_custom_button(__("Print All Forms of the Unit"), () => print_unit(frm));
	},
});

function print_unit(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Print All Forms of the Unit"),
		fields: [
			{
				fieldname: "print_format",
				fieldtype: "Select",
				label: __("Print Format"),
				options: APPRAISAL_FORMATS,
				default: APPRAISAL_FORMATS[0],
				reqd: 1,
			},
		],
		primary_action_label: __("Make One PDF"),
		primary_action({ print_format }) {
			dialog.hide();
			frappe.call({
				method: "kinerja_asn.forms.bulk.print_unit",
				args: {
					department: frm.doc.department,
					appraisal_cycle: frm.doc.appraisal_cycle,
					print_format,
				},
				callback: () =>
					frappe.show_alert({
						message: __("The PDF is being made in the background; it will be attached here."),
						indicator: "blue",
					}),
			});
		},
	});
	dialog.show();
}

frappe.realtime.on("kinerja_asn_print_unit", (data) => {
	if (data && data.file_url) {
		frappe.msgprint({
			title: __("PDF Ready"),
			indicator: "green",
			message: `${frappe.utils.escape_html(data.message || "")}<br><a href="${encodeURI(
				data.file_url
			)}" target="_blank">${__("Open the PDF")}</a>`,
		});
		cur_frm && cur_frm.reload_doc();
	}
});
