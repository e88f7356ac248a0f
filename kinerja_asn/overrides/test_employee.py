import frappe

from kinerja_asn.tests.utils import KinerjaTestCase, make_asn, make_department


class TestEmployeeASNFields(KinerjaTestCase):
	def setUp(self):
		super().setUp()
		self.department = make_department("_Test Unit NIP")

	def test_nip_is_normalised_and_validated(self):
		employee = make_asn("nip.ok@example.com", "_Test Staf", self.department, nip="19850101 201001 1 001")
		self.assertEqual(frappe.db.get_value("Employee", employee, "nip"), "198501012010011001")

	def test_bad_nips_are_rejected(self):
		for label, nip in {
			"too short": "1985010120100110",
			"letters": "19850101201001100A",
			"bad birth date": "198513012010011001",
			"bad gender digit": "198501012010013001",
		}.items():
			with self.subTest(label):
				self.assertRaises(
					frappe.ValidationError,
					make_asn,
					f"nip.{label.replace(' ', '')}@example.com",
					"_Test Staf",
					self.department,
					nip=nip,
				)

	def test_duplicate_nip_is_rejected(self):
		make_asn("nip.first@example.com", "_Test Staf", self.department, nip="198501012010011002")
		self.assertRaises(
			frappe.DuplicateEntryError,
			make_asn,
			"nip.second@example.com",
			"_Test Staf",
			self.department,
			nip="198501012010011002",
		)

	def test_golongan_must_match_status(self):
		employee = frappe.get_doc("Employee", make_asn("gol@example.com", "_Test Staf", self.department))
		employee.asn_status = "PPPK"
		employee.pangkat_golongan = "III/a"
		self.assertRaises(frappe.ValidationError, employee.save)
		employee.reload()
		employee.asn_status = "PPPK"
		employee.pangkat_golongan = "IX"
		employee.save()
