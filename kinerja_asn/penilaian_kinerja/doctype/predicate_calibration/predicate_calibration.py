# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from kinerja_asn.penilaian_kinerja import groups, lifecycle
from kinerja_asn.rules import rule_errors
from kinerja_asn.scoring.ratings import PREDIKAT

CHECK_RESULT = {"ok": "Sesuai", "fail": "Tidak Sesuai", "too_small": "Terlalu Kecil"}


class PredicateCalibration(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from kinerja_asn.penilaian_kinerja.doctype.predicate_calibration_distribution.predicate_calibration_distribution import (
			PredicateCalibrationDistribution,
		)
		from kinerja_asn.penilaian_kinerja.doctype.predicate_calibration_employee.predicate_calibration_employee import (
			PredicateCalibrationEmployee,
		)
		from kinerja_asn.penilaian_kinerja.doctype.predicate_calibration_proposal.predicate_calibration_proposal import (
			PredicateCalibrationProposal,
		)

		amended_from: DF.Link | None
		appraisal_cycle: DF.Link
		assistant_note: DF.SmallText | None
		check_messages: DF.SmallText | None
		check_result: DF.Literal["", "Sesuai", "Tidak Sesuai", "Terlalu Kecil"]
		company: DF.Link | None
		department: DF.Link | None
		distribution: DF.Table[PredicateCalibrationDistribution]
		distribution_group: DF.Link
		employees: DF.Table[PredicateCalibrationEmployee]
		group_name: DF.Data | None
		leader: DF.Link | None
		leader_name: DF.Data | None
		naming_series: DF.Literal["PPK-.YYYY.-"]
		organisation_predicate: DF.Literal[
			"", "Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"
		]
		proposals: DF.Table[PredicateCalibrationProposal]
		total_employees: DF.Int
	# end: auto-generated types
	"""Penetapan predikat kinerja of one distribution group for one cycle, checked against SE MenPANRB 3/2023."""

	def validate(self) -> None:
		self.set_from_group()
		self.validate_duplicate()
		self.set_employees()
		self.check()

	def before_submit(self) -> None:
		"""Penetapan sees the truth: the unit as it is now, with no feedback still to come."""
		self.validate_snapshot()
		self.validate_no_open_tasks()
		self.check()
		missing = [row.employee_name for row in self.employees if not row.predikat]
		if missing:
			frappe.throw(
				_(
					"Cannot fix the predikat: {0} have no predikat yet. Complete their appraisals first."
				).format(", ".join(missing)),
				title=_("Appraisals Incomplete"),
			)
		if self.check_result == "Tidak Sesuai":
			frappe.throw(
				_("The distribution breaks SE MenPANRB 3/2023:")
				+ "<br>"
				+ (self.check_messages or "").replace("\n", "<br>"),
				title=_("Distribution Not Allowed"),
			)

	def on_submit(self) -> None:
		self.set_appraisal_status("Ditetapkan", self.name)

	def on_cancel(self) -> None:
		self.set_appraisal_status("Usulan", None)

	def set_appraisal_status(self, status: str, calibration: str | None) -> None:
		"""Fix (or release) the predikat of the unit's appraisals, with a version entry on each."""
		A = frappe.qb.DocType("ASN Appraisal")
		names = [row.asn_appraisal for row in self.employees]
		if not names:
			return
		before = frappe.get_all(
			"ASN Appraisal",
			filters={"name": ("in", names)},
			fields=["name", "predikat_status", "predicate_calibration"],
		)
		(
			frappe.qb.update(A)
			.set(A.predikat_status, status)
			.set(A.predicate_calibration, calibration)
			.where(A.name.isin(names))
			.run()
		)
		for row in before:
			lifecycle.record_change(
				"ASN Appraisal",
				row.name,
				[
					("predikat_status", row.predikat_status, status),
					("predicate_calibration", row.predicate_calibration, calibration),
				],
			)

	def current_rows(self) -> list[dict]:
		"""The group's appraisals of the cycle as they are stored now."""
		fields = ["name", "employee", "employee_name", "hasil_kerja_rating", "perilaku_rating", "predikat"]
		return [
			{"asn_appraisal": r.pop("name"), **r}
			for r in groups.member_appraisals(self.distribution_group, fields)
		]

	def set_from_group(self) -> None:
		"""Cycle, unit and CKO come from the distribution group (where HR sets the CKO). A calibration that
		names only a Department and cycle calibrates that Department's group."""
		if not self.distribution_group and self.department and self.appraisal_cycle and self.is_new():
			self.distribution_group = groups.unit_group(
				self.department, self.appraisal_cycle, self.organisation_predicate
			)
		group = frappe.db.get_value(
			"Distribution Group",
			self.distribution_group,
			["appraisal_cycle", "department", "organisation_predicate", "group_name", "company", "leader"],
			as_dict=True,
		)
		if not group:
			frappe.throw(_("Choose the distribution group whose predikat this calibration fixes."))
		if self.docstatus != 0:
			return
		self.update(
			{
				"appraisal_cycle": group.appraisal_cycle,
				"department": group.department,
				"organisation_predicate": group.organisation_predicate,
				"group_name": group.group_name,
				"company": group.company,
				"leader": self.leader or group.leader,
			}
		)

	def validate_snapshot(self) -> None:
		"""Refuse penetapan when the unit changed since the calibration was saved (late feedback, a new or
		cancelled appraisal, a changed rating), naming who changed."""
		fields = ("hasil_kerja_rating", "perilaku_rating", "predikat")
		saved = {row.asn_appraisal: row for row in self.employees}
		current = {row["asn_appraisal"]: row for row in self.current_rows()}
		changed = sorted(
			(current.get(name) or {}).get("employee_name") or saved[name].employee_name
			for name in set(saved) | set(current)
			if name not in saved
			or name not in current
			or any((saved[name].get(f) or None) != (current[name].get(f) or None) for f in fields)
		)
		if changed:
			frappe.throw(
				_(
					"The unit changed since this calibration was saved: {0}. Save the calibration again to refresh it, check the distribution, then submit."
				).format(", ".join(changed)),
				title=_("Calibration Out of Date"),
			)

	def validate_no_open_tasks(self) -> None:
		"""No penetapan while raters can still send feedback for an appraisal of the unit."""
		cycle = frappe.db.get_value(
			"Appraisal Cycle", self.appraisal_cycle, ["status", "feedback_deadline"], as_dict=True
		)
		if not cycle or not lifecycle.window_open(cycle):
			return
		names = [row.asn_appraisal for row in self.employees]
		waiting = frappe.get_all(
			"Rater Feedback",
			filters={"asn_appraisal": ("in", names or [""]), "docstatus": 0},
			pluck="employee_name",
			distinct=True,
		)
		if waiting:
			frappe.throw(
				_(
					"Feedback for {0} is still open until the deadline of the cycle. Wait for the deadline (or remove the open rater tasks) before the penetapan."
				).format(", ".join(sorted(set(waiting)))),
				title=_("Feedback Still Open"),
			)

	def validate_duplicate(self) -> None:
		existing = frappe.db.exists(
			"Predicate Calibration",
			{
				"distribution_group": self.distribution_group,
				"docstatus": ("<", 2),
				"name": ("!=", self.name),
			},
		)
		if existing:
			frappe.throw(
				_("Distribution group {0} already has Predicate Calibration {1}.").format(
					frappe.bold(self.group_name or self.distribution_group), frappe.bold(existing)
				),
				frappe.DuplicateEntryError,
			)

	def set_employees(self) -> None:
		if self.docstatus != 0:
			return
		self.set("employees", self.current_rows())

	def check(self) -> None:
		predicates = [row.predikat for row in self.employees if row.predikat]
		with rule_errors(_("Invalid Distribution")):
			result = groups.check(self.organisation_predicate, predicates)
			pattern = groups.pattern(self.organisation_predicate, len(predicates))
		self.total_employees = len(self.employees)
		self.set("distribution", [])
		for predikat in PREDIKAT:
			self.append(
				"distribution",
				{
					"predikat": predikat,
					"employee_count": result.counts.get(predikat, 0),
					"percent": result.percentages.get(predikat, 0),
					"allowed": allowed_text(pattern, predikat),
				},
			)
		self.check_result = CHECK_RESULT[result.status]
		self.check_messages = (
			groups.too_small_text(result)
			if result.too_small
			else "\n".join(groups.violations_text(result)) or None
		)


def allowed_text(pattern: list[dict], predikat: str) -> str:
	parts = []
	for rule in pattern:
		if predikat not in rule["predicates"]:
			continue
		joint = (
			" " + _("together with {0}").format(" / ".join(p for p in rule["predicates"] if p != predikat))
			if len(rule["predicates"]) > 1
			else ""
		)
		sign = "≤" if rule["kind"] == "max" else "≥"
		parts.append(f"{sign} {rule['limit']}{joint}")
	return "; ".join(parts)
