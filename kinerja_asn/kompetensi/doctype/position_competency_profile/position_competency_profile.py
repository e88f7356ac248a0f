# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt

from kinerja_asn.kompetensi.doctype.competency.competency import get_level_map
from kinerja_asn.rules import rule_errors
from kinerja_asn.scoring.competency import (
	MANAGERIAL_COMPETENCIES,
	SOCIO_CULTURAL_COMPETENCIES,
	standard_level,
	validate_required_level,
)
from kinerja_asn.settings import standard_levels

NATIONAL_COMPETENCIES = (*MANAGERIAL_COMPETENCIES, *SOCIO_CULTURAL_COMPETENCIES)


class PositionCompetencyProfile(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from kinerja_asn.kompetensi.doctype.position_competency_requirement.position_competency_requirement import (
			PositionCompetencyRequirement,
		)

		designation: DF.Link
		job_group: DF.Literal[
			"JPT Utama",
			"JPT Madya",
			"JPT Pratama",
			"Administrator",
			"Pengawas",
			"Pelaksana",
			"JF Ahli Utama",
			"JF Ahli Madya",
			"JF Ahli Muda",
			"JF Ahli Pertama",
			"JF Penyelia",
			"JF Mahir",
			"JF Terampil",
			"JF Pemula",
		]
		requirements: DF.Table[PositionCompetencyRequirement]
		total_required: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		self.validate_unique_designation()
		self.validate_requirements()
		self.set_level_descriptions()
		self.total_required = sum(flt(row.weight) * (row.required_level or 0) for row in self.requirements)

	def on_update(self) -> None:
		sync_employee_job_group(self.designation, self.job_group)

	def validate_unique_designation(self) -> None:
		if self.is_new() and frappe.db.exists("Position Competency Profile", self.designation):
			frappe.throw(
				_(
					"Designation {0} already has a Position Competency Profile. Open and edit that profile instead."
				).format(frappe.bold(self.designation)),
				frappe.DuplicateEntryError,
			)

	def validate_requirements(self) -> None:
		competencies = [row.competency for row in self.requirements]
		info = {
			c.name: c
			for c in frappe.get_all(
				"Competency", filters={"name": ("in", competencies)}, fields=["name", "enabled"]
			)
		}
		levels = get_level_map(competencies)
		seen: set[str] = set()
		for row in self.requirements:
			if row.competency in seen:
				frappe.throw(
					_(
						"Row {0}: competency {1} appears more than once in this profile. Keep one row per competency."
					).format(row.idx, frappe.bold(row.competency))
				)
			seen.add(row.competency)
			if not info.get(row.competency) or not info[row.competency].enabled:
				frappe.throw(
					_(
						"Row {0}: competency {1} is disabled. Enable it in the dictionary or remove the row."
					).format(row.idx, frappe.bold(row.competency))
				)
			if flt(row.weight) < 0:
				frappe.throw(_("Row {0}: the weight cannot be negative.").format(row.idx))
			with rule_errors(_("Invalid Required Level")):
				validate_required_level(row.required_level, list(levels.get(row.competency, {})))

	def set_level_descriptions(self) -> None:
		levels = get_level_map([row.competency for row in self.requirements])
		for row in self.requirements:
			row.level_description = levels.get(row.competency, {}).get(row.required_level)

	@frappe.whitelist()
	def fill_standard_competencies(self) -> None:
		"""Add (or reset to the standard level) the nine national competencies; technical rows stay."""
		self.check_permission("write")
		if not self.job_group:
			frappe.throw(_("Select the job group first: the standard level depends on it."))
		with rule_errors():
			level = standard_level(self.job_group, standard_levels())
		existing = {row.competency: row for row in self.requirements}
		for name in NATIONAL_COMPETENCIES:
			if not frappe.db.exists("Competency", name):
				frappe.throw(
					_(
						"The national competency {0} is missing from the dictionary. Run bench migrate to restore it."
					).format(frappe.bold(name))
				)
			if name in existing:
				existing[name].required_level = level
			else:
				self.append("requirements", {"competency": name, "required_level": level, "weight": 1})
		self.set_level_descriptions()
		for row in self.requirements:
			if not row.competency_type:
				row.competency_type = frappe.db.get_value("Competency", row.competency, "competency_type")


def sync_employee_job_group(designation: str, job_group: str | None) -> None:
	"""Keep Employee.job_group equal to the job group of their position's profile (one bulk update)."""
	Employee = frappe.qb.DocType("Employee")
	(
		frappe.qb.update(Employee)
		.set(Employee.job_group, job_group or "")
		.where(Employee.designation == designation)
		.run()
	)


def get_job_group(designation: str | None) -> str | None:
	if not designation:
		return None
	return frappe.db.get_value("Position Competency Profile", designation, "job_group")
