# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_asn.penilaian_kinerja.groups import GROUP, MEMBER


class DistributionGroup(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from kinerja_asn.penilaian_kinerja.doctype.distribution_group_member.distribution_group_member import (
			DistributionGroupMember,
		)

		appraisal_cycle: DF.Link
		company: DF.Link | None
		department: DF.Link | None
		group_name: DF.Data
		group_type: DF.Literal["Unit", "Pimpinan"]
		leader: DF.Link | None
		leader_name: DF.Data | None
		members: DF.Table[DistributionGroupMember]
		naming_series: DF.Literal["KD-.YYYY.-"]
		organisation_predicate: DF.Literal[
			"", "Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"
		]
		pooled_units: DF.SmallText | None
		total_members: DF.Int
	# end: auto-generated types
	"""A kelompok distribusi: the employees of one cycle whose predikat one leader sets together (SE 3/2023)."""

	def validate(self) -> None:
		self.validate_members()
		self.total_members = len(self.members)
		if self.group_type == "Pimpinan":
			self.department = None

	def validate_members(self) -> None:
		seen = set()
		for row in self.members:
			if row.employee in seen:
				frappe.throw(
					_("Row {0}: {1} is in this group twice; remove one of the rows.").format(
						row.idx, row.employee_name or row.employee
					)
				)
			seen.add(row.employee)
		if not seen:
			return
		G, M = frappe.qb.DocType(GROUP), frappe.qb.DocType(MEMBER)
		elsewhere = (
			frappe.qb.from_(M)
			.join(G)
			.on(G.name == M.parent)
			.select(M.employee, M.employee_name, G.name, G.group_name)
			.where(
				(M.parenttype == GROUP)
				& (G.appraisal_cycle == self.appraisal_cycle)
				& (G.name != (self.name or ""))
				& M.employee.isin(list(seen))
			)
			.run(as_dict=True)
		)
		if elsewhere:
			frappe.throw(
				_(
					"An employee is in one distribution group per cycle. Remove them from the other group first: {0}"
				).format(
					", ".join(
						_("{0} (in {1})").format(r.employee_name or r.employee, r.group_name or r.name)
						for r in elsewhere
					)
				),
				title=_("Employee Already Grouped"),
			)
		company = frappe.db.get_value("Appraisal Cycle", self.appraisal_cycle, "company")
		others = frappe.get_all(
			"Employee",
			filters={"name": ("in", list(seen)), "company": ("!=", company)},
			pluck="employee_name",
		)
		if others:
			frappe.throw(
				_("These employees do not work for {0}, the company of the cycle: {1}").format(
					company, ", ".join(others)
				)
			)
