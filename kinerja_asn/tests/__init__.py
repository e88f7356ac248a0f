def before_tests() -> None:
	"""Complete the ERPNext/HRMS test setup (company, holiday list) and make sure our seed data exists."""
	import frappe
	from hrms.tests.test_utils import before_tests as hrms_before_tests

	from kinerja_asn.setup.install import setup

	hrms_before_tests()
	setup()
	frappe.db.commit()  # nosemgrep: test bootstrap, like HRMS's before_tests
