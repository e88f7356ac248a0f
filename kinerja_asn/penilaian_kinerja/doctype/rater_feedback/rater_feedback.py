# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cstr

from kinerja_asn.db import bulk_update
from kinerja_asn.penilaian_kinerja import lifecycle, rollup
from kinerja_asn.scoring.aggregation import ATASAN, DIRI

MIN_SCORE, MAX_SCORE = 1, 5
RATING_TABLES = ("competency_ratings", "behaviour_ratings")


class RaterFeedback(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from kinerja_asn.penilaian_kinerja.doctype.rater_behaviour_rating.rater_behaviour_rating import (
			RaterBehaviourRating,
		)
		from kinerja_asn.penilaian_kinerja.doctype.rater_competency_rating.rater_competency_rating import (
			RaterCompetencyRating,
		)

		amended_from: DF.Link | None
		appraisal_cycle: DF.Link | None
		asn_appraisal: DF.Link
		behaviour_ratings: DF.Table[RaterBehaviourRating]
		competency_ratings: DF.Table[RaterCompetencyRating]
		employee: DF.Link | None
		employee_name: DF.Data | None
		feedback: DF.Text | None
		former_supervisor: DF.Check
		naming_series: DF.Literal["RF-.YYYY.-"]
		rater: DF.Link
		rater_name: DF.Data | None
		rater_role: DF.Literal["Atasan Langsung", "Rekan Kerja", "Bawahan", "Diri Sendiri"]
		rater_user: DF.Link | None

	# end: auto-generated types
	def validate(self) -> None:
		appraisal = self.get_appraisal()
		self.validate_open(appraisal)
		self.validate_rater(appraisal)
		self.validate_duplicate()
		self.set_rows(appraisal)
		self.validate_scores(complete=self.docstatus == 1)
		self.set_rollup_keys()

	def save(self, *args, **kwargs):
		# every write of a feedback goes through save (submit, cancel, REST docstatus changes, the portal)
		self.lock_appraisal()
		return super().save(*args, **kwargs)

	def lock_appraisal(self) -> None:
		"""One lock order for every path that writes feedback: the appraisal's row first, then this feedback's
		own row (Frappe locks it first thing in save). The roll-up then reads the latest committed feedback
		with locking reads, so concurrent raters never lose a rating and never deadlock.

		Query builder rather than frappe.db.get_value, here and in the other reads of a save: the same
		primary-key lookups without get_value's per-call field parsing (a few ms per submit)."""
		RF, A = frappe.qb.DocType(self.doctype), frappe.qb.DocType("ASN Appraisal")
		stored = (
			frappe.qb.from_(RF).select(RF.asn_appraisal).where(RF.name == self.name).run()
			if self.name
			else None
		)
		appraisal = (stored[0][0] if stored else None) or self.asn_appraisal
		frappe.qb.from_(A).select(A.name).where(A.name == appraisal).for_update().run()

	def update_child_table(self, fieldname: str, df=None) -> None:
		"""Write the ~20 rating rows in one statement per table instead of Frappe's one UPDATE per row (40% of a
		submit's queries): the same columns and values Frappe's `db_update` writes (docstatus, modified, idx,
		the roll-up keys…), through kinerja_asn.db.bulk_update. Frappe's DELETE of rows dropped from the
		document runs only when a row it loaded `FOR UPDATE` before this save (`_doc_before_save`: the rows as
		stored, locked) is missing now; new rows are inserted by Frappe. Other tables go Frappe's way."""
		df = df or self.meta.get_field(fieldname)
		if fieldname not in RATING_TABLES or df.options in (self.flags.ignore_children_type or ()):
			return super().update_child_table(fieldname, df)
		rows = self.get(fieldname)
		kept = {row.name for row in rows if row.name and not row.is_new()}
		before = self.get_doc_before_save()
		if before is None or {row.name for row in before.get(fieldname)} - kept:
			Row = frappe.qb.DocType(df.options)
			delete = (
				frappe.qb.from_(Row)
				.where((Row.parent == self.name) & (Row.parenttype == self.doctype))
				.where(Row.parentfield == fieldname)
				.delete()
			)
			if kept:
				delete = delete.where(Row.name.notin(list(kept)))
			delete.run()
		updates = {}
		for row in rows:
			if row.is_new() or not row.name:
				row.db_insert()
			else:
				values = row.get_valid_dict(convert_dates_to_str=True, ignore_virtual=True)
				updates[cstr(values.pop("name"))] = values
		bulk_update(df.options, updates, strict=True)

	def before_cancel(self) -> None:
		# Frappe runs no validate on cancel: withdrawing follows the same window as sending
		self.validate_open(self.get_appraisal())

	def on_submit(self) -> None:
		rollup.rollup([self.asn_appraisal], for_update=True)

	def on_cancel(self) -> None:
		rollup.rollup([self.asn_appraisal], for_update=True)

	def get_appraisal(self) -> frappe._dict:
		"""The appraisal's state and, as `cycle`, its cycle's feedback window (lifecycle.feedback_closed): one
		query."""
		A, C = frappe.qb.DocType("ASN Appraisal"), frappe.qb.DocType("Appraisal Cycle")
		rows = (
			frappe.qb.from_(A)
			.left_join(C)
			.on(C.name == A.appraisal_cycle)
			.select(
				A.employee,
				A.evaluator,
				*(A[field] for field in lifecycle.APPRAISAL_STATE),
				C.name.as_("cycle_name"),
				C.status.as_("cycle_status"),
				C.feedback_deadline.as_("cycle_feedback_deadline"),
			)
			.where(A.name == self.asn_appraisal)
			.run(as_dict=True)
		)
		if not rows:
			frappe.throw(_("ASN Appraisal {0} does not exist.").format(frappe.bold(self.asn_appraisal)))
		appraisal = rows[0]
		name, status, deadline = (
			appraisal.pop(f"cycle_{field}") for field in ("name", "status", "feedback_deadline")
		)
		appraisal.cycle = frappe._dict(name=name, status=status, feedback_deadline=deadline) if name else None
		return appraisal

	def validate_open(self, appraisal) -> None:
		"""Given, sent or withdrawn only while the appraisal is a draft, its predikat not fixed and the cycle's
		feedback window open: on every path (portal, desk, REST docstatus, jobs), cancel included."""
		reason = lifecycle.feedback_closed(appraisal, appraisal.get("cycle"))
		if reason:
			frappe.throw(reason, title=_("Feedback Closed"))

	def validate_rater(self, appraisal) -> None:
		self.employee = appraisal.employee
		is_self = self.rater == appraisal.employee
		if is_self and self.rater_role != DIRI:
			frappe.throw(
				_("An employee cannot rate themself as {0}. Use the role {1} for a self-assessment.").format(
					_(self.rater_role), _(DIRI)
				)
			)
		if self.rater_role == DIRI and not is_self:
			frappe.throw(_("Only the employee rated can give the self-assessment ({0}).").format(_(DIRI)))
		if self.rater_role == ATASAN and self.rater != appraisal.evaluator and not self.former_supervisor:
			frappe.throw(
				_("The {0} of this appraisal is {1}, the employee's supervisor (reports to).").format(
					_(ATASAN), frappe.bold(appraisal.evaluator or _("(none)"))
				)
			)

	def validate_duplicate(self) -> None:
		RF = frappe.qb.DocType("Rater Feedback")
		found = (
			frappe.qb.from_(RF)
			.select(RF.name)
			.where(
				(RF.asn_appraisal == self.asn_appraisal)
				& (RF.rater == self.rater)
				& (RF.docstatus < 2)
				& (RF.name != self.name)
			)
			.limit(1)
			.run()
		)
		existing = found[0][0] if found else None
		if existing:
			frappe.throw(
				_("{0} already has feedback {1} for this appraisal. Open and complete that one.").format(
					frappe.bold(self.rater), frappe.bold(existing)
				),
				frappe.DuplicateEntryError,
			)

	def set_rows(self, appraisal) -> None:
		"""Rate exactly the appraisal's competencies and the core values; unknown rows are refused."""
		AC, CV = frappe.qb.DocType("ASN Appraisal Competency"), frappe.qb.DocType("Core Value")
		competencies = (
			frappe.qb.from_(AC)
			.select(AC.competency)
			.where((AC.parent == appraisal.name) & (AC.parenttype == "ASN Appraisal"))
			.orderby(AC.idx)
			.run(pluck=True)
		)
		values = frappe.qb.from_(CV).select(CV.name).orderby(CV.sequence).run(pluck=True)
		for table, field, allowed in (
			("competency_ratings", "competency", competencies),
			("behaviour_ratings", "core_value", values),
		):
			seen = set()
			for row in self.get(table):
				if row.get(field) not in allowed:
					frappe.throw(
						_("Row {0}: {1} is not assessed in this appraisal.").format(
							row.idx, frappe.bold(row.get(field))
						)
					)
				if row.get(field) in seen:
					frappe.throw(
						_("Row {0}: {1} is rated twice. Keep one row.").format(
							row.idx, frappe.bold(row.get(field))
						)
					)
				seen.add(row.get(field))
			for name in allowed:
				if name not in seen:
					self.append(table, {field: name})

	def set_rollup_keys(self) -> None:
		"""The roll-up groups ratings by appraisal and rater role without reading this document: each rating
		row carries both (kinerja_asn.penilaian_kinerja.rollup.ROLLUP_KEYS), always copied from the document,
		whatever a request sent for them. Frappe keeps the rows' docstatus with the document's."""
		for table in ("competency_ratings", "behaviour_ratings"):
			for row in self.get(table):
				row.asn_appraisal = self.asn_appraisal
				row.rater_role = self.rater_role

	def validate_scores(self, complete: bool) -> None:
		for table, field, value, label in (
			("competency_ratings", "competency", "level", _("Level")),
			("behaviour_ratings", "core_value", "score", _("Score")),
		):
			for row in self.get(table):
				score = row.get(value) or 0
				if score and not MIN_SCORE <= score <= MAX_SCORE:
					frappe.throw(
						_("{0} of {1} must be between 1 and 5, got {2}.").format(
							label, frappe.bold(row.get(field)), score
						),
						title=_("Invalid Rating"),
					)
				if complete and not score:
					frappe.throw(
						_("Rate {0} (1 to 5) before submitting the feedback.").format(
							frappe.bold(row.get(field))
						),
						title=_("Incomplete Feedback"),
					)
