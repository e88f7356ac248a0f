# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

import frappe

from kinerja_asn.api.appraisal import set_evaluation
from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle
from kinerja_asn.penilaian_kinerja.doctype.asn_appraisal.test_asn_appraisal import appraisal_of, make_unit
from kinerja_asn.scoring.ratings import DI_ATAS, DI_BAWAH, SESUAI
from kinerja_asn.tests.utils import KinerjaTestCase, make_cycle

REASON = "Ditetapkan dalam rapat evaluasi kinerja."


def rate(appraisal: str, hasil_kerja: str, perilaku: str) -> None:
	set_evaluation(
		appraisal,
		hasil_kerja_rating=hasil_kerja,
		hasil_kerja_override_reason=REASON,
		perilaku_rating=perilaku,
		perilaku_override_reason=REASON,
	)


class TestPredicateCalibration(KinerjaTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.e = make_unit("kalibrasi")
		cls.keys = ("kabid", "s1", "s2", "s3", "s4", "p1")
		cls.cycle = make_cycle("_Test Siklus Kalibrasi", [cls.e[k] for k in cls.keys])
		create_for_cycle(cls.cycle)
		cls.appraisals = {k: appraisal_of(cls.e[k], cls.cycle) for k in cls.keys}

	def setUp(self):
		super().setUp()
		self.set_settings(min_group_size=0)  # these units of 6 are checked, as a small Dinas would be

	def calibration(self, predicate: str = "Baik"):
		return frappe.get_doc(
			{
				"doctype": "Predicate Calibration",
				"department": self.e["unit"],
				"appraisal_cycle": self.cycle,
				"organisation_predicate": predicate,
				"leader": self.e["kabid"],
			}
		)

	def test_distribution_is_checked_and_penetapan_refused_when_broken(self):
		for key in self.keys:
			rate(self.appraisals[key], SESUAI, SESUAI)  # everyone Baik
		doc = self.calibration().insert()
		self.assertEqual(doc.total_employees, 6)
		self.assertEqual(doc.check_result, "Tidak Sesuai")
		self.assertEqual({r.predikat: r.employee_count for r in doc.distribution}["Baik"], 6)
		self.assertIn("2 too many", doc.check_messages)  # Baik at most 70% of 6 = 4
		self.assertIn("1 too few", doc.check_messages)  # at least one Butuh Perbaikan or Kurang/Misconduct
		frappe.db.set_value("Appraisal Cycle", self.cycle, "feedback_deadline", "2000-01-01")
		doc.reload()
		with self.assertRaises(frappe.ValidationError) as ctx:
			doc.submit()
		self.assertIn("SE MenPANRB 3/2023", str(ctx.exception))

	def test_penetapan_fixes_the_predikat_until_cancelled(self):
		for key in self.keys:
			rate(self.appraisals[key], SESUAI, SESUAI)
		rate(self.appraisals["s3"], DI_BAWAH, SESUAI)  # Butuh Perbaikan
		rate(self.appraisals["s4"], DI_ATAS, DI_BAWAH)  # Kurang/Misconduct
		doc = self.calibration().insert()
		self.assertEqual(doc.check_result, "Sesuai", doc.check_messages)
		with self.assertRaises(frappe.ValidationError) as ctx:  # raters can still send feedback
			doc.submit()
		self.assertIn("still open", str(ctx.exception))
		frappe.db.set_value("Appraisal Cycle", self.cycle, "feedback_deadline", "2000-01-01")
		doc.reload()
		doc.submit()
		statuses = frappe.get_all(
			"ASN Appraisal",
			filters={"name": ("in", list(self.appraisals.values()))},
			pluck="predikat_status",
		)
		self.assertEqual(set(statuses), {"Ditetapkan"})
		self.assertTrue(
			frappe.db.exists("Version", {"ref_doctype": "ASN Appraisal", "docname": self.appraisals["s2"]})
		)
		self.assertRaises(frappe.ValidationError, rate, self.appraisals["s2"], DI_ATAS, DI_ATAS)
		# both ratings are frozen, not only the predikat: swapping them keeps Baik but is refused
		self.assertRaises(frappe.ValidationError, rate, self.appraisals["kabid"], DI_ATAS, SESUAI)
		doc.cancel()
		self.assertEqual(
			frappe.db.get_value("ASN Appraisal", self.appraisals["s2"], "predikat_status"), "Usulan"
		)
		rate(self.appraisals["s2"], DI_ATAS, DI_ATAS)
		self.assertEqual(
			frappe.db.get_value("ASN Appraisal", self.appraisals["s2"], "predikat"), "Sangat Baik"
		)

	def test_one_calibration_per_unit_and_cycle(self):
		self.calibration().insert()
		self.assertRaises(frappe.DuplicateEntryError, self.calibration().insert)

	def test_periodic_appraisals_are_listed_in_the_annual_one(self):
		periodic_cycle = make_cycle(
			"_Test Semester I",
			[self.e["s2"]],
			start_date="2026-01-01",
			end_date="2026-06-30",
			kinerja_period_type="Periodik",
			kinerja_period_label="Semester I",
		)
		create_for_cycle(periodic_cycle)
		periodic = appraisal_of(self.e["s2"], periodic_cycle)
		rate(periodic, SESUAI, DI_ATAS)
		frappe.get_doc("ASN Appraisal", periodic).submit()
		annual = frappe.get_doc("ASN Appraisal", self.appraisals["s2"])
		annual.save()
		self.assertIn("Semester I: Baik", annual.periodic_summary)
