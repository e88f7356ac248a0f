// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

frappe.ui.form.on("Competency", {
	refresh(frm) {
		render_levels(frm);
	},
	levels_on_form_rendered(frm) {
		render_levels(frm);
	},
});

function render_levels(frm) {
	const rows = (frm.doc.levels || []).slice().sort((a, b) => (a.level || 0) - (b.level || 0));
	if (!rows.length) {
		frm.get_field("levels_html").$wrapper.html("");
		return;
	}
	const esc = frappe.utils.escape_html;
	const cards = rows
		.map(
			(row) => `
		<div class="kinerja-level" style="border:1px solid var(--border-color);border-radius:8px;padding:10px 14px;margin-bottom:8px">
			<div style="font-weight:600">${__("Level {0}", [row.level])}: ${esc(row.title || "")}</div>
			<div class="text-muted" style="margin:4px 0">${esc(row.description || "")}</div>
			<div style="white-space:pre-line">${esc(row.indicators || "")}</div>
		</div>`
		)
		.join("");
	frm.get_field("levels_html").$wrapper.html(cards);
}
