# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

import frappe

from kinerja_asn.scoring.competency import MANAGERIAL_COMPETENCIES, SOCIO_CULTURAL_COMPETENCIES
from kinerja_asn.setup.install import seed_competencies, seed_core_values, seed_settings

NATIONAL = (*MANAGERIAL_COMPETENCIES, *SOCIO_CULTURAL_COMPETENCIES)
from kinerja_asn.tests.utils import KinerjaTestCase, make_asn, make_department


def levels(*numbers):
	return [
		{"level": n, "title": f"Level {n}", "description": "d", "indicators": f"{n}.1 x"} for n in numbers
	]


class TestCompetency(KinerjaTestCase):
	def test_national_dictionary_is_seeded(self):
		for name in NATIONAL:
			doc = frappe.get_doc("Competency", name)
			self.assertEqual([row.level for row in doc.levels], [1, 2, 3, 4, 5], name)
			self.assertTrue(all(row.title and row.indicators for row in doc.levels), name)
			self.assertTrue(doc.is_standard)
		values = frappe.get_all("Core Value", pluck="name")
		self.assertEqual(len(values), 7)
		self.assertEqual(frappe.db.count("Core Value Guide", {"parenttype": "Core Value"}), 21)

	def test_setup_is_idempotent_and_keeps_user_edits(self):
		doc = frappe.get_doc("Competency", "Integritas")
		doc.levels[0].title = "Judul yang diubah pengguna"
		doc.save()
		before = (
			frappe.db.count("Competency"),
			frappe.db.count("Competency Level"),
			frappe.db.count("Core Value"),
		)
		for _ in range(2):  # what after_migrate runs (custom fields aside: their DDL would commit the test)
			seed_settings()
			seed_competencies()
			seed_core_values()
		after = (
			frappe.db.count("Competency"),
			frappe.db.count("Competency Level"),
			frappe.db.count("Core Value"),
		)
		self.assertEqual(before, after)
		self.assertEqual(
			frappe.db.get_value("Competency Level", {"parent": "Integritas", "level": 1}, "title"),
			"Judul yang diubah pengguna",
		)

	def test_bad_levels_are_rejected(self):
		cases = {
			"level 0": ("Teknis", levels(0, 1)),
			"level 6": ("Teknis", levels(1, 6)),
			"duplicate": ("Teknis", levels(1, 2, 2)),
			"four managerial levels": ("Manajerial", levels(1, 2, 3, 4)),
		}
		for label, (competency_type, rows) in cases.items():
			with self.subTest(label):
				doc = frappe.get_doc(
					{
						"doctype": "Competency",
						"competency_name": f"_Test Bad {label}",
						"competency_type": competency_type,
						"bidang": "Kesehatan",
						"levels": rows,
					}
				)
				self.assertRaises(frappe.ValidationError, doc.insert)
				self.assertFalse(frappe.db.exists("Competency", doc.competency_name))

	def test_teknis_needs_bidang(self):
		doc = frappe.get_doc(
			{
				"doctype": "Competency",
				"competency_name": "_Test Tanpa Bidang",
				"competency_type": "Teknis",
				"levels": levels(1),
			}
		)
		self.assertRaises(frappe.ValidationError, doc.insert)

	def test_levels_are_sorted(self):
		doc = frappe.get_doc(
			{
				"doctype": "Competency",
				"competency_name": "_Test Urutan",
				"competency_type": "Teknis",
				"bidang": "Kesehatan",
				"levels": levels(3, 1, 2),
			}
		).insert()
		self.assertEqual([row.level for row in doc.levels], [1, 2, 3])

	def test_employee_can_read_dictionary_but_not_edit(self):
		# ERPNext gives the Employee role only to users linked to an Employee
		user = "kompetensi.reader@example.com"
		make_asn(user, "_Test Pembaca", make_department("_Test Unit Kamus"))
		frappe.set_user(user)
		self.assertTrue(frappe.has_permission("Competency", "read", "Integritas"))
		self.assertFalse(frappe.has_permission("Competency", "write", "Integritas"))
		self.assertTrue(frappe.has_permission("Core Value", "read"))
