// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

frappe.ui.form.on("ASN Appraisal", {
	refresh(frm) {
		show_pending_changes(frm);
		if (!frm.is_new()) {
			frm.add_custom_button(__("Feedback Summary"), () => show_feedback_summary(frm));
			frm.add_custom_button(__("Rater Tasks"), () =>
				frappe.set_route("List", "Rater Feedback", { asn_appraisal: frm.doc.name })
			);
		}
		if (frm.doc.predikat_status === "Ditetapkan") {
			frm.dashboard.set_headline(
				__("The predikat was fixed by Predicate Calibration {0}.", [frm.doc.predicate_calibration]),
				"blue"
			);
		}
	},
});

function show_pending_changes(frm) {
	const changes = (frm.doc.__onload || {}).pending_changes || [];
	if (!changes.length) return;
	const esc = frappe.utils.escape_html;
	const rows = changes
		.map((c) => `<li>${esc(c.field)}: ${esc(String(c.old ?? "-"))} → ${esc(String(c.new ?? "-"))}</li>`)
		.join("");
	frm.dashboard.set_headline_alert(
		`<div>${__(
			"Feedback or SKP results changed after this appraisal was submitted. The submitted scores stay as they are; cancel and amend to take the changes in:"
		)}<ul>${rows}</ul></div>`,
		"orange"
	);
}

function show_feedback_summary(frm) {
	frappe
		.call("kinerja_asn.api.appraisal.get_feedback_summary", { asn_appraisal: frm.doc.name })
		.then(({ message }) => {
			const esc = frappe.utils.escape_html;
			const table = (groups) =>
				Object.entries(groups)
					.map(
						([item, list]) =>
							`<tr><td>${esc(item)}</td><td>${list
								.map((g) => `${esc(__(g.role))}: <b>${g.mean}</b> (${g.count})`)
								.join("<br>")}</td></tr>`
					)
					.join("");
			const texts = message.feedback
				.map((f) => `<li>${f.role ? `<b>${esc(__(f.role))}</b>: ` : ""}${esc(f.text)}</li>`)
				.join("");
			frappe.msgprint({
				title: __("Feedback Summary"),
				wide: true,
				message: `
					<p class="text-muted">${__(
						"Roles with fewer than {0} raters are not shown separately, to protect the raters' anonymity.",
						[message.anonymity_threshold]
					)}</p>
					<table class="table table-bordered"><thead><tr><th>${__("Competency")}</th><th>${__(
						"Mean per Rater Role"
					)}</th></tr></thead><tbody>${table(message.competencies)}</tbody></table>
					<table class="table table-bordered"><thead><tr><th>${__("Core Value")}</th><th>${__(
						"Mean per Rater Role"
					)}</th></tr></thead><tbody>${table(message.behaviours)}</tbody></table>
					<h5>${__("Constructive Feedback")}</h5><ul>${texts}</ul>`,
			});
		});
}
