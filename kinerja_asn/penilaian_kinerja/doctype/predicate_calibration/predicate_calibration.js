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

const ASSISTANT = "kinerja_asn.penilaian_kinerja.assistant";

frappe.ui.form.on("Predicate Calibration", {
	refresh(frm) {
		if (frm.is_new()) return;
		if (frm.doc.docstatus === 0 && frm.doc.check_result === "Tidak Sesuai") {
			frm.add_custom_button(__("Propose Changes"), () => propose(frm), __("Calibration Assistant"));
		}
		if (frm.doc.docstatus === 0 && open_proposals(frm).length) {
			frm.add_custom_button(__("Decide Proposals"), () => decide(frm), __("Calibration Assistant"));
			frm.dashboard.set_headline(
				__("{0} proposal(s) of the calibration assistant wait for a decision.", [
					open_proposals(frm).length,
				]),
				"orange"
			);
		}
		if (frm.doc.department && frappe.model.can_print("ASN Appraisal")) {
			frm.add_custom_button(__("Print All Forms of the Unit"), () => print_unit(frm));
		}
	},
});

function open_proposals(frm) {
	return (frm.doc.proposals || []).filter((row) => row.status === "Usulan");
}

function propose(frm) {
	frappe.call({
		method: `${ASSISTANT}.propose_changes`,
		args: { name: frm.doc.name },
		freeze: true,
		freeze_message: __("Looking for the fewest changes..."),
		callback: () => frm.reload_doc().then(() => open_proposals(frm).length && decide(frm)),
	});
}

function decide(frm) {
	const esc = frappe.utils.escape_html;
	const rows = open_proposals(frm);
	const dialog = new frappe.ui.Dialog({
		title: __("Proposals of the Calibration Assistant"),
		size: "extra-large",
		fields: [{ fieldname: "list", fieldtype: "HTML" }],
	});
	const html = rows
		.map(
			(row) => `<div class="kinerja-proposal border rounded p-3 mb-3" data-row="${esc(row.name)}">
				<div class="d-flex justify-content-between align-items-start">
					<div>
						<strong>${esc(row.employee_name || row.employee)}</strong>:
						${esc(__(row.from_predikat))} &rarr; <strong>${esc(__(row.to_predikat))}</strong>
						<div class="text-muted small mt-1">${esc(row.reason || "")}</div>
					</div>
					<div class="text-nowrap ml-3">
						<button class="btn btn-xs btn-primary" data-accept="1">${__("Accept")}</button>
						<button class="btn btn-xs btn-default" data-accept="0">${__("Reject")}</button>
					</div>
				</div>
			</div>`
		)
		.join("");
	dialog.fields_dict.list.$wrapper.html(html);
	dialog.fields_dict.list.$wrapper.on("click", "button[data-accept]", function () {
		const box = $(this).closest(".kinerja-proposal");
		frappe.call({
			method: `${ASSISTANT}.decide_proposal`,
			args: { name: frm.doc.name, proposal: box.data("row"), accept: $(this).data("accept") },
			freeze: true,
			callback: ({ message }) => {
				box.find("button").remove();
				box.append(
					`<div class="mt-2 small ${message.status === "Diterima" ? "text-success" : "text-muted"}">${esc(
						__(message.status)
					)}</div>`
				);
				frm.reload_doc();
			},
		});
	});
	dialog.show();
}

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
