# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""End-to-end: a small Dinas Kesehatan unit through one cycle, with feedback given as the rater users."""

import json

import frappe
from frappe.utils import add_days, today

from kinerja_asn.api.appraisal import get_feedback_summary, get_pending_changes, set_evaluation
from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle
from kinerja_asn.scoring.aggregation import ATASAN, BAWAHAN, DIRI, POOLED, REKAN, RoleStat, combine
from kinerja_asn.tests.utils import (
	KinerjaTestCase,
	fill_feedback,
	make_asn,
	make_cycle,
	make_department,
	make_profile,
)

DOMAIN = "dinkes.test"


def user(key: str) -> str:
	return f"{key}@{DOMAIN}"


def make_unit(prefix: str = "yankes") -> dict:
	"""kabid (Administrator) -> s1 (Pengawas) s2 s3 s4 (Pelaksana); s1 -> p1 (Pelaksana). Another unit: kabid2 -> t1."""
	make_profile("_Test Kepala Bidang", "Administrator")
	make_profile("_Test Kepala Seksi", "Pengawas")
	make_profile("_Test Pelaksana", "Pelaksana")
	unit = make_department(f"_Test Bidang {prefix}")
	other = make_department(f"_Test Bidang Lain {prefix}")
	e = {}
	e["kabid"] = make_asn(user(f"{prefix}.kabid"), "_Test Kepala Bidang", unit, first_name="Kabid")
	e["s1"] = make_asn(user(f"{prefix}.s1"), "_Test Kepala Seksi", unit, e["kabid"], first_name="Satu")
	for key in ("s2", "s3", "s4"):
		e[key] = make_asn(user(f"{prefix}.{key}"), "_Test Pelaksana", unit, e["kabid"], first_name=key)
	e["p1"] = make_asn(user(f"{prefix}.p1"), "_Test Pelaksana", unit, e["s1"], first_name="Pe")
	e["kabid2"] = make_asn(user(f"{prefix}.kabid2"), "_Test Kepala Bidang", other, first_name="Kabid Dua")
	e["t1"] = make_asn(user(f"{prefix}.t1"), "_Test Pelaksana", other, e["kabid2"], first_name="Te")
	e["unit"] = unit
	return e


def add_goal(
	employee: str, cycle: str, name: str, target: float, realisasi: float, jenis: str = "Utama"
) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Goal",
				"goal_name": name,
				"employee": employee,
				"appraisal_cycle": cycle,
				"start_date": "2026-01-01",
				"end_date": "2026-12-31",
				"jenis_rhk": jenis,
				"iki": f"IKI {name}",
				"target_value": target,
				"realisasi_value": realisasi,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def appraisal_of(employee: str, cycle: str) -> str:
	return frappe.db.get_value(
		"ASN Appraisal", {"employee": employee, "appraisal_cycle": cycle, "docstatus": ("<", 2)}
	)


def task(appraisal: str, rater: str) -> str:
	return frappe.db.get_value(
		"Rater Feedback", {"asn_appraisal": appraisal, "rater": rater, "docstatus": ("<", 2)}
	)


