# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

import frappe

from kinerja_asn.tests.utils import (
	KinerjaTestCase,
	make_asn,
	make_department,
	make_designation,
	make_technical_competency,
)


def new_profile(designation, job_group):
	make_designation(designation)
	return frappe.get_doc(
		{"doctype": "Position Competency Profile", "designation": designation, "job_group": job_group}
	)


class TestPositionCompetencyProfile(KinerjaTestCase):
	def test_fill_uses_standard_levels_from_settings(self):
		expected = {"JPT Pratama": 4, "Administrator": 3, "Pengawas": 2, "Pelaksana": 1}
		for job_group, level in expected.items():
			with self.subTest(job_group):
				doc = new_profile(f"_Test Profil {job_group}", job_group)
				doc.fill_standard_competencies()
				doc.insert()
				self.assertEqual(len(doc.requirements), 9)
				self.assertEqual({row.required_level for row in doc.requirements}, {level})
				self.assertTrue(all(row.level_description for row in doc.requirements))
				self.assertEqual(doc.total_required, 9 * level)

	def test_changing_the_setting_changes_the_next_fill(self):
		settings = frappe.get_single("Kinerja ASN Settings")
		row = next(r for r in settings.job_group_levels if r.job_group == "Pengawas")
		row.standard_level = 3
		settings.save()
		doc = new_profile("_Test Pengawas Baru", "Pengawas")
		doc.fill_standard_competencies()
		self.assertEqual({r.required_level for r in doc.requirements}, {3})

	def test_fill_keeps_technical_rows(self):
		make_technical_competency("_Test Pelayanan Kesehatan")
		doc = new_profile("_Test Perawat", "JF Terampil")
		doc.append("requirements", {"competency": "_Test Pelayanan Kesehatan", "required_level": 2})
		doc.fill_standard_competencies()
		self.assertEqual(len(doc.requirements), 10)
		self.assertEqual(doc.requirements[0].competency, "_Test Pelayanan Kesehatan")

	def test_bad_profiles_are_rejected(self):
		make_technical_competency("_Test Farmasi")
		doc = new_profile("_Test Dobel", "Pelaksana")
		doc.append("requirements", {"competency": "Integritas", "required_level": 1})
		doc.append("requirements", {"competency": "Integritas", "required_level": 2})
		self.assertRaises(frappe.ValidationError, doc.insert)

		too_high = frappe.get_doc(
			{
				"doctype": "Competency",
				"competency_name": "_Test Tiga Level",
				"competency_type": "Teknis",
				"bidang": "Kesehatan",
				"levels": [{"level": i, "title": str(i)} for i in (1, 2, 3)],
			}
		).insert()
		doc = new_profile("_Test Terlalu Tinggi", "Pelaksana")
		doc.append("requirements", {"competency": too_high.name, "required_level": 4})
		self.assertRaises(frappe.ValidationError, doc.insert)

		frappe.db.set_value("Competency", "_Test Farmasi", "enabled", 0)
		doc = new_profile("_Test Nonaktif", "Pelaksana")
		doc.append("requirements", {"competency": "_Test Farmasi", "required_level": 1})
		self.assertRaises(frappe.ValidationError, doc.insert)

	def test_second_profile_for_designation(self):
		new_profile("_Test Satu Profil", "Pelaksana").insert()
		self.assertRaises(frappe.DuplicateEntryError, new_profile("_Test Satu Profil", "Pengawas").insert)

	def test_employee_job_group_follows_profile(self):
		department = make_department("_Test Unit Profil")
		profile = new_profile("_Test Pranata", "Pelaksana").insert()
		employee = make_asn("pranata@example.com", "_Test Pranata", department)
		self.assertEqual(frappe.db.get_value("Employee", employee, "job_group"), "Pelaksana")
		profile.job_group = "Pengawas"
		profile.save()
		self.assertEqual(frappe.db.get_value("Employee", employee, "job_group"), "Pengawas")

	def test_employee_reads_only_own_position_profile(self):
		department = make_department("_Test Unit Profil")
		new_profile("_Test Jabatan Saya", "Pelaksana").insert()
		other = new_profile("_Test Jabatan Lain", "Pelaksana").insert()
		make_asn("jabatan.saya@example.com", "_Test Jabatan Saya", department)
		frappe.set_user("jabatan.saya@example.com")
		self.assertTrue(frappe.has_permission("Position Competency Profile", "read", "_Test Jabatan Saya"))
		self.assertFalse(frappe.has_permission("Position Competency Profile", "read", other.name))
		names = frappe.get_list("Position Competency Profile", pluck="name")
		self.assertIn("_Test Jabatan Saya", names)
		self.assertNotIn(other.name, names)
