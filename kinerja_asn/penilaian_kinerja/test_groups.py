# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""Calibration by distribution group: a Dinas with a one-person root unit and small sections is one group;
the heads of perangkat daerah are a group of their own; the assistant's accepted proposals are overrides."""

import frappe

from kinerja_asn.penilaian_kinerja.assistant import decide_proposal, propose_changes
from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle
from kinerja_asn.penilaian_kinerja.doctype.asn_appraisal.test_asn_appraisal import appraisal_of, user
from kinerja_asn.penilaian_kinerja.doctype.predicate_calibration.test_predicate_calibration import rate
from kinerja_asn.penilaian_kinerja.groups import group_of, make_default_groups
from kinerja_asn.scoring.ratings import DI_ATAS, DI_BAWAH, SESUAI
from kinerja_asn.tests.utils import KinerjaTestCase, make_asn, make_cycle, make_department, make_profile


class TestDistributionGroups(KinerjaTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		make_profile("_Test Kepala Dinas", "JPT Pratama")
		make_profile("_Test Kepala Bidang", "Administrator")
		make_profile("_Test Pelaksana", "Pelaksana")
		dinas = make_department("_Test Dinas Kalibrasi")
		sekretariat = make_department("_Test Sekretariat Kalibrasi", parent=dinas)
		bidang = make_department("_Test Bidang Kalibrasi", parent=dinas)
		seksi = make_department("_Test Seksi Kalibrasi", parent=bidang)
		other = make_department("_Test Dinas Lain Kalibrasi")
		e = {"kadis": make_asn(user("kd.kadis"), "_Test Kepala Dinas", dinas, first_name="Kadis")}
		e["kadis2"] = make_asn(user("kd.kadis2"), "_Test Kepala Dinas", other, first_name="Kadis Dua")
		e["kabid"] = make_asn(user("kd.kabid"), "_Test Kepala Bidang", bidang, e["kadis"], first_name="Kabid")
		e["sek"] = make_asn(user("kd.sek"), "_Test Kepala Bidang", sekretariat, e["kadis"], first_name="Sek")
		staff = [("sek", "sk", sekretariat, 2), ("kabid", "bd", bidang, 3), ("kabid", "ss", seksi, 4)]
		for boss, prefix, unit, count in staff:
			for i in range(count):
				e[f"{prefix}{i}"] = make_asn(user(f"kd.{prefix}{i}"), "_Test Pelaksana", unit, e[boss])
		cls.e, cls.dinas, cls.other = e, dinas, other
		cls.staff = [k for k in e if k not in ("kadis", "kadis2")]  # 11 people below the Kepala Dinas
		cls.cycle = make_cycle("_Test Siklus Kelompok", list(e.values()))
		create_for_cycle(cls.cycle)
		cls.appraisals = {k: appraisal_of(v, cls.cycle) for k, v in e.items()}

	def setUp(self):
		super().setUp()
		frappe.db.set_value("Appraisal Cycle", self.cycle, "feedback_deadline", "2000-01-01")
		self.groups = make_default_groups(self.cycle)

	def group(self, key: str):
		return frappe.get_doc("Distribution Group", group_of(self.e[key], self.cycle))

	def calibrate(self, key: str):
		return frappe.get_doc(
			{"doctype": "Predicate Calibration", "distribution_group": self.group(key).name}
		).insert()

	def rate_staff(self, baik: int, butuh_perbaikan: int = 0) -> None:
		for i, key in enumerate(self.staff):
			if i < baik:
				rate(self.appraisals[key], SESUAI, SESUAI)
			elif i < baik + butuh_perbaikan:
				rate(self.appraisals[key], DI_BAWAH, SESUAI)
			else:
				rate(self.appraisals[key], DI_ATAS, DI_ATAS)

	def test_a_dinas_with_a_one_person_root_and_small_sections_is_one_group_and_passes(self):
		unit = self.group("kabid")
		self.assertEqual(unit.group_type, "Unit")
		self.assertEqual(unit.department, self.dinas)
		self.assertEqual(sorted(m.employee for m in unit.members), sorted(self.e[k] for k in self.staff))
		self.assertEqual(unit.leader, self.e["kadis"])  # the Kepala Dinas sets the predikat of the Dinas
		self.assertIn("_Test Seksi Kalibrasi", unit.pooled_units)
		self.rate_staff(baik=7, butuh_perbaikan=1)  # 7 Baik (<= 70% of 11 = 7), 1 BP, 3 Sangat Baik
		doc = self.calibrate("kabid")
		self.assertEqual((doc.total_employees, doc.check_result), (11, "Sesuai"), doc.check_messages)
		doc.submit()
		self.assertEqual(
			frappe.db.get_value("ASN Appraisal", self.appraisals["kabid"], "predikat_status"), "Ditetapkan"
		)
		# making the groups again places nobody twice
		self.assertEqual(make_default_groups(self.cycle)["employees"], 0)

	def test_the_heads_of_perangkat_daerah_are_calibrated_on_their_own(self):
		leaders = self.group("kadis")
		self.assertEqual(leaders.group_type, "Pimpinan")
		self.assertEqual(
			sorted(m.employee for m in leaders.members), sorted([self.e["kadis"], self.e["kadis2"]])
		)
		self.assertEqual(self.group("kadis2").name, leaders.name)
		rate(self.appraisals["kadis"], SESUAI, SESUAI)
		rate(self.appraisals["kadis2"], SESUAI, SESUAI)
		doc = self.calibrate("kadis")
		# two people are below the minimum size: reported as too small with the reason, never as failing
		self.assertEqual(doc.check_result, "Terlalu Kecil")
		self.assertIn("Too small to check", doc.check_messages)
		doc.submit()  # penetapan is allowed: there is no rule to check
		self.set_settings(min_group_size=2)
		doc.cancel()
		again = self.calibrate("kadis")
		self.assertEqual(again.check_result, "Tidak Sesuai")  # 2 Baik > floor(70% of 2) = 1

	def test_an_accepted_proposal_is_an_override_with_its_reason_and_the_group_passes(self):
		self.rate_staff(baik=11)  # everyone Baik: 4 too many, and no Butuh Perbaikan / Kurang
		doc = self.calibrate("kabid")
		self.assertEqual(doc.check_result, "Tidak Sesuai")
		self.assertEqual(propose_changes(doc.name)["proposals"], 4)
		doc.reload()
		first = doc.proposals[0]
		self.assertEqual(first.status, "Usulan")
		self.assertTrue(first.reason)
		rejected = doc.proposals[1]
		decide_proposal(doc.name, rejected.name, 0)
		with self.assertRaises(frappe.ValidationError):
			frappe.get_doc("Predicate Calibration", doc.name).submit()  # still breaks SE 3/2023
		propose_changes(doc.name)  # again, without the rejected employee
		doc.reload()
		self.assertNotIn(
			rejected.asn_appraisal, {r.asn_appraisal for r in doc.proposals if r.status == "Usulan"}
		)
		for row in [r for r in doc.proposals if r.status == "Usulan"]:
			decide_proposal(doc.name, row.name, 1)
		doc.reload()
		self.assertEqual(doc.check_result, "Sesuai", doc.check_messages)
		self.assertEqual([r.status for r in doc.proposals], ["Ditolak"] + ["Diterima"] * 4)
		row = next(r for r in doc.proposals if r.status == "Diterima")
		accepted = frappe.get_doc("ASN Appraisal", row.asn_appraisal)
		self.assertEqual(accepted.predikat, row.to_predikat)
		self.assertEqual(frappe.db.get_value("ASN Appraisal", rejected.asn_appraisal, "predikat"), "Baik")
		overrides = (accepted.hasil_kerja_override_reason or "") + (accepted.perilaku_override_reason or "")
		self.assertIn(doc.name, overrides)
		doc.submit()

	def test_only_hr_or_the_evaluator_decides(self):
		self.rate_staff(baik=11)
		doc = self.calibrate("kabid")
		propose_changes(doc.name)
		doc.reload()
		row = doc.proposals[0]
		evaluator = frappe.db.get_value("ASN Appraisal", row.asn_appraisal, "evaluator")
		outsider = next(k for k in self.staff if self.e[k] not in (evaluator, row.employee))
		frappe.set_user(frappe.db.get_value("Employee", self.e[outsider], "user_id"))
		self.assertRaises(frappe.PermissionError, decide_proposal, doc.name, row.name, 1)
		self.assertRaises(frappe.PermissionError, propose_changes, doc.name)
		self.assertFalse(frappe.has_permission("Distribution Group", "read"))
		frappe.set_user(frappe.db.get_value("Employee", evaluator, "user_id"))
		self.assertEqual(decide_proposal(doc.name, row.name, 1)["status"], "Diterima")

	def test_an_employee_is_in_one_group_per_cycle(self):
		unit = self.group("kabid")
		leaders = self.group("kadis")
		leaders.append("members", {"employee": unit.members[0].employee})
		self.assertRaises(frappe.ValidationError, leaders.save)
