# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""Predikat per distribution group for one appraisal cycle against the group's SE MenPANRB 3/2023 pattern.

Rows are the cycle's distribution groups (kinerja_asn.penilaian_kinerja.groups); appraisees not in a group yet
are shown in the default group they would get (marked as such), so the report is useful before HR saves the
groups. The organisation predicate (CKO) is the one chosen in the filter, else the group's, else Baik. The check
(rounding, groups too small to check) is kinerja_asn.penilaian_kinerja.groups.check. Users other than HR see
the counts of their own line only.
"""

import frappe
from frappe import _

from kinerja_asn.pengembangan.reporting import appraisals, column, require_cycle
from kinerja_asn.penilaian_kinerja import groups
from kinerja_asn.scoring import distribution
from kinerja_asn.scoring.groups import LEADERS, Member, default_groups
from kinerja_asn.scoring.ratings import PREDIKAT
from kinerja_asn.settings import group_defaults

CHOSEN = "Chosen"
GROUP = "Distribution Group"
DEFAULT = "Default group (not saved yet)"
NO_UNIT = "No unit"
RESULT = {"ok": "Sesuai", "fail": "Tidak Sesuai", "too_small": "Terlalu Kecil"}
INDICATOR = {"ok": "green", "fail": "red", "too_small": "gray"}


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
		# (Data, not Link: Frappe checks read rights on every linked doctype, and only HR reads the groups)
		column(_("Distribution Group"), "distribution_group", "Data", width=120),
		column(_("Group Name"), "group_name", "Data", width=200),
		column(_("Unit Kerja"), "department", "Link", "Department", 180),
		column(_("Organisation Predicate"), "organisation_predicate", "Data", width=130),
		column(_("From"), "source", "Data", width=160),
		column(_("Employees with Predikat"), "total", "Int", width=100),
		column(_("Without Predikat"), "without_predikat", "Int", width=100),
		*[column(_(p), fieldname(p), "Int", width=100) for p in PREDIKAT],
		column(_("Allowed Pattern"), "allowed_pattern", "Data", width=320),
		column(_("Result"), "result", "Data", width=110),
		column(_("Problems"), "problems", "Data", width=400),
	]


def pattern_text(pattern: list[dict]) -> str:
	parts = []
	for rule in pattern:
		names = " / ".join(_(p) for p in rule["predicates"])
		sign = "≤" if rule["kind"] == "max" else "≥"
		share = f" ({rule['percent']:g}%)" if rule["percent"] else ""
		parts.append(f"{names} {sign} {rule['limit']}{share}")
	return "; ".join(parts)


def buckets(filters: frappe._dict) -> list[tuple[dict, list[str | None]]]:
	"""(group description, the predikat of its appraisals in the user's scope) per distribution group."""
	query, A = appraisals(filters)
	rows = query.select(A.employee, A.department, A.job_group, A.predikat).run(as_dict=True)
	saved = groups.groups_of([r.employee for r in rows], filters.appraisal_cycle)
	info = {
		g.name: g
		for g in frappe.get_all(
			GROUP,
			filters={"name": ("in", list(set(saved.values())) or [""])},
			fields=["name", "group_name", "department", "organisation_predicate"],
		)
	}
	out: dict[str, tuple[dict, list]] = {}
	for r in rows:
		if r.employee in saved:
			g = info[saved[r.employee]]
			out.setdefault(g.name, ({**g, "distribution_group": g.name, "source": GROUP}, []))[1].append(
				r.predikat
			)
	ungrouped = [r for r in rows if r.employee not in saved]
	by_employee = {r.employee: r for r in ungrouped}
	placed = [r for r in ungrouped if r.department]
	for g in default_groups(
		[Member(r.employee, r.department, r.job_group) for r in placed],
		groups.unit_tree(),
		**group_defaults(),
	):
		key = g.unit or LEADERS
		name = _("Pimpinan Perangkat Daerah") if g.kind == LEADERS else key
		head = {"distribution_group": None, "group_name": name, "department": g.unit, "source": DEFAULT}
		out[f"default:{key}"] = (head, [by_employee[e].predikat for e in g.employees])
	loose = [r.predikat for r in ungrouped if not r.department]
	if loose:
		out["none"] = ({"distribution_group": None, "group_name": _(NO_UNIT), "source": DEFAULT}, loose)
	return sorted(out.values(), key=lambda item: (item[0]["source"] != GROUP, item[0]["group_name"] or ""))


def get_rows(filters: frappe._dict) -> list[dict]:
	chosen = filters.get("organisation_predicate")
	rows = []
	for head, predikats in buckets(filters):
		predicate = chosen or head.get("organisation_predicate") or distribution.ORG_BAIK
		source = CHOSEN if chosen else head["source"]
		given = [p for p in predikats if p in PREDIKAT]
		result = groups.check(predicate, given)
		pattern = groups.pattern(predicate, result.total)
		row = {
			"distribution_group": head["distribution_group"],
			"group_name": head["group_name"],
			"department": head.get("department"),
			"organisation_predicate": _(predicate),
			"source": _(source),
			"total": result.total,
			"without_predikat": len(predikats) - len(given),
			"allowed_pattern": pattern_text(pattern),
			"result": label(result.status),
			"status": result.status,
			"ok": result.ok,
			"indicator": INDICATOR[result.status],
			"problems": groups.too_small_text(result)
			if result.too_small
			else "; ".join(groups.violations_text(result)),
		}
		for predikat in PREDIKAT:
			row[fieldname(predikat)] = result.counts.get(predikat, 0)
		rows.append(row)
	return rows


def label(status: str) -> str:
	text = RESULT[status]
	return _(text)


def summary(rows: list[dict]) -> list[dict]:
	count = {status: sum(1 for r in rows if r["status"] == status) for status in RESULT}
	colour = {"ok": "Green", "fail": "Red" if count["fail"] else "Green", "too_small": "Gray"}
	return [
		{"value": len(rows), "label": _("Groups"), "datatype": "Int", "indicator": "Blue"},
		*(
			{"value": count[status], "label": label(status), "datatype": "Int", "indicator": colour[status]}
			for status in RESULT
		),
	]
