# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""Predikat Kinerja over the periods: one row per appraisal cycle and period, ordered by the start date.

Each row counts the predikat given (Sangat Baik ... Sangat Kurang) and the share of Sangat Baik + Baik among
the appraisals with a predikat; a line chart shows that share over the periods. Periods overlapping the
from/to dates are shown. One grouped query; HR sees their companies, anybody else their own line
(kinerja_asn.access).
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Max, Min
from frappe.utils import getdate

from kinerja_asn.pengembangan.reporting import appraisals, column
from kinerja_asn.scoring.ratings import BAIK, PREDIKAT, SANGAT_BAIK

GOOD = (SANGAT_BAIK, BAIK)
PERIOD_LABELS = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Semester I", "Semester II")


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if filters.get("from_date") and filters.get("to_date"):
		if getdate(filters.from_date) > getdate(filters.to_date):
			frappe.throw(_("From Date must be before To Date."))
	rows = get_rows(filters)
	return columns(), rows, None, chart(rows), summary(rows)


def fieldname(predikat: str) -> str:
	return frappe.scrub(predikat.replace("/", " "))


def columns() -> list[dict]:
	return [
		column(_("Appraisal Cycle"), "appraisal_cycle", "Link", "Appraisal Cycle", 180),
		column(_("Period"), "period", "Data", width=120),
		column(_("Start Date"), "start_date", "Date", width=100),
		column(_("End Date"), "end_date", "Date", width=100),
		column(_("Employees with Predikat"), "total", "Int", width=100),
		*[column(_(p), fieldname(p), "Int", width=100) for p in PREDIKAT],
		column(_("Without Predikat"), "without_predikat", "Int", width=100),
		column(_("Sangat Baik + Baik (%)"), "good_share", "Percent", width=120),
	]


def period_order(label: str | None) -> int:
	return PERIOD_LABELS.index(label) if label in PERIOD_LABELS else len(PERIOD_LABELS)


def get_rows(filters: frappe._dict) -> list[dict]:
	query, A = appraisals(frappe._dict(filters, appraisal_cycle=None))
	if filters.get("from_date"):
		query = query.where(A.end_date >= filters.from_date)
	if filters.get("to_date"):
		query = query.where(A.start_date <= filters.to_date)
	query = query.select(
		A.appraisal_cycle,
		A.period_type,
		A.period_label,
		Min(A.start_date),
		Max(A.end_date),
		A.predikat,
		Count(A.name),
	).groupby(A.appraisal_cycle, A.period_type, A.period_label, A.predikat)

	periods: dict[tuple, dict] = {}
	for cycle, period_type, label, start, end, predikat, count in query.run():
		key = (cycle, period_type or "", label or "")
		row = periods.get(key)
		if row is None:
			row = periods[key] = {
				"appraisal_cycle": cycle,
				"period": _(label or period_type or ""),
				"start_date": start,
				"end_date": end,
				"total": 0,
				"without_predikat": 0,
				**{fieldname(p): 0 for p in PREDIKAT},
			}
		row["start_date"] = min(filter(None, (row["start_date"], start)), default=None)
		row["end_date"] = max(filter(None, (row["end_date"], end)), default=None)
		if predikat in PREDIKAT:
			row[fieldname(predikat)] += int(count)
			row["total"] += int(count)
		else:
			row["without_predikat"] += int(count)

	def order(item):
		(cycle, _type, label), row = item
		return (getdate(row["start_date"] or "1900-01-01"), cycle or "", period_order(label))

	rows = [row for _key, row in sorted(periods.items(), key=order)]
	for row in rows:
		good = sum(row[fieldname(p)] for p in GOOD)
		row["good_share"] = round(good * 100 / row["total"], 2) if row["total"] else 0
	return rows


def chart(rows: list[dict]) -> dict | None:
	if not rows:
		return None
	return {
		"data": {
			"labels": [
				f"{r['appraisal_cycle']} · {r['period']}" if r["period"] else r["appraisal_cycle"]
				for r in rows
			],
			"datasets": [{"name": _("Sangat Baik + Baik (%)"), "values": [r["good_share"] for r in rows]}],
		},
		"type": "line",
		"fieldtype": "Percent",
		"colors": ["#28a745"],
		"lineOptions": {"dotSize": 6},
	}


def summary(rows: list[dict]) -> list[dict]:
	if not rows:
		return []
	first, last = rows[0]["good_share"], rows[-1]["good_share"]
	change = round(last - first, 2)
	return [
		{"value": len(rows), "label": _("Periods"), "datatype": "Int", "indicator": "Blue"},
		{
			"value": last,
			"label": _("Sangat Baik + Baik, Latest (%)"),
			"datatype": "Percent",
			"indicator": "Blue",
		},
		{
			"value": change,
			"label": _("Change since the First Period (points)"),
			"datatype": "Float",
			"indicator": "Green" if change >= 0 else "Red",
		},
	]
