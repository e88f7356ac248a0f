# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""Jam pelajaran realised against the year's minimum (PNS) or maximum (PPPK), per ASN or per unit.

Realised JP come from Training Event attendance (kinerja_asn.pengembangan.jp), planned JP from the
Development Plans of the year. Active employees with an ASN status are counted; HR sees their companies, a
supervisor their own line. Three queries whatever the number of employees.
"""

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import cint, flt, getdate, today

from kinerja_asn.access import restrict, scope_for
from kinerja_asn.pengembangan import jp
from kinerja_asn.pengembangan.reporting import column, require
from kinerja_asn.pengembangan.reporting import employee_columns as identity_columns
from kinerja_asn.scoring import development


def execute(filters=None):
	filters = frappe._dict(filters or {})
	filters.year = cint(filters.get("year")) or getdate(today()).year
	require(filters, "year")
	employees = get_employees(filters)
	rows = [row for row in per_employee(employees, filters.year) if matches(row, filters)]
	if cint(filters.get("by_unit")):
		return unit_columns(), per_unit(rows), None, None, summary(rows)
	return employee_columns(), rows, None, None, summary(rows)


def matches(row: dict, filters: frappe._dict) -> bool:
	return not filters.get("jp_status") or row["jp_status_value"] == filters.jp_status


def get_employees(filters: frappe._dict) -> list[dict]:
	E = frappe.qb.DocType("Employee")
	query = (
		frappe.qb.from_(E)
		.select(E.name.as_("employee"), E.employee_name, E.nip, E.asn_status, E.department, E.designation)
		.where((E.status == "Active") & E.asn_status.isin(list(development.ASN_STATUSES)))
	)
	query = restrict(query, E, scope_for(doctype="Employee"), employee_field="name")
	if filters.get("company"):
		query = query.where(E.company == filters.company)
	if filters.get("department"):
		query = query.where(E.department == filters.department)
	if filters.get("asn_status"):
		query = query.where(E.asn_status == filters.asn_status)
	return query.orderby(E.department).orderby(E.employee_name).run(as_dict=True)


def per_employee(employees: list[dict], year: int) -> list[dict]:
	if not employees:
		return []
	names = [e["employee"] for e in employees]
	# every attendance of the year in one query; filtering 6,000 names in SQL costs more than it saves
	attended = jp.attended(None if len(names) > 1000 else names, year)
	plans = {
		p.employee: p
		for p in frappe.get_all(
			"Development Plan",
			filters={"year": year, "employee": ("in", names)},
			fields=["name", "employee", "total_planned_jp"],
		)
	}
	target, cap = jp.targets()
	rows = []
	for e in employees:
		realised = jp.realised_total(attended.get(e["employee"], []))
		progress = development.jp_progress(realised, e["asn_status"], target, cap)
		status = development.jp_status(progress)
		plan = plans.get(e["employee"])
		rows.append(
			{
				**e,
				"development_plan": plan.name if plan else None,
				"jp_target": progress["target"],
				"jp_cap": progress["cap"],
				"planned_jp": flt(plan.total_planned_jp) if plan else 0,
				"realised_jp": realised,
				"jp_remaining": progress["remaining"],
				"jp_percent": progress["percent"],
				"jp_status": _(status),
				"jp_status_value": status,
			}
		)
	return rows


def employee_columns() -> list[dict]:
	return [
		*identity_columns(),
		column(_("Development Plan"), "development_plan", "Link", "Development Plan", 140),
		column(_("Minimum JP per Year"), "jp_target", "Float", width=100),
		column(_("Maximum JP per Year"), "jp_cap", "Float", width=100),
		column(_("Planned JP"), "planned_jp", "Float", width=90),
		column(_("Realised JP"), "realised_jp", "Float", width=90),
		column(_("JP Still Needed"), "jp_remaining", "Float", width=100),
		column(_("Progress toward the Minimum"), "jp_percent", "Percent", width=110),
		column(_("JP Status"), "jp_status", "Data", width=120),
	]


def unit_columns() -> list[dict]:
	return [
		column(_("Unit Kerja"), "department", "Link", "Department", 200),
		column(_("ASN"), "employees", "Int", width=80),
		column(_("PNS"), "pns", "Int", width=80),
		column(_("PNS with the Minimum JP"), "pns_met", "Int", width=110),
		column(_("PNS with the Minimum JP (%)"), "pns_met_percent", "Percent", width=120),
		column(_("PPPK"), "pppk", "Int", width=80),
		column(_("PPPK over the Maximum"), "pppk_over_cap", "Int", width=110),
		column(_("With a Development Plan"), "with_plan", "Int", width=110),
		column(_("Planned JP"), "planned_jp", "Float", width=100),
		column(_("Realised JP"), "realised_jp", "Float", width=100),
		column(_("Average Realised JP"), "average_jp", "Float", width=110),
	]


def per_unit(rows: list[dict]) -> list[dict]:
	units: dict[str, dict] = defaultdict(
		lambda: dict.fromkeys(
			(
				"employees",
				"pns",
				"pns_met",
				"pppk",
				"pppk_over_cap",
				"with_plan",
				"planned_jp",
				"realised_jp",
			),
			0,
		)
	)
	for row in rows:
		unit = units[row["department"] or ""]
		unit["employees"] += 1
		unit["with_plan"] += 1 if row["development_plan"] else 0
		unit["planned_jp"] += row["planned_jp"]
		unit["realised_jp"] += row["realised_jp"]
		if row["asn_status"] == development.PNS:
			unit["pns"] += 1
			unit["pns_met"] += 1 if row["jp_status_value"] == development.JP_MET else 0
		elif row["asn_status"] == development.PPPK:
			unit["pppk"] += 1
			unit["pppk_over_cap"] += 1 if row["jp_status_value"] == development.JP_OVER_CAP else 0
	out = []
	for name in sorted(units):
		unit = units[name]
		out.append(
			{
				"department": name,
				**unit,
				"planned_jp": round(unit["planned_jp"], 2),
				"realised_jp": round(unit["realised_jp"], 2),
				"pns_met_percent": round(unit["pns_met"] * 100 / unit["pns"], 2) if unit["pns"] else None,
				"average_jp": round(unit["realised_jp"] / unit["employees"], 2),
			}
		)
	return out


def summary(rows: list[dict]) -> list[dict]:
	pns = [r for r in rows if r["asn_status"] == development.PNS]
	met = sum(1 for r in pns if r["jp_status_value"] == development.JP_MET)
	over = sum(1 for r in rows if r["jp_status_value"] == development.JP_OVER_CAP)
	return [
		{"value": len(rows), "label": _("ASN"), "datatype": "Int", "indicator": "Blue"},
		{"value": met, "label": _("PNS with the Minimum JP"), "datatype": "Int", "indicator": "Green"},
		{
			"value": len(pns) - met,
			"label": _("PNS below the Minimum"),
			"datatype": "Int",
			"indicator": "Orange",
		},
		{
			"value": over,
			"label": _("PPPK over the Maximum"),
			"datatype": "Int",
			"indicator": "Red" if over else "Green",
		},
	]
