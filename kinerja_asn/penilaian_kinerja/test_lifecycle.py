# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""The appraisal lifecycle on a real site (kinerja_asn.penilaian_kinerja.lifecycle): withdrawing feedback,
late feedback, reorganisation, calibration that sees the truth, cancel and amend, cycle creation that reports
its failures, and one scenario that walks an appraisal through all of it.

bench --site kinerja.test run-tests --module kinerja_asn.penilaian_kinerja.test_lifecycle
"""

import frappe

from kinerja_asn.api.appraisal import set_evaluation
from kinerja_asn.api.portal import save_feedback
from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle
from kinerja_asn.penilaian_kinerja.doctype.asn_appraisal.test_asn_appraisal import (
	appraisal_of,
	make_unit,
	task,
	user,
)
from kinerja_asn.penilaian_kinerja.rollup import RATINGS
from kinerja_asn.scoring.aggregation import ATASAN, REKAN
from kinerja_asn.scoring.ratings import DI_ATAS, DI_BAWAH, SESUAI
from kinerja_asn.tests.utils import KinerjaTestCase, fill_feedback, make_cycle

PREFIX = "siklus"
KEYS = ("kabid", "s1", "s2", "s3", "s4", "p1")
REASON = "Ditetapkan dalam rapat evaluasi kinerja."


def rating_key_mismatches(cycle: str) -> list[tuple]:
	"""Rating rows of a cycle's feedback whose roll-up keys (rollup.ROLLUP_KEYS, docstatus) differ from their
	feedback's; empty when the lifecycle kept them."""
	RF = frappe.qb.DocType("Rater Feedback")
	out = []
	for child, *_rest in RATINGS:
		Row = frappe.qb.DocType(child)
		out += (
			frappe.qb.from_(Row)
			.join(RF)
			.on(RF.name == Row.parent)
			.select(Row.parent, Row.asn_appraisal, Row.rater_role, Row.docstatus)
			.where(
				(RF.appraisal_cycle == cycle)
				& (
					(Row.asn_appraisal.isnull())
					| (Row.asn_appraisal != RF.asn_appraisal)
					| (Row.rater_role.isnull())
					| (Row.rater_role != RF.rater_role)
					| (Row.docstatus != RF.docstatus)
				)
			)
			.run()
		)
	return out


