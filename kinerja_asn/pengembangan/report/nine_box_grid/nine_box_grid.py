# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""The 9-box talent grid (PermenPANRB 3/2020) per unit for one appraisal cycle.

Three rows per unit (potensial Tinggi, Menengah, Rendah), one column per kinerja rating (Di Bawah, Sesuai,
Di Atas Ekspektasi); each cell holds the number of employees and its kotak (kinerja_asn.scoring.talent.NINE_BOX).
Without a unit filter a total grid ("All Units") follows when there is more than one unit. One grouped query;
HR sees their companies, anybody else their own line (kinerja_asn.access).
"""

from collections import defaultdict

import frappe
from frappe import _
from frappe.query_builder.functions import Count
from frappe.utils import cint

from kinerja_asn.pengembangan.reporting import appraisals, column, require_cycle
from kinerja_asn.scoring.ratings import DI_ATAS, DI_BAWAH, SESUAI
from kinerja_asn.scoring.talent import MENENGAH, NINE_BOX, RENDAH, SUCCESSION_BOXES, TINGGI

POTENTIAL_ROWS = (TINGGI, MENENGAH, RENDAH)
KINERJA_COLUMNS = (DI_BAWAH, SESUAI, DI_ATAS)
ALL_UNITS = "All Units"


def execute(filters=None):
	filters = frappe._dict(filters or {})
	require_cycle(filters)
	counts, without_box = counts_per_unit(filters)
	rows = get_rows(counts, total=not filters.get("department"))
	return columns(), rows, None, None, summary(counts, without_box)


def fieldname(kinerja: str) -> str:
	return frappe.scrub(kinerja)


def columns() -> list[dict]:
	return [
		column(_("Unit Kerja"), "department", "Link", "Department", 200),
		column(_("Potential"), "potential", "Data", width=120),
		*[column(_(k), fieldname(k), "Int", width=150) for k in KINERJA_COLUMNS],
		column(_("Total"), "total", "Int", width=90),
	]


def counts_per_unit(filters: frappe._dict) -> tuple[dict[str, dict[int, int]], dict[str, int]]:
	"""Unit -> kotak -> employees, and unit -> appraisals without a valid kotak."""
	query, A = appraisals(filters)
	query = query.select(A.department, A.talent_box, Count(A.name)).groupby(A.department, A.talent_box)
	counts: dict[str, dict[int, int]] = defaultdict(dict)
	without_box: dict[str, int] = defaultdict(int)
	for unit, box, count in query.run():
		box = cint(box)
		if 1 <= box <= 9:
			counts[unit or ""][box] = counts[unit or ""].get(box, 0) + int(count)
		else:
			without_box[unit or ""] += int(count)
	for unit in without_box:
		counts.setdefault(unit, {})
	return dict(counts), dict(without_box)


def grid(unit: str, boxes: dict[int, int], is_total: bool = False) -> list[dict]:
	rows = []
	for potential in POTENTIAL_ROWS:
		row = {"department": unit, "potential": _(potential), "total": 0}
		for kinerja in KINERJA_COLUMNS:
			box = NINE_BOX[(potential, kinerja)]
			row[fieldname(kinerja)] = boxes.get(box, 0)
			row[f"{fieldname(kinerja)}_box"] = box
			row["total"] += boxes.get(box, 0)
		if is_total:
			row["is_total_row"] = 1
		rows.append(row)
	return rows


def get_rows(counts: dict[str, dict[int, int]], total: bool = True) -> list[dict]:
	rows = []
	for unit in sorted(counts):
		rows.extend(grid(unit, counts[unit]))
	if total and len(counts) > 1:
		totals: dict[int, int] = defaultdict(int)
		for boxes in counts.values():
			for box, count in boxes.items():
				totals[box] += count
		rows.extend(grid(_(ALL_UNITS), totals, is_total=True))
	return rows


def summary(counts: dict[str, dict[int, int]], without_box: dict[str, int]) -> list[dict]:
	placed = sum(sum(boxes.values()) for boxes in counts.values())
	succession = sum(boxes.get(box, 0) for boxes in counts.values() for box in SUCCESSION_BOXES)
	missing = sum(without_box.values())
	return [
		{"value": placed, "label": _("Employees in the Grid"), "datatype": "Int", "indicator": "Blue"},
		{"value": succession, "label": _("Kotak 7-9"), "datatype": "Int", "indicator": "Green"},
		{
			"value": missing,
			"label": _("Without 9-Box"),
			"datatype": "Int",
			"indicator": "Orange" if missing else "Green",
		},
	]
