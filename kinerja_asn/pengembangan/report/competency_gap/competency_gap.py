# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""Competency gaps per unit x competency for one appraisal cycle, as a heat map.

A cell is the average gap (assessed - required level), the share of employees with a negative gap, or
their number; only assessed competencies (at least one rating) count. One aggregate query.
"""

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Sum
from frappe.utils import flt

from kinerja_asn.pengembangan.reporting import appraisals, column, require_cycle
from kinerja_asn.scoring.competency import COMPETENCY_TYPES
from kinerja_asn.scoring.development import GAP_LARGE, GAP_MEDIUM, GAP_SMALL, gap_severity

AVERAGE = "Average Gap"
SHARE = "Employees with a Gap (%)"
COUNT = "Employees with a Gap"

# Display only: heat levels for the share of employees with a gap.
SHARE_LEVELS = ((50.0, GAP_LARGE), (25.0, GAP_MEDIUM), (0.0, GAP_SMALL))


def execute(filters=None):
	filters = frappe._dict(filters or {})
	require_cycle(filters)
	mode = filters.get("value") or AVERAGE
	cells, units, competencies = aggregate(filters)
	return columns(competencies, mode), rows(cells, units, competencies, mode)


def aggregate(filters: frappe._dict):
	"""{(unit, competency): (sum of gaps, rows, rows with a negative gap)}, employees per unit, competencies."""
	C = frappe.qb.DocType("ASN Appraisal Competency")

	def assessed():
		query, A = appraisals(filters)
		query = (
			query.join(C)
			.on((C.parent == A.name) & (C.parenttype == "ASN Appraisal") & (C.parentfield == "competencies"))
			.where(C.rater_count > 0)
		)
		if filters.get("competency_type"):
			query = query.where(C.competency_type == filters.competency_type)
		return query, A

	query, A = assessed()
	query = query.select(
		A.department,
		C.competency,
		C.competency_type,
		Sum(C.gap),
		Count(C.name),
		Sum(Case().when(C.gap < 0, 1).else_(0)),
	).groupby(A.department, C.competency, C.competency_type)
	cells, types = {}, {}
	for unit, competency, competency_type, total, count, negative in query.run():
		cells[(unit or "", competency)] = (flt(total), int(count), int(negative or 0))
		types[competency] = competency_type
	query, A = assessed()
	units = {
		unit or "": int(employees)
		for unit, employees in query.select(A.department, Count(A.name).distinct())
		.groupby(A.department)
		.run()
	}
	order = {t: i for i, t in enumerate(COMPETENCY_TYPES)}
	competencies = sorted(types, key=lambda c: (order.get(types[c], len(order)), c))
	return cells, units, competencies


def columns(competencies: list[str], mode: str) -> list[dict]:
	fieldtype = {AVERAGE: "Float", SHARE: "Percent", COUNT: "Int"}[mode]
	out = [
		column(_("Unit Kerja"), "department", "Link", "Department", 200),
		column(_("Employees Assessed"), "employees", "Int", width=90),
	]
	for idx, competency in enumerate(competencies):
		out.append(column(competency, f"c{idx}", fieldtype, width=110) | {"precision": 2})
	out.append(column(_("All Competencies"), "overall", fieldtype, width=120) | {"precision": 2})
	return out


def value(cell: tuple[float, int, int], mode: str) -> float | int | None:
	total, count, negative = cell
	if not count:
		return None
	if mode == SHARE:
		return round(negative * 100 / count, 2)
	if mode == COUNT:
		return negative
	return round(total / count, 2)


def level(cell: tuple[float, int, int]) -> str | None:
	"""Heat level of an average-gap cell: the gap severity bands of the pure core."""
	total, count, _negative = cell
	if not count:
		return None
	return gap_severity(total / count)


def share_level(cell: tuple[float, int, int]) -> str | None:
	"""Heat level of a share/count cell, from the share of employees with a gap (display only)."""
	_total, count, negative = cell
	if not count or not negative:
		return None
	share = negative * 100 / count
	return next(label for floor, label in SHARE_LEVELS if share > floor or floor == 0.0)


def rows(cells, units: dict[str, int], competencies: list[str], mode: str) -> list[dict]:
	heat = level if mode == AVERAGE else share_level
	out = []
	totals = {c: [0.0, 0, 0] for c in competencies}
	for unit in sorted(units):
		row = {"department": unit, "employees": units[unit]}
		overall = [0.0, 0, 0]
		for idx, competency in enumerate(competencies):
			cell = cells.get((unit, competency))
			if not cell:
				continue
			row[f"c{idx}"] = value(cell, mode)
			row[f"c{idx}_heat"] = heat(cell)
			for i in range(3):
				overall[i] += cell[i]
				totals[competency][i] += cell[i]
		row["overall"] = value(tuple(overall), mode)
		row["overall_heat"] = heat(tuple(overall))
		out.append(row)
	if len(out) > 1:
		row = {"department": _("All Units"), "employees": sum(units.values()), "is_total_row": 1}
		overall = [0.0, 0, 0]
		for idx, competency in enumerate(competencies):
			cell = tuple(totals[competency])
			row[f"c{idx}"] = value(cell, mode)
			row[f"c{idx}_heat"] = heat(cell)
			for i in range(3):
				overall[i] += cell[i]
		row["overall"] = value(tuple(overall), mode)
		row["overall_heat"] = heat(tuple(overall))
		out.append(row)
	return out
