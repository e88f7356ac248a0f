# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""HR staff maintain the dictionary and the profiles with Frappe's Data Import (parent + child rows)."""

import frappe
from frappe.tests.utils import FrappeTestCase

COMPETENCY_CSV = """Competency Name,Competency Type,Technical Field (Bidang),Definition,Level (Levels),Title (Levels),Description (Levels),Behavioural Indicators (Levels)
_Test Impor Gizi Masyarakat,Teknis,Kesehatan,Kemampuan mengelola program gizi masyarakat.,1,Memahami konsep dasar gizi,Menerapkan prosedur baku,1.1 Mencatat data gizi
,,,,2,Menerapkan program gizi,Menjalankan secara mandiri,2.1 Melaksanakan pemantauan pertumbuhan
,,,,3,Mengembangkan program gizi,Menganalisis dan memperbaiki,3.1 Menganalisis data stunting
_Test Impor Sanitasi,Teknis,Kesehatan Lingkungan,Kemampuan pengawasan sanitasi.,1,Memahami sanitasi dasar,Menerapkan prosedur baku,1.1 Memeriksa sarana air bersih
,,,,2,Melaksanakan inspeksi sanitasi,Menjalankan secara mandiri,2.1 Melaksanakan inspeksi TTU
"""

PROFILE_CSV = """Designation,Job Group,Competency (Requirements),Required Level (Requirements),Weight (Requirements)
_Test Impor Nutrisionis,JF Terampil,Integritas,1,1
,,Kerja Sama,1,1
,,_Test Impor Gizi Masyarakat,2,2
"""


def run_import(doctype: str, content: str, file_name: str):
	file = frappe.get_doc(
		{"doctype": "File", "file_name": file_name, "content": content.encode(), "is_private": 1}
	).insert(ignore_permissions=True)
	data_import = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": doctype,
			"import_type": "Insert New Records",
			"import_file": file.file_url,
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()  # nosemgrep: Data Import commits per row, like Frappe's own importer tests
	data_import.start_import()
	data_import.reload()
	return data_import


class TestDataImport(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()
		for doctype, name in (
			("Position Competency Profile", "_Test Impor Nutrisionis"),
			("Designation", "_Test Impor Nutrisionis"),
			("Competency", "_Test Impor Gizi Masyarakat"),
			("Competency", "_Test Impor Sanitasi"),
		):
			frappe.delete_doc_if_exists(doctype, name, force=True)
		for file_name in ("kamus_impor.csv", "profil_impor.csv"):
			for name in frappe.get_all("File", filters={"file_name": file_name}, pluck="name"):
				frappe.delete_doc("File", name, force=True, ignore_permissions=True)
		frappe.db.delete("Data Import", {"import_file": ("like", "%_impor%.csv")})
		frappe.db.commit()  # nosemgrep: remove committed import data

	def test_import_competencies_with_levels_and_a_profile_with_requirements(self):
		result = run_import("Competency", COMPETENCY_CSV, "kamus_impor.csv")
		self.assertEqual(result.status, "Success", result.get("template_warnings"))
		gizi = frappe.get_doc("Competency", "_Test Impor Gizi Masyarakat")
		self.assertEqual([row.level for row in gizi.levels], [1, 2, 3])
		self.assertEqual(gizi.levels[2].title, "Mengembangkan program gizi")
		self.assertEqual(len(frappe.get_doc("Competency", "_Test Impor Sanitasi").levels), 2)

		frappe.get_doc({"doctype": "Designation", "designation_name": "_Test Impor Nutrisionis"}).insert()
		result = run_import("Position Competency Profile", PROFILE_CSV, "profil_impor.csv")
		self.assertEqual(result.status, "Success")
		profile = frappe.get_doc("Position Competency Profile", "_Test Impor Nutrisionis")
		self.assertEqual(
			[(r.competency, r.required_level, r.weight) for r in profile.requirements],
			[("Integritas", 1, 1), ("Kerja Sama", 1, 1), ("_Test Impor Gizi Masyarakat", 2, 2)],
		)
		self.assertEqual(profile.requirements[2].level_description, "Menerapkan program gizi")