class TestASNAppraisal(KinerjaTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.e = make_unit()
		e = cls.e
		cls.cycle = make_cycle(
			"_Test Siklus 2026",
			[e[k] for k in ("kabid", "s1", "s2", "s3", "s4", "p1")],
			feedback_deadline="2099-12-31",
		)
		add_goal(e["s2"], cls.cycle, "Cakupan imunisasi", 100, 110)
		add_goal(e["s2"], cls.cycle, "Laporan SPM", 12, 14)
		cls.result = create_for_cycle(cls.cycle)

	def as_user(self, key: str):
		frappe.set_user(user(f"yankes.{key}"))

	def release(self):
		"""Close the feedback window: the raters' results reach the person rated (kinerja_asn.access.released)."""
		frappe.db.set_value("Appraisal Cycle", self.cycle, "feedback_deadline", "2000-01-01")

	def submit_as(self, rater_key: str, ratee_key: str, level: int, score: int, text: str | None = None):
		self.as_user(rater_key)
		try:
			return fill_feedback(
				task(appraisal_of(self.e[ratee_key], self.cycle), self.e[rater_key]), level, score, text
			)
		finally:
			frappe.set_user("Administrator")

	def test_cycle_creates_appraisals_and_raters_once(self):
		self.assertEqual(self.result["created"], 6)
		self.assertFalse(self.result["skipped"])
		s1 = appraisal_of(self.e["s1"], self.cycle)
		roles = dict(
			frappe.get_all(
				"Rater Feedback", filters={"asn_appraisal": s1}, fields=["rater", "rater_role"], as_list=True
			)
		)
		self.assertEqual(roles[self.e["kabid"]], ATASAN)
		self.assertEqual(roles[self.e["s1"]], DIRI)
		self.assertEqual(roles[self.e["p1"]], BAWAHAN)
		self.assertEqual(
			{r for r, role in roles.items() if role == REKAN}, {self.e["s2"], self.e["s3"], self.e["s4"]}
		)
		doc = frappe.get_doc("ASN Appraisal", s1)
		self.assertEqual(doc.evaluator, self.e["kabid"])
		self.assertEqual(doc.job_group, "Pengawas")
		self.assertEqual(len(doc.competencies), 9)
		self.assertEqual(len(doc.behaviours), 7)
		again = create_for_cycle(self.cycle)
		self.assertEqual((again["created"], again["raters"]), (0, 0))

	def test_rollup_predikat_jpm_and_anonymity(self):
		s2 = appraisal_of(self.e["s2"], self.cycle)
		self.submit_as("kabid", "s2", 3, 5, "Pertahankan ketepatan laporan.")
		for peer in ("s1", "s3", "s4"):
			self.submit_as(peer, "s2", 2, 4, f"Masukan rekan {peer}.")
		self.submit_as("s2", "s2", 4, 5, "Penilaian diri.")

		doc = frappe.get_doc("ASN Appraisal", s2)
		expected_level = combine([RoleStat(ATASAN, 3, 1), RoleStat(REKAN, 2, 3), RoleStat(DIRI, 4, 1)])
		self.assertTrue(all(row.assessed_level == expected_level for row in doc.competencies))
		self.assertTrue(all(row.rater_count == 4 for row in doc.competencies))  # self (weight 0) not counted
		self.assertEqual(doc.hasil_kerja_proposed, "Di Atas Ekspektasi")
		self.assertEqual(doc.perilaku_proposed, "Di Atas Ekspektasi")
		self.assertEqual(doc.predikat, "Sangat Baik")
		self.assertEqual(doc.jpm_capped, 100)
		self.assertGreater(doc.jpm, 100)
		self.assertEqual(doc.jpm_category, "Memenuhi Syarat")
		self.assertEqual(doc.talent_box, 9)
		self.assertEqual({r.rater_role: r.raters_submitted for r in doc.role_summary}[REKAN], 3)

		# the person rated sees aggregates and texts once released, never who rated what
		self.as_user("s2")
		self.assertFalse(frappe.has_permission("Rater Feedback", "read", task(s2, self.e["s1"])))
		self.assertRaises(frappe.PermissionError, frappe.get_list, "Rater Feedback", {"asn_appraisal": s2})
		self.assertEqual(get_feedback_summary(s2)["feedback"], [])  # the window is still open
		frappe.set_user("Administrator")
		self.release()
		self.as_user("s2")
		summary = get_feedback_summary(s2)
		payload = json.dumps(summary)
		for key in ("s1", "s3", "s4", "kabid"):
			self.assertNotIn(self.e[key], payload)
			self.assertNotIn(f"yankes.{key}", payload)
		roles = {g["role"] for groups in summary["competencies"].values() for g in groups}
		self.assertEqual(roles, {ATASAN, REKAN, DIRI})
		self.assertIn("Masukan rekan s3.", [f["text"] for f in summary["feedback"]])

	def test_small_roles_are_pooled_or_hidden(self):
		s1 = appraisal_of(self.e["s1"], self.cycle)
		self.submit_as("kabid", "s1", 2, 4)
		self.submit_as("s2", "s1", 2, 4, "Rekan dua.")
		self.submit_as("s3", "s1", 2, 4, "Rekan tiga.")
		self.submit_as("p1", "s1", 2, 4, "Dari bawahan.")
		self.release()
		self.as_user("s1")
		summary = get_feedback_summary(s1)
		roles = {g["role"] for groups in summary["behaviours"].values() for g in groups}
		self.assertNotIn(REKAN, roles)  # 2 peers < threshold 3
		self.assertNotIn(BAWAHAN, roles)  # 1 subordinate
		self.assertIn(POOLED, roles)  # 3 together
		self.assertTrue(all(f["role"] in (None, ATASAN) for f in summary["feedback"]))

	def test_supervisor_sees_own_line_only(self):
		self.as_user("kabid")
		names = set(
			frappe.get_list("ASN Appraisal", filters={"appraisal_cycle": self.cycle}, pluck="employee")
		)
		self.assertEqual(names, {self.e[k] for k in ("s1", "s2", "s3", "s4", "p1")})  # never their own
		self.as_user("s1")
		names = set(
			frappe.get_list("ASN Appraisal", filters={"appraisal_cycle": self.cycle}, pluck="employee")
		)
		self.assertEqual(names, {self.e["p1"]})
		self.as_user("kabid2")
		self.assertFalse(
			frappe.has_permission("ASN Appraisal", "read", appraisal_of(self.e["s2"], self.cycle))
		)
		self.assertRaises(
			frappe.PermissionError, get_feedback_summary, appraisal_of(self.e["s2"], self.cycle)
		)

	def test_only_the_evaluator_sets_ratings_and_overrides_need_a_reason(self):
		s3 = appraisal_of(self.e["s3"], self.cycle)
		self.submit_as("kabid", "s3", 1, 3)
		self.as_user("s3")
		self.assertRaises(frappe.PermissionError, set_evaluation, s3, perilaku_rating="Di Atas Ekspektasi")
		self.as_user("kabid2")
		self.assertRaises(frappe.PermissionError, set_evaluation, s3, perilaku_rating="Di Atas Ekspektasi")
		self.as_user("kabid")
		proposed = frappe.db.get_value("ASN Appraisal", s3, "perilaku_proposed")
		self.assertEqual(proposed, "Sesuai Ekspektasi")
		self.assertRaises(frappe.ValidationError, set_evaluation, s3, perilaku_rating="Di Atas Ekspektasi")
		self.assertEqual(frappe.db.get_value("ASN Appraisal", s3, "perilaku_rating"), "Sesuai Ekspektasi")
		result = set_evaluation(
			s3,
			perilaku_rating="Di Atas Ekspektasi",
			perilaku_override_reason="Inisiatif luar biasa saat KLB.",
		)
		self.assertEqual(result["perilaku_rating"], "Di Atas Ekspektasi")
		self.assertEqual(
			frappe.db.get_value("ASN Appraisal", s3, "perilaku_override_reason"),
			"Inisiatif luar biasa saat KLB.",
		)

	def test_bad_feedback_is_rejected_and_nothing_saved(self):
		s4 = appraisal_of(self.e["s4"], self.cycle)
		name = task(s4, self.e["kabid"])
		self.as_user("kabid")  # raters have no desk rights: the portal is their way in
		doc = frappe.get_doc("Rater Feedback", name)
		self.assertRaises(frappe.PermissionError, doc.save)
		frappe.set_user("Administrator")  # the controller's own validation, on every path
		doc = frappe.get_doc("Rater Feedback", name)
		doc.competency_ratings[0].level = 6
		self.assertRaises(frappe.ValidationError, doc.save)
		doc.competency_ratings[0].level = 3
		doc.behaviour_ratings[0].score = -1
		self.assertRaises(frappe.ValidationError, doc.save)
		doc = frappe.get_doc("Rater Feedback", name)
		self.assertRaises(frappe.ValidationError, doc.submit)  # nothing rated yet
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Rater Feedback", name, "docstatus"), 0)

		as_peer = frappe.get_doc(
			{"doctype": "Rater Feedback", "asn_appraisal": s4, "rater": self.e["s4"], "rater_role": REKAN}
		)
		self.assertRaises(frappe.ValidationError, as_peer.insert)
		second = frappe.get_doc(
			{"doctype": "Rater Feedback", "asn_appraisal": s4, "rater": self.e["s2"], "rater_role": REKAN}
		)
		self.assertRaises(frappe.DuplicateEntryError, second.insert)

	def test_feedback_after_deadline_is_rejected(self):
		p1 = appraisal_of(self.e["p1"], self.cycle)
		frappe.db.set_value("Appraisal Cycle", self.cycle, "feedback_deadline", add_days(today(), -1))
		try:
			self.assertRaises(frappe.ValidationError, self.submit_as, "s1", "p1", 2, 3)
			self.assertEqual(frappe.db.get_value("Rater Feedback", task(p1, self.e["s1"]), "docstatus"), 0)
		finally:
			frappe.db.set_value("Appraisal Cycle", self.cycle, "feedback_deadline", "2099-12-31")

	def test_missing_position_profile_is_named(self):
		employee = make_asn(user("yankes.noprofile"), "_Test Tanpa Profil", self.e["unit"], self.e["kabid"])
		doc = frappe.get_doc(
			{"doctype": "ASN Appraisal", "employee": employee, "appraisal_cycle": self.cycle}
		)
		with self.assertRaises(frappe.ValidationError) as ctx:
			doc.insert()
		self.assertIn("_Test Tanpa Profil", str(ctx.exception))

	def test_submitted_scores_never_change_silently(self):
		s2 = appraisal_of(self.e["s2"], self.cycle)
		self.submit_as("kabid", "s2", 3, 4)
		for peer in ("s1", "s3"):
			self.submit_as(peer, "s2", 3, 4)
		doc = frappe.get_doc("ASN Appraisal", s2)
		doc.submit()
		predikat, results = doc.predikat, [(r.goal, r.achievement) for r in doc.results]

		# late feedback is refused; changed goals do not touch the submitted appraisal but are shown
		self.assertRaises(frappe.ValidationError, self.submit_as, "s4", "s2", 1, 1)
		goal = frappe.get_doc("Goal", doc.results[0].goal)
		goal.realisasi_value = 10
		goal.save()
		doc.reload()
		self.assertEqual(doc.predikat, predikat)
		self.assertEqual([(r.goal, r.achievement) for r in doc.results], results)
		self.assertTrue(get_pending_changes(s2))

	def test_weights_must_be_valid(self):
		settings = frappe.get_single("Kinerja ASN Settings")
		settings.weight_atasan = -1
		self.assertRaises(frappe.ValidationError, settings.save)
		settings.reload()
		settings.weight_atasan = settings.weight_rekan = settings.weight_bawahan = settings.weight_diri = 0
		self.assertRaises(frappe.ValidationError, settings.save)
