# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""Rater Feedback completion per unit for one appraisal cycle (counts only, never who rated whom).

Units are those of the persons rated (default) or of the raters. A task is pending while its Rater Feedback
is a draft; pending tasks are overdue once the cycle's feedback_deadline has passed. One grouped query.
"""

from collections import defaultdict

import frappe
from frappe import _
from frappe.query_builder.functions import Count
from frappe.utils import getdate, today

from kinerja_asn.pengembangan.reporting import appraisals, column, require_cycle
from kinerja_asn.scoring.aggregation import RATER_ROLES

BY_RATED = "Unit of the Person Rated"
BY_RATER = "Unit of the Rater"


def execute(filters=None):
	filters = frappe._dict(filters or {})
	require_cycle(filters)
	deadline = frappe.db.get_value("Appraisal Cycle", filters.appraisal_cycle, "feedback_deadline")
	overdue = bool(deadline) and getdate(today()) > getdate(deadline)
	rows = get_rows(filters, overdue)
	return columns(), rows, None, None, summary(rows, deadline)


def role_field(role: str) -> str:
	return "pending_" + frappe.scrub(role)


def columns() -> list[dict]:
	return [
		column(_("Unit Kerja"), "department", "Link", "Department", 200),
		column(_("Appraisals"), "appraisals", "Int", width=90),
		column(_("Appraisals with All Feedback"), "appraisals_complete", "Int", width=120),
		column(_("Rater Tasks"), "tasks", "Int", width=90),
		column(_("Submitted"), "submitted", "Int", width=90),
		column(_("Pending"), "pending", "Int", width=90),
		column(_("Overdue"), "overdue", "Int", width=90),
		column(_("Completion"), "completion", "Percent", width=100),
		*[
			column(_("Pending: {0}").format(_(role)), role_field(role), "Int", width=110)
			for role in RATER_ROLES
		],
	]


def get_rows(filters: frappe._dict, overdue: bool) -> list[dict]:
	query, A = appraisals(frappe._dict(filters, department=None))
	RF = frappe.qb.DocType("Rater Feedback")
	query = query.join(RF).on(RF.asn_appraisal == A.name).where(RF.docstatus < 2)
	if filters.get("group_by") == BY_RATER:
		E = frappe.qb.DocType("Employee")
		query = query.left_join(E).on(E.name == RF.rater)
		unit_field = E.department
	else:
		unit_field = A.department
	if filters.get("department"):
		query = query.where(unit_field == filters.department)
	query = query.select(unit_field.as_("unit"), A.name, RF.rater_role, RF.docstatus, Count(RF.name)).groupby(
		unit_field, A.name, RF.rater_role, RF.docstatus
	)

	units: dict[str, dict] = defaultdict(
		lambda: {"appraisals": set(), "open": set(), "tasks": 0, "submitted": 0, "roles": defaultdict(int)}
	)
	for unit, appraisal, role, docstatus, count in query.run():
		entry = units[unit or ""]
		entry["appraisals"].add(appraisal)
		entry["tasks"] += count
		if docstatus == 1:
			entry["submitted"] += count
		else:
			entry["open"].add(appraisal)
			entry["roles"][role] += count

	rows = []
	for unit in sorted(units):
		entry = units[unit]
		pending = entry["tasks"] - entry["submitted"]
		row = {
			"department": unit,
			"appraisals": len(entry["appraisals"]),
			"appraisals_complete": len(entry["appraisals"] - entry["open"]),
			"tasks": entry["tasks"],
			"submitted": entry["submitted"],
			"pending": pending,
			"overdue": pending if overdue else 0,
			"completion": round(entry["submitted"] * 100 / entry["tasks"], 2) if entry["tasks"] else 0,
		}
		for role in RATER_ROLES:
			row[role_field(role)] = entry["roles"].get(role, 0)
		rows.append(row)
	return rows


def summary(rows: list[dict], deadline) -> list[dict]:
	tasks = sum(r["tasks"] for r in rows)
	submitted = sum(r["submitted"] for r in rows)
	out = [
		{"value": tasks, "label": _("Rater Tasks"), "datatype": "Int", "indicator": "Blue"},
		{"value": submitted, "label": _("Submitted"), "datatype": "Int", "indicator": "Green"},
		{
			"value": round(submitted * 100 / tasks, 2) if tasks else 0,
			"label": _("Completion"),
			"datatype": "Percent",
			"indicator": "Green" if tasks and submitted == tasks else "Orange",
		},
	]
	if deadline:
		out.append(
			{"value": deadline, "label": _("Feedback Deadline"), "datatype": "Date", "indicator": "Grey"}
		)
	return out
