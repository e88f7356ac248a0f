// Shows the NIP in its official grouping (8 6 1 3 digits) under the field.
frappe.ui.form.on("Employee", {
	refresh(frm) {
		show_formatted_nip(frm);
	},
	nip(frm) {
		show_formatted_nip(frm);
	},
});

function show_formatted_nip(frm) {
	const nip = (frm.doc.nip || "").replace(/\D/g, "");
	const formatted =
		nip.length === 18
			? [nip.slice(0, 8), nip.slice(8, 14), nip.slice(14, 15), nip.slice(15)].join(" ")
			: "";
	frm.set_df_property(
		"nip",
		"description",
		formatted ? `${__("NIP")}: <b>${formatted}</b>` : __("18-digit Nomor Induk Pegawai (or NI PPPK), digits only.")
	);
}
