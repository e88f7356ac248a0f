// Copyright (c) 2026, kinerja_asn contributors
// For license information, please see license.txt

// The filters the Kinerja ASN script reports share, declared once (loaded on every desk page through
// hooks.app_include_js). A report lists the shared ones by name and adds its own as filter objects:
//
//   frappe.query_reports["Nine Box Grid"] = {
//       filters: kinerja_asn.report_filters(["company", "appraisal_cycle", "department", { fieldname: ... }]),
//       onload: kinerja_asn.report_onload,
//   };
//
// A required Appraisal Cycle opens on the newest cycle of the company (kinerja_asn.pengembangan.reporting.
// latest_cycle, which lists only cycles the user may read) and follows the company when it changes; the
// report's Python falls back to the same cycle when the filter is empty.

frappe.provide("kinerja_asn");

kinerja_asn.LATEST_CYCLE_METHOD = "kinerja_asn.pengembangan.reporting.latest_cycle";

kinerja_asn.latest_cycle = function (company) {
	return frappe.xcall(kinerja_asn.LATEST_CYCLE_METHOD, { company: company || null });
};

kinerja_asn.report_filter = function (report, fieldname) {
	return (report.filters || []).find((f) => f.df.fieldname === fieldname);
};

kinerja_asn.company_query = function () {
	const company = frappe.query_report && frappe.query_report.get_filter_value("company");
	return company ? { filters: { company } } : {};
};

kinerja_asn.REPORT_FILTERS = {
	company: () => ({
		fieldname: "company",
		label: __("Company"),
		fieldtype: "Link",
		options: "Company",
		default: frappe.defaults.get_user_default("Company"),
		on_change(report) {
			// a cycle belongs to one company: take the new company's newest cycle
			const cycle = kinerja_asn.report_filter(report, "appraisal_cycle");
			if (!cycle || !cycle.df.reqd) return report.refresh();
			return kinerja_asn.latest_cycle(report.get_filter_value("company")).then((name) => {
				cycle.set_input(name || "");
				report.refresh();
			});
		},
	}),
	appraisal_cycle: () => ({
		fieldname: "appraisal_cycle",
		label: __("Appraisal Cycle"),
		fieldtype: "Link",
		options: "Appraisal Cycle",
		reqd: 1,
		get_query: kinerja_asn.company_query,
	}),
	department: () => ({
		fieldname: "department",
		label: __("Unit Kerja"),
		fieldtype: "Link",
		options: "Department",
		get_query: kinerja_asn.company_query,
	}),
};

// The filter list of a report: names of shared filters ("company", "appraisal_cycle", "department") and the
// report's own filter objects, in order; `overrides` changes a shared one ({ appraisal_cycle: { reqd: 0 } }).
kinerja_asn.report_filters = function (filters, overrides = {}) {
	return filters.map((filter) => {
		if (typeof filter !== "string") return filter;
		const make = kinerja_asn.REPORT_FILTERS[filter];
		if (!make) throw new Error(`kinerja_asn.report_filters: no shared filter ${filter}`);
		return Object.assign(make(), overrides[filter] || {});
	});
};

// onload of the reports: an empty required Appraisal Cycle filter (no route option set it) opens on the
// newest cycle. An optional one stays empty: it means every cycle (Talent Shortlist).
kinerja_asn.report_onload = function (report) {
	const cycle = kinerja_asn.report_filter(report, "appraisal_cycle");
	if (!cycle || !cycle.df.reqd || cycle.get_value()) return;
	return kinerja_asn.latest_cycle(report.get_filter_value("company")).then((name) => {
		if (name && !cycle.get_value()) cycle.set_input(name);
	});
};