class TestLifecycle(KinerjaTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.e = make_unit(PREFIX)
		cls.cycle = make_cycle(
			"_Test Siklus Hidup", [cls.e[k] for k in (*KEYS, "kabid2", "t1")], feedback_deadline="2099-12-31"
		)
		create_for_cycle(cls.cycle)

	def as_user(self, key: str):
		frappe.set_user(user(f"{PREFIX}.{key}"))

	def appraisal(self, key: str) -> str:
		return appraisal_of(self.e[key], self.cycle)

	def give(self, rater: str, ratee: str, level: int, score: int | None = None):
		self.as_user(rater)
		try:
			return fill_feedback(task(self.appraisal(ratee), self.e[rater]), level, score or level)
		finally:
			frappe.set_user("Administrator")

	def close_window(self, closed: bool = True):
		deadline = "2000-01-01" if closed else "2099-12-31"
		frappe.db.set_value("Appraisal Cycle", self.cycle, "feedback_deadline", deadline)

	def submitted(self, appraisal: str) -> dict[str, int]:
		return {
			r.rater: r.docstatus
			for r in frappe.get_all(
				"Rater Feedback",
				filters={"asn_appraisal": appraisal, "docstatus": 1},
				fields=["rater", "docstatus"],
			)
		}

	def rate(self, key: str, hasil: str, perilaku: str):
		set_evaluation(
			self.appraisal(key),
			hasil_kerja_rating=hasil,
			hasil_kerja_override_reason=REASON,
			perilaku_rating=perilaku,
			perilaku_override_reason=REASON,
		)

	def rate_unit(self):
		for key in KEYS:
			self.rate(key, SESUAI, SESUAI)  # Baik
		self.rate("s3", DI_BAWAH, SESUAI)  # Butuh Perbaikan
		self.rate("s4", DI_ATAS, DI_BAWAH)  # Kurang/Misconduct

	def calibration(self):
		self.set_settings(min_group_size=0)  # this unit of 6 is checked, as a small Dinas would be
		return frappe.get_doc(
			{
				"doctype": "Predicate Calibration",
				"department": self.e["unit"],
				"appraisal_cycle": self.cycle,
				"organisation_predicate": "Baik",
				"leader": self.e["kabid"],
			}
		).insert()

	# --------------------------------------------------------------------------------------------------

	def test_withdrawing_feedback_follows_the_window(self):
		feedback = self.give("s1", "s2", 3)
		frappe.get_doc("Rater Feedback", feedback.name).cancel()  # HR, while the window is open
		self.assertNotIn(self.e["s1"], self.submitted(self.appraisal("s2")))
		again = frappe.copy_doc(frappe.get_doc("Rater Feedback", feedback.name))
		again.update({"amended_from": feedback.name, "docstatus": 0})
		again.insert()
		again.submit()
		self.close_window()
		with self.assertRaises(frappe.ValidationError) as ctx:
			frappe.get_doc("Rater Feedback", again.name).cancel()
		self.assertIn("HR (Kepegawaian)", str(ctx.exception))
		self.as_user("s3")  # a late rater
		name = task(self.appraisal("s2"), self.e["s3"])
		doc = frappe.get_doc("Rater Feedback", name)
		with self.assertRaises(frappe.ValidationError) as ctx:
			save_feedback(
				name,
				{r.competency: 3 for r in doc.competency_ratings},
				{r.core_value: 3 for r in doc.behaviour_ratings},
				submit=True,
			)
		self.assertIn("deadline", str(ctx.exception))
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Rater Feedback", name, "docstatus"), 0)
		self.assertEqual(rating_key_mismatches(self.cycle), [])  # submit, cancel (withdraw), amend

	def test_patch_fills_the_rating_keys(self):
		"""Sites from before v1.2: the patch gives every rating row the keys of its feedback."""
		from kinerja_asn.patches.v1_2 import rating_rollup_keys

		name = task(self.appraisal("s1"), self.e["s3"])
		for child, *_rest in RATINGS:
			Row = frappe.qb.DocType(child)
			frappe.qb.update(Row).set(Row.asn_appraisal, None).set(Row.rater_role, None).where(
				Row.parent == name
			).run()
		self.assertTrue(rating_key_mismatches(self.cycle))
		rating_rollup_keys.execute()
		self.assertEqual(rating_key_mismatches(self.cycle), [])

	def test_rating_keys_are_set_by_the_server(self):
		"""The roll-up's keys on the rating rows come from the feedback, never from what a request sent."""
		name = task(self.appraisal("s3"), self.e["s4"])
		doc = frappe.get_doc("Rater Feedback", name)
		for row in [*doc.competency_ratings, *doc.behaviour_ratings]:
			row.asn_appraisal, row.rater_role = self.appraisal("s2"), ATASAN  # forged
		doc.save()
		self.assertEqual(rating_key_mismatches(self.cycle), [])
		self.assertEqual(
			{r.rater_role for r in frappe.get_doc("Rater Feedback", name).competency_ratings}, {REKAN}
		)

	def test_reorganisation_moves_the_open_atasan_task(self):
		s1, s2 = self.appraisal("s1"), self.appraisal("s2")
		self.give("kabid", "s2", 4)  # submitted by the old supervisor: kept
		for key, appraisal in (("s1", s1), ("s2", s2)):
			employee = frappe.get_doc("Employee", self.e[key])
			employee.reports_to = self.e["kabid2"]
			employee.save()
			self.assertEqual(frappe.db.get_value("ASN Appraisal", appraisal, "evaluator"), self.e["kabid2"])
			atasan = frappe.get_all(
				"Rater Feedback",
				filters={"asn_appraisal": appraisal, "rater_role": ATASAN, "docstatus": ("<", 2)},
				fields=["rater", "docstatus", "former_supervisor"],
			)
			by_rater = {r.rater: r for r in atasan}
			self.assertEqual(by_rater[self.e["kabid2"]].docstatus, 0)  # the new PPK's task
			if key == "s1":  # the old supervisor's open task is gone
				self.assertNotIn(self.e["kabid"], by_rater)
			else:  # their submitted feedback stays, marked
				self.assertEqual(
					(by_rater[self.e["kabid"]].docstatus, by_rater[self.e["kabid"]].former_supervisor), (1, 1)
				)
		# the new PPK rates and sets ratings; the old one no longer can
		self.give("kabid2", "s2", 2)
		self.as_user("kabid")
		self.assertRaises(frappe.PermissionError, set_evaluation, s2, notes="x")
		self.as_user("kabid2")
		set_evaluation(s2, notes="Penilai baru.")
		frappe.set_user("Administrator")
		self.assertEqual(rating_key_mismatches(self.cycle), [])

	def test_calibration_refuses_stale_rows_and_open_feedback(self):
		self.rate_unit()
		doc = self.calibration()
		self.assertEqual(doc.check_result, "Sesuai", doc.check_messages)
		with self.assertRaises(frappe.ValidationError) as ctx:
			doc.submit()
		self.assertIn("still open", str(ctx.exception))
		self.close_window()
		self.rate("s2", DI_ATAS, SESUAI)  # changed after the calibration was saved: still Baik
		doc.reload()
		with self.assertRaises(frappe.ValidationError) as ctx:
			doc.submit()
		self.assertIn(frappe.db.get_value("Employee", self.e["s2"], "employee_name"), str(ctx.exception))
		doc.reload()
		doc.save()  # refresh
		doc.submit()
		self.assertEqual(
			frappe.db.get_value("ASN Appraisal", self.appraisal("s2"), "predikat_status"), "Ditetapkan"
		)
		versions = frappe.get_all(
			"Version", filters={"ref_doctype": "ASN Appraisal", "docname": self.appraisal("s2")}, pluck="data"
		)
		self.assertTrue(any("Ditetapkan" in v for v in versions))

	def test_cycle_creation_reports_failures_and_creates_the_rest(self):
		cycle = make_cycle(
			"_Test Siklus Terlambat", [self.e[k] for k in ("kabid2", "t1")], feedback_deadline="2000-01-01"
		)
		result = create_for_cycle(cycle)  # the window is closed: no rater task can be made
		self.assertEqual(result["created"], 2)
		self.assertEqual(result["raters"], 0)
		self.assertTrue(result["failed_raters"])
		self.assertTrue(all("deadline" in f["reason"] for f in result["failed_raters"]))

	def test_scenario_cycle_to_amended_penetapan(self):
		"""cycle → tasks → feedback (one late, one withdrawn in time) → supervisor change → calibration →
		penetapan → cancel and amend → penetapan again; no submitted rating is ever lost."""
		s2 = self.appraisal("s2")
		for rater, level in (("kabid", 4), ("s1", 3), ("s3", 3), ("s4", 2), ("s2", 4)):
			self.give(rater, "s2", level)
		# withdrawn in time (HR, the window is open), then given again
		withdrawn = task(s2, self.e["s4"])
		frappe.get_doc("Rater Feedback", withdrawn).cancel()
		redo = frappe.copy_doc(frappe.get_doc("Rater Feedback", withdrawn))
		redo.update({"amended_from": withdrawn, "docstatus": 0})
		redo.insert()
		redo.submit()
		# reorganisation: s2 now reports to kabid2, the new PPK rates too
		employee = frappe.get_doc("Employee", self.e["s2"])
		employee.reports_to = self.e["kabid2"]
		employee.save()
		self.give("kabid2", "s2", 4)
		kept = self.submitted(s2)
		self.assertEqual(set(kept), {self.e[k] for k in ("kabid", "s1", "s3", "s4", "s2", "kabid2")})
		before = frappe.get_doc("ASN Appraisal", s2)
		atasan = next(r for r in before.role_summary if r.rater_role == ATASAN)
		self.assertEqual(atasan.raters_submitted, 2)  # the former and the new supervisor
		self.assertEqual(next(r for r in before.role_summary if r.rater_role == REKAN).raters_submitted, 3)
		# late feedback is refused once the window closed
		self.close_window()
		late = task(self.appraisal("s1"), self.e["s3"])
		self.as_user("s3")
		self.assertRaises(frappe.ValidationError, save_feedback, late, {}, {}, submit=True)
		frappe.set_user("Administrator")

		# calibration and penetapan
		self.rate_unit()
		calibration = self.calibration()
		calibration.submit()
		self.assertEqual(frappe.db.get_value("ASN Appraisal", s2, "predikat_status"), "Ditetapkan")
		self.assertRaises(frappe.ValidationError, self.rate, "s2", DI_ATAS, SESUAI)  # frozen
		self.assertRaises(
			frappe.ValidationError, frappe.get_doc("ASN Appraisal", s2).cancel
		)  # calibration first

		# HR corrects the appraisal: cancel the calibration, submit, cancel and amend
		calibration.cancel()
		doc = frappe.get_doc("ASN Appraisal", s2)
		doc.submit()
		doc.cancel()  # never destroys the raters' work
		self.assertEqual(self.submitted(s2), kept)
		amended = frappe.copy_doc(doc)  # as the desk's Amend does
		amended.update({"amended_from": s2, "docstatus": 0})
		amended.amendment_reason = ""
		self.assertRaises(frappe.ValidationError, amended.insert)
		amended.amendment_reason = "Realisasi SKP dikoreksi."
		amended.insert()
		self.assertEqual(self.submitted(amended.name), kept)
		self.assertEqual(self.submitted(s2), {})
		self.assertEqual(rating_key_mismatches(self.cycle), [])  # the ratings moved with their feedback
		self.assertEqual(
			[r.assessed_level for r in amended.competencies], [r.assessed_level for r in before.competencies]
		)
		comment = frappe.get_all(
			"Comment", filters={"reference_name": s2, "comment_type": "Info"}, pluck="content"
		)
		self.assertTrue(any(amended.name in c and "Realisasi SKP dikoreksi." in c for c in comment))

		# penetapan again, with the amendment in the unit
		self.rate("s2", SESUAI, SESUAI)
		again = self.calibration()
		self.assertIn(amended.name, [r.asn_appraisal for r in again.employees])
		self.assertNotIn(s2, [r.asn_appraisal for r in again.employees])
		again.submit()
		self.assertEqual(frappe.db.get_value("ASN Appraisal", amended.name, "predikat_status"), "Ditetapkan")
		self.assertEqual(self.submitted(amended.name), kept)
