# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""Reward and talent shortlist: predikat Sangat Baik in kotak 7-9 of the 9-box, per period and unit.

HR sees every employee of their companies, a supervisor their own line (kinerja_asn.access).
"""

import frappe
from frappe import _
from frappe.utils import cint, flt

from kinerja_asn.pengembangan.reporting import appraisals, column, employee_columns
from kinerja_asn.scoring.development import DEFAULT_SHORTLIST_PREDIKAT, is_shortlisted
from kinerja_asn.scoring.talent import BOX_DEFINITION, BOX_FOLLOW_UP, SUCCESSION_BOXES


def execute(filters=None):
	filters = frappe._dict(filters or {})
	rows = get_rows(filters)
	return columns(), rows, None, None, summary(rows)


def columns() -> list[dict]:
	return [
		*employee_columns(),
		column(_("Job Group"), "job_group", "Data", width=120),
		column(_("Appraisal Cycle"), "appraisal_cycle", "Link", "Appraisal Cycle", 150),
		column(_("Period"), "period", "Data", width=110),
		column(_("Predikat Kinerja"), "predikat", "Data", width=110),
		column(_("Predikat Status"), "predikat_status", "Data", width=100),
		column(_("9-Box"), "talent_box", "Int", width=70),
		column(_("Box Definition"), "box_definition", "Data", width=260),
		column(_("Recommended Follow-up"), "follow_up", "Data", width=320),
		column(_("Job Person Match"), "jpm_capped", "Percent", width=100),
		column(_("JPM Category"), "jpm_category", "Data", width=130),
		column(_("Potential"), "potential", "Data", width=90),
		column(_("ASN Appraisal"), "asn_appraisal", "Link", "ASN Appraisal", 150),
	]


def get_rows(filters: frappe._dict) -> list[dict]:
	query, A = appraisals(filters)
	query = query.select(
		A.name.as_("asn_appraisal"),
		A.employee,
		A.employee_name,
		A.nip,
		A.asn_status,
		A.department,
		A.designation,
		A.job_group,
		A.appraisal_cycle,
		A.period_type,
		A.period_label,
		A.predikat,
		A.predikat_status,
		A.talent_box,
		A.jpm_capped,
		A.jpm_category,
		A.potential,
	).where(A.predikat.isin(list(DEFAULT_SHORTLIST_PREDIKAT)) & A.talent_box.isin(list(SUCCESSION_BOXES)))
	if filters.get("period_type"):
		query = query.where(A.period_type == filters.period_type)
	if cint(filters.get("fixed_only")):
		query = query.where(A.predikat_status == "Ditetapkan")
	rows = []
	for row in query.run(as_dict=True):
		box = cint(row.talent_box)
		if not is_shortlisted(row.predikat, box):
			continue
		row.talent_box = box
		row.jpm_capped = flt(row.jpm_capped, 2)
		row.period = _(row.period_label) if row.period_label else _(row.period_type or "")
		row.predikat_status = _(row.predikat_status) if row.predikat_status else ""
		row.box_definition = BOX_DEFINITION[box]
		row.follow_up = BOX_FOLLOW_UP[box]
		rows.append(row)
	rows.sort(key=lambda r: (r.department or "", -r.talent_box, -r.jpm_capped, r.employee_name or ""))
	return rows


def summary(rows: list[dict]) -> list[dict]:
	out = [{"value": len(rows), "label": _("Shortlisted"), "datatype": "Int", "indicator": "Blue"}]
	for box in sorted(SUCCESSION_BOXES, reverse=True):
		out.append(
			{
				"value": sum(1 for r in rows if r["talent_box"] == box),
				"label": _("Kotak {0}").format(box),
				"datatype": "Int",
				"indicator": "Green" if box == 9 else "Blue",
			}
		)
	return out
