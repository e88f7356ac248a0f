// Kinerja ASN: create ASN Appraisals and their rater tasks from an HRMS Appraisal Cycle.
frappe.ui.form.on("Appraisal Cycle", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.status === "Completed" || !frappe.model.can_create("ASN Appraisal")) {
			return;
		}
		frm.add_custom_button(
			__("Create ASN Appraisals"),
			() => {
				frappe.call({
					method: "kinerja_asn.penilaian_kinerja.cycle.create_asn_appraisals",
					args: { appraisal_cycle: frm.doc.name },
					freeze: true,
					freeze_message: __("Creating ASN Appraisals..."),
					callback: ({ message }) => {
						if (!message || message.queued) return;
						const skipped = (message.skipped || [])
							.map((s) => `<li>${frappe.utils.escape_html(s.employee)}: ${frappe.utils.escape_html(s.reason || "")}</li>`)
							.join("");
						frappe.msgprint({
							title: __("ASN Appraisals"),
							indicator: skipped ? "orange" : "green",
							message:
								__("{0} appraisals and {1} rater tasks created.", [message.created, message.raters]) +
								(skipped ? `<p>${__("Skipped")}:</p><ul>${skipped}</ul>` : ""),
						});
					},
				});
			},
			__("Kinerja ASN")
		);
		frm.add_custom_button(
			__("ASN Appraisals"),
			() => frappe.set_route("List", "ASN Appraisal", { appraisal_cycle: frm.doc.name }),
			__("Kinerja ASN")
		);
		frm.add_custom_button(
			__("Make Default Groups"),
			() =>
				frappe.call({
					method: "kinerja_asn.penilaian_kinerja.groups.make_default_groups",
					args: { appraisal_cycle: frm.doc.name },
					freeze: true,
					callback: ({ message }) => {
						frappe.show_alert({
							message: __("{0} groups made, {1} extended, {2} employees placed.", [
								message.created.length,
								message.extended.length,
								message.employees,
							]),
							indicator: "green",
						});
						frappe.set_route("List", "Distribution Group", { appraisal_cycle: frm.doc.name });
					},
				}),
			__("Kinerja ASN")
		);
		frm.add_custom_button(
			__("Distribution Groups"),
			() => frappe.set_route("List", "Distribution Group", { appraisal_cycle: frm.doc.name }),
			__("Kinerja ASN")
		);
	},
});
