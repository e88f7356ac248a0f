# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt
from frappe.utils.caching import request_cache

from kinerja_asn.penilaian_kinerja import lifecycle, rollup
from kinerja_asn.rules import rule_errors
from kinerja_asn.scoring.ratings import classify_achievement


class ASNAppraisal(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from kinerja_asn.penilaian_kinerja.doctype.asn_appraisal_behaviour.asn_appraisal_behaviour import (
			ASNAppraisalBehaviour,
		)
		from kinerja_asn.penilaian_kinerja.doctype.asn_appraisal_competency.asn_appraisal_competency import (
			ASNAppraisalCompetency,
		)
		from kinerja_asn.penilaian_kinerja.doctype.asn_appraisal_result.asn_appraisal_result import (
			ASNAppraisalResult,
		)
		from kinerja_asn.penilaian_kinerja.doctype.asn_appraisal_role_summary.asn_appraisal_role_summary import (
			ASNAppraisalRoleSummary,
		)

		amended_from: DF.Link | None
		amendment_reason: DF.SmallText | None
		angka_kredit: DF.Float
		appraisal: DF.Link | None
		appraisal_cycle: DF.Link
		asn_status: DF.Data | None
		behaviour_score: DF.Float
		behaviours: DF.Table[ASNAppraisalBehaviour]
		company: DF.Link | None
		competencies: DF.Table[ASNAppraisalCompetency]
		department: DF.Link | None
		designation: DF.Link | None
		employee: DF.Link
		employee_name: DF.Data | None
		end_date: DF.Date | None
		evaluator: DF.Link | None
		evaluator_name: DF.Data | None
		evaluator_supervisor: DF.Link | None
		evaluator_supervisor_name: DF.Data | None
		hasil_kerja_override_reason: DF.SmallText | None
		hasil_kerja_proposed: DF.Literal["", "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"]
		hasil_kerja_rating: DF.Literal["", "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"]
		job_group: DF.Data | None
		jpm: DF.Percent
		jpm_capped: DF.Percent
		jpm_category: DF.Data | None
		naming_series: DF.Literal["ASN-APR-.YYYY.-"]
		nip: DF.Data | None
		notes: DF.SmallText | None
		pangkat_golongan: DF.Data | None
		perilaku_override_reason: DF.SmallText | None
		perilaku_proposed: DF.Literal["", "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"]
		perilaku_rating: DF.Literal["", "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"]
		period_label: DF.Literal[
			"",
			"Triwulan I",
			"Triwulan II",
			"Triwulan III",
			"Triwulan IV",
			"Semester I",
			"Semester II",
			"Akhir",
		]
		period_type: DF.Literal["Periodik", "Tahunan"]
		periodic_summary: DF.SmallText | None
		potential: DF.Data | None
		predicate_calibration: DF.Link | None
		predikat: DF.Literal[
			"", "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"
		]
		predikat_status: DF.Literal["Usulan", "Ditetapkan"]
		results: DF.Table[ASNAppraisalResult]
		role_summary: DF.Table[ASNAppraisalRoleSummary]
		start_date: DF.Date | None
		talent_box: DF.Int

	# end: auto-generated types
	def validate(self) -> None:
		self.validate_amendment()
		self.validate_duplicate()
		self.set_position_profile()
		self.set_evaluators()
		self.set_period()
		self.set_behaviour_rows()
		self.set_results()
		self.validate_overrides()
		self.set_scores()
		self.validate_fixed_predikat()
		self.set_periodic_summary()

	def validate_amendment(self) -> None:
		if self.amended_from and not (self.amendment_reason or "").strip():
			frappe.throw(
				_("Give the reason for amending {0}: it is kept on both appraisals.").format(
					frappe.bold(self.amended_from)
				),
				title=_("Reason Required"),
			)

	def after_insert(self) -> None:
		"""An amendment takes over the raters' feedback of the appraisal it amends (lifecycle)."""
		if self.amended_from and lifecycle.take_over_feedback(self, self.amendment_reason):
			rollup.rollup([self.name])
			self.reload()

	def on_update(self) -> None:
		before = self.get_doc_before_save()
		if self.docstatus == 0 and before and before.evaluator != self.evaluator:
			lifecycle.move_atasan_task(self.name, before.evaluator, self.evaluator)

	def on_cancel(self) -> None:
		# the raters' submitted feedback stays as it is: the amendment takes it over
		self.ignore_linked_doctypes = ("Rater Feedback",)

	def before_submit(self) -> None:
		missing = [
			_(self.meta.get_label(f))
			for f in ("hasil_kerja_rating", "perilaku_rating", "predikat")
			if not self.get(f)
		]
		if missing:
			frappe.throw(
				_("Cannot submit: {0} not set yet. Wait for the raters' feedback or set the ratings.").format(
					", ".join(missing)
				)
			)

	def onload(self) -> None:
		if self.docstatus == 1:
			self.set_onload("pending_changes", self.get_pending_changes())

	# --- setup from HRMS and the position profile -------------------------------------------------

	def validate_duplicate(self) -> None:
		existing = frappe.db.exists(
			"ASN Appraisal",
			{
				"employee": self.employee,
				"appraisal_cycle": self.appraisal_cycle,
				"docstatus": ("<", 2),
				"name": ("!=", self.name),
			},
		)
		if existing:
			frappe.throw(
				_("Employee {0} already has ASN Appraisal {1} in cycle {2}.").format(
					frappe.bold(self.employee), frappe.bold(existing), frappe.bold(self.appraisal_cycle)
				),
				frappe.DuplicateEntryError,
			)

	def set_position_profile(self) -> None:
		designation = self.designation or frappe.db.get_value("Employee", self.employee, "designation")
		if not designation:
			frappe.throw(
				_("Employee {0} has no designation. Set the designation on the Employee first.").format(
					frappe.bold(self.employee)
				)
			)
		profile = frappe.db.get_value(
			"Position Competency Profile", designation, ["name", "job_group"], as_dict=True
		)
		if not profile:
			frappe.throw(
				_(
					"Designation {0} has no Position Competency Profile. Create one under Kinerja ASN > Position Competency Profile (job group and required competencies), then create the appraisal."
				).format(frappe.bold(designation)),
				title=_("Position Profile Missing"),
			)
		self.job_group = profile.job_group
		if self.docstatus == 0 and not self.competencies:
			for row in frappe.get_all(
				"Position Competency Requirement",
				filters={"parent": profile.name, "parenttype": "Position Competency Profile"},
				fields=["competency", "competency_type", "required_level", "weight"],
				order_by="idx asc",
			):
				self.append("competencies", row)

	def set_evaluators(self) -> None:
		"""Pejabat Penilai = reports_to; Atasan Pejabat Penilai = their reports_to (PP 30/2019)."""
		self.evaluator, self.evaluator_name = supervisor_of(self.employee)
		self.evaluator_supervisor, self.evaluator_supervisor_name = supervisor_of(self.evaluator)

	def set_period(self) -> None:
		cycle = cycle_period(self.appraisal_cycle)
		if cycle:
			self.period_type = cycle.kinerja_period_type or self.period_type or "Tahunan"
			self.period_label = cycle.kinerja_period_label or self.period_label
			self.start_date, self.end_date = cycle.start_date, cycle.end_date
		self.appraisal = self.appraisal or frappe.db.get_value(
			"Appraisal",
			{"employee": self.employee, "appraisal_cycle": self.appraisal_cycle, "docstatus": ("<", 2)},
		)

	def set_behaviour_rows(self) -> None:
		if self.docstatus == 0 and not self.behaviours:
			for value in core_values():
				self.append("behaviours", {"core_value": value})

	def set_results(self) -> None:
		"""Snapshot of the SKP results (HRMS Goals of the cycle) while the appraisal is a draft."""
		if self.docstatus != 0:
			return
		cfg = rollup.config()
		self.set("results", [])
		for goal in get_goals(self.employee, self.appraisal_cycle):
			achievement = goal_achievement(goal)
			self.append(
				"results",
				{
					"goal": goal.name,
					"jenis": goal.jenis_rhk or "Utama",
					"rhk": goal.goal_name,
					"iki": goal.iki,
					"target": goal.target_value,
					"realisasi": goal.realisasi_value,
					"achievement": achievement,
					"classification": classify_achievement(achievement, cfg.hasil_above, cfg.hasil_below),
				},
			)

	# --- ratings ------------------------------------------------------------------------------------

	def validate_overrides(self) -> None:
		"""A rating that differs from the system's proposal needs a reason, which is kept."""
		for rating, proposed, reason in (
			("hasil_kerja_rating", "hasil_kerja_proposed", "hasil_kerja_override_reason"),
			("perilaku_rating", "perilaku_proposed", "perilaku_override_reason"),
		):
			chosen = self.get(rating)
			if not chosen or chosen == self.get(proposed):
				self.set(reason, None)
			elif not (self.get(reason) or "").strip():
				frappe.throw(
					_("Give a reason for setting {0} to {1} instead of the proposed {2}.").format(
						_(self.meta.get_label(rating)), chosen, self.get(proposed) or _("(none)")
					),
					title=_("Reason Required"),
				)

	def set_scores(self) -> None:
		if self.docstatus != 0 or self.predikat_status == lifecycle.FIXED:
			return  # submitted and fixed (ditetapkan) scores never change silently
		with rule_errors():
			if self.is_new():
				rollup.set_derived(self, rollup.config())
			else:
				rollup.recompute(self)

	def validate_fixed_predikat(self) -> None:
		"""After penetapan both ratings and the predikat are frozen until the calibration is cancelled."""
		before = self.get_doc_before_save()
		if self.predikat_status != lifecycle.FIXED or not before:
			return
		changed = [
			_(self.meta.get_label(f))
			for f in ("hasil_kerja_rating", "perilaku_rating", "predikat")
			if before.get(f) != self.get(f)
		]
		if changed:
			frappe.throw(
				_(
					"{0} of this appraisal were fixed by Predicate Calibration {1}. Cancel that calibration before changing them."
				).format(", ".join(changed), frappe.bold(self.predicate_calibration)),
				title=_("Predikat Fixed"),
			)

	def set_periodic_summary(self) -> None:
		if self.period_type != "Tahunan" or not self.start_date:
			self.periodic_summary = None
			return
		rows = frappe.get_all(
			"ASN Appraisal",
			filters={
				"employee": self.employee,
				"period_type": "Periodik",
				"docstatus": 1,
				"start_date": (">=", self.start_date),
				"end_date": ("<=", self.end_date),
			},
			fields=["period_label", "predikat", "name"],
			order_by="start_date asc",
		)
		self.periodic_summary = (
			"\n".join("{}: {} ({})".format(r.period_label or r.name, r.predikat or "-", r.name) for r in rows)
			or None
		)

	def get_pending_changes(self) -> list[dict]:
		"""What a recomputation would change now (late feedback, changed goals): shown, never applied."""
		fresh = frappe.get_doc(self.as_dict())
		fresh.docstatus = 0
		fresh.set_results()
		with rule_errors():
			rollup.recompute(fresh)
		changes = []
		for fieldname in rollup.PARENT_FIELDS:
			old, new = self.get(fieldname), fresh.get(fieldname)
			if (old or None) != (new or None) and not (isinstance(old, float) and flt(old, 2) == flt(new, 2)):
				changes.append({"field": _(self.meta.get_label(fieldname)), "old": old, "new": new})
		return changes


def supervisor_of(employee: str | None) -> tuple[str | None, str | None]:
	supervisor = employee and frappe.db.get_value("Employee", employee, "reports_to")
	if not supervisor:
		return None, None
	return supervisor, frappe.db.get_value("Employee", supervisor, "employee_name")


@request_cache
def cycle_period(appraisal_cycle: str):
	"""The period of a cycle (read once per request or job: a cycle's creation inserts thousands)."""
	return frappe.db.get_value(
		"Appraisal Cycle",
		appraisal_cycle,
		["kinerja_period_type", "kinerja_period_label", "start_date", "end_date"],
		as_dict=True,
	)


@request_cache
def core_values() -> list[str]:
	return frappe.get_all("Core Value", order_by="sequence asc", pluck="name")


def get_goals(employee: str, appraisal_cycle: str) -> list:
	return frappe.get_all(
		"Goal",
		filters={
			"employee": employee,
			"appraisal_cycle": appraisal_cycle,
			"is_group": 0,
			"status": ("!=", "Archived"),
		},
		fields=["name", "goal_name", "jenis_rhk", "iki", "target_value", "realisasi_value", "progress"],
		order_by="creation asc",
	)


def goal_achievement(goal) -> float:
	"""Realisasi ÷ target × 100 when a target is set, else the HRMS goal progress."""
	if flt(goal.target_value):
		return round(flt(goal.realisasi_value) / flt(goal.target_value) * 100, 2)
	return flt(goal.progress)
