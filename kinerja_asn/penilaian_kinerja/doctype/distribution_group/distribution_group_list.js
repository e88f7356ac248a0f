// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

frappe.listview_settings["Distribution Group"] = {
	onload(listview) {
		listview.page.add_inner_button(__("Make Default Groups"), () => {
			frappe.prompt(
				{
					fieldname: "appraisal_cycle",
					fieldtype: "Link",
					options: "Appraisal Cycle",
					label: __("Appraisal Cycle"),
					reqd: 1,
				},
				({ appraisal_cycle }) =>
					frappe.call({
						method: "kinerja_asn.penilaian_kinerja.groups.make_default_groups",
						args: { appraisal_cycle },
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
							listview.refresh();
						},
					}),
				__("Make Default Distribution Groups"),
				__("Make")
			);
		});
	},
};
