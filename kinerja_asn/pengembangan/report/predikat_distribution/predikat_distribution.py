# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""Predikat per unit for one appraisal cycle against the unit's allowed SE MenPANRB 3/2023 pattern.

The organisation predicate (Capaian Kinerja Organisasi) of a unit is the one chosen in the filter, else the
one of the unit's Predicate Calibration for the cycle, else Baik (as the team page does). The pattern and the
check are kinerja_asn.scoring.distribution.allowed_pattern / check_distribution.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Count

from kinerja_asn.pengembangan.reporting import appraisals, column, require_cycle
from kinerja_asn.scoring import distribution
from kinerja_asn.scoring.ratings import PREDIKAT

CHOSEN = "Chosen"
CALIBRATION = "Predicate Calibration"
DEFAULT = "Default"
SESUAI = "Sesuai"
TIDAK_SESUAI = "Tidak Sesuai"


def execute(filters=None):
	filters = frappe._dict(filters or {})
	require_cycle(filters)
	chosen = filters.get("organisation_predicate")
	if chosen and chosen not in distribution.ORGANISATION_PREDICATES:
		frappe.throw(_("Unknown organisation predicate {0}.").format(chosen))
	rows = get_rows(filters)
	return columns(), rows, None, None, summary(rows)


def fieldname(predikat: str) -> str:
	return frappe.scrub(predikat.replace("/", " "))


def columns() -> list[dict]:
	return [
		column(_("Unit Kerja"), "department", "Link", "Department", 200),
		column(_("Organisation Predicate"), "organisation_predicate", "Data", width=130),
		column(_("From"), "source", "Data", width=140),
		column(_("Employees with Predikat"), "total", "Int", width=100),
		column(_("Without Predikat"), "without_predikat", "Int", width=100),
		*[column(_(p), fieldname(p), "Int", width=100) for p in PREDIKAT],
		column(_("Allowed Pattern"), "allowed_pattern", "Data", width=320),
		column(_("Result"), "result", "Data", width=100),
		column(_("Problems"), "problems", "Data", width=400),
	]


def counts_per_unit(filters: frappe._dict) -> dict[str, dict[str | None, int]]:
	query, A = appraisals(filters)
	query = query.select(A.department, A.predikat, Count(A.name)).groupby(A.department, A.predikat)
	out: dict[str, dict[str | None, int]] = {}
	for unit, predikat, count in query.run():
		out.setdefault(unit or "", {})[predikat or None] = int(count)
	return out


def calibrated_predicates(cycle: str) -> dict[str, str]:
	"""Unit -> organisation predicate of its Predicate Calibration (submitted first, then the latest)."""
	out = {}
	for row in frappe.get_all(
		"Predicate Calibration",
		filters={"appraisal_cycle": cycle, "docstatus": ("<", 2)},
		fields=["department", "organisation_predicate"],
		order_by="docstatus desc, modified desc",
	):
		if row.organisation_predicate in distribution.ORGANISATION_PREDICATES:
			out.setdefault(row.department, row.organisation_predicate)
	return out


def pattern_text(pattern: list[dict]) -> str:
	parts = []
	for rule in pattern:
		names = " / ".join(_(p) for p in rule["predicates"])
		sign = "≤" if rule["kind"] == "max" else "≥"
		share = f" ({rule['percent']:g}%)" if rule["percent"] else ""
		parts.append(f"{names} {sign} {rule['limit']}{share}")
	return "; ".join(parts)


def get_rows(filters: frappe._dict) -> list[dict]:
	calibrated = calibrated_predicates(filters.appraisal_cycle)
	chosen = filters.get("organisation_predicate")
	rows = []
	for unit, counts in sorted(counts_per_unit(filters).items()):
		if chosen:
			predicate, source = chosen, CHOSEN
		elif unit in calibrated:
			predicate, source = calibrated[unit], CALIBRATION
		else:
			predicate, source = distribution.ORG_BAIK, DEFAULT
		given = {p: n for p, n in counts.items() if p in PREDIKAT}
		result = distribution.check_distribution(predicate, given)
		pattern = distribution.allowed_pattern(predicate, result.total)
		row = {
			"department": unit,
			"organisation_predicate": _(predicate),
			"source": _(source),
			"total": result.total,
			"without_predikat": sum(n for p, n in counts.items() if p not in PREDIKAT),
			"allowed_pattern": pattern_text(pattern),
			"result": _(SESUAI) if result.ok else _(TIDAK_SESUAI),
			"ok": result.ok,
			"problems": "; ".join(_(v.message).format(*v.args) for v in result.violations),
		}
		for predikat in PREDIKAT:
			row[fieldname(predikat)] = result.counts.get(predikat, 0)
		rows.append(row)
	return rows


def summary(rows: list[dict]) -> list[dict]:
	broken = sum(1 for r in rows if not r["ok"])
	return [
		{"value": len(rows), "label": _("Units"), "datatype": "Int", "indicator": "Blue"},
		{"value": len(rows) - broken, "label": _(SESUAI), "datatype": "Int", "indicator": "Green"},
		{
			"value": broken,
			"label": _(TIDAK_SESUAI),
			"datatype": "Int",
			"indicator": "Red" if broken else "Green",
		},
	]
