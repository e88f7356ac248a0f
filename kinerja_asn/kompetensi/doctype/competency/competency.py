# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_asn.rules import rule_errors
from kinerja_asn.scoring.competency import TEKNIS, validate_levels


class Competency(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from kinerja_asn.kompetensi.doctype.competency_level.competency_level import CompetencyLevel

		bidang: DF.Data | None
		competency_name: DF.Data
		competency_type: DF.Literal["Manajerial", "Sosial Kultural", "Teknis"]
		definition: DF.SmallText | None
		enabled: DF.Check
		is_standard: DF.Check
		levels: DF.Table[CompetencyLevel]
	# end: auto-generated types

	def validate(self) -> None:
		self.validate_bidang()
		self.sort_levels()
		with rule_errors(_("Invalid Competency Levels")):
			validate_levels([row.level for row in self.levels], self.competency_type)

	def validate_bidang(self) -> None:
		if self.competency_type == TEKNIS and not (self.bidang or "").strip():
			frappe.throw(_("Set the technical field (Bidang) of a Teknis competency, e.g. Kesehatan."))

	def sort_levels(self) -> None:
		self.levels.sort(key=lambda row: row.level or 0)
		for idx, row in enumerate(self.levels, start=1):
			row.idx = idx


def get_level_map(competencies: list[str]) -> dict[str, dict[int, str]]:
	"""{competency: {level: title}} for the given competencies, in one query."""
	if not competencies:
		return {}
	rows = frappe.get_all(
		"Competency Level",
		filters={"parent": ("in", competencies), "parenttype": "Competency"},
		fields=["parent", "level", "title"],
	)
	levels: dict[str, dict[int, str]] = {}
	for row in rows:
		levels.setdefault(row.parent, {})[row.level] = row.title
	return levels
