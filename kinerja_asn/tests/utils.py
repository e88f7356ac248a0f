"""Factories shared by the integration tests (run under bench only)."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate


def get_company() -> str:
	"""The company made by the ERPNext/HRMS test setup (before_tests)."""
	return (
		frappe.db.get_single_value("Global Defaults", "default_company")
		or frappe.get_all("Company", pluck="name", limit=1)[0]
	)


def make_department(name: str, company: str | None = None, parent: str | None = None) -> str:
	"""A Department (a group, so that it may have sub-units) under ``parent``, else under the tree's root."""
	company = company or get_company()
	existing = frappe.db.get_value("Department", {"department_name": name, "company": company})
	if existing:
		return existing
	return (
		frappe.get_doc(
			{
				"doctype": "Department",
				"department_name": name,
				"company": company,
				"parent_department": parent,
				"is_group": 1,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def make_designation(name: str) -> str:
	if not frappe.db.exists("Designation", name):
		frappe.get_doc({"doctype": "Designation", "designation_name": name}).insert(ignore_permissions=True)
	return name


def make_profile(designation: str, job_group: str, technical: list[tuple[str, int]] | None = None):
	make_designation(designation)
	if frappe.db.exists("Position Competency Profile", designation):
		return frappe.get_doc("Position Competency Profile", designation)
	doc = frappe.get_doc(
		{"doctype": "Position Competency Profile", "designation": designation, "job_group": job_group}
	)
	doc.fill_standard_competencies()
	for competency, level in technical or []:
		doc.append("requirements", {"competency": competency, "required_level": level})
	return doc.insert()


def make_technical_competency(name: str, bidang: str = "Kesehatan") -> str:
	if not frappe.db.exists("Competency", name):
		frappe.get_doc(
			{
				"doctype": "Competency",
				"competency_name": name,
				"competency_type": "Teknis",
				"bidang": bidang,
				"levels": [{"level": i, "title": f"{name} level {i}"} for i in range(1, 6)],
			}
		).insert()
	return name


def make_asn(
	email: str,
	designation: str,
	department: str,
	reports_to: str | None = None,
	nip: str | None = None,
	first_name: str | None = None,
) -> str:
	"""An Employee with a User (roles Employee), like HRMS tests do."""
	company = get_company()
	existing = frappe.db.get_value("Employee", {"user_id": email}, "name")
	if existing:
		return existing
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": first_name or email.split("@")[0],
				"send_welcome_email": 0,
			}
		).insert(ignore_permissions=True)
		user.add_roles("Employee")
	employee = frappe.get_doc(
		{
			"doctype": "Employee",
			"first_name": first_name or email.split("@")[0],
			"gender": "Male",
			"date_of_birth": getdate("1985-01-01"),
			"date_of_joining": getdate("2010-01-01"),
			"company": company,
			"user_id": email,
			"designation": make_designation(designation),
			"department": department,
			"reports_to": reports_to,
			"nip": nip,
			"asn_status": "PNS" if nip else None,
			"status": "Active",
		}
	).insert(ignore_permissions=True)
	return employee.name


def make_cycle(name: str, employees: list[str], **kwargs) -> str:
	company = get_company()
	if frappe.db.exists("Appraisal Cycle", name):
		return name
	cycle = frappe.get_doc(
		{
			"doctype": "Appraisal Cycle",
			"cycle_name": name,
			"company": company,
			"start_date": "2026-01-01",
			"end_date": "2026-12-31",
			"kra_evaluation_method": "Manual Rating",
			"kinerja_period_type": "Tahunan",
			"kinerja_period_label": "Akhir",
			**kwargs,
		}
	)
	for employee in employees:
		cycle.append("appraisees", {"employee": employee})
	cycle.insert(ignore_permissions=True)
	return cycle.name


def fill_feedback(name: str, level: int, score: int, text: str | None = None):
	"""Rate every row of a Rater Feedback with the same level/score and submit it, as the current user does it:
	through the portal (raters have no desk or REST rights on Rater Feedback); HR (Administrator) directly."""
	from kinerja_asn.api.portal import save_feedback

	doc = frappe.get_doc("Rater Feedback", name)
	if frappe.session.user != "Administrator":
		save_feedback(
			name,
			{row.competency: level for row in doc.competency_ratings},
			{row.core_value: score for row in doc.behaviour_ratings},
			text,
			submit=True,
		)
		return frappe.get_doc("Rater Feedback", name)
	for row in doc.competency_ratings:
		row.level = level
	for row in doc.behaviour_ratings:
		row.score = score
	doc.feedback = text
	doc.save()
	doc.submit()
	return doc


class KinerjaTestCase(FrappeTestCase):
	"""FrappeTestCase rolls back per class; this also rolls back each test, so tests never share state."""

	def setUp(self):
		super().setUp()
		frappe.set_user("Administrator")
		getattr(frappe.local, "request_cache", {}).clear()  # a test run is one long "request"
		frappe.db.savepoint("kinerja_test")

	def set_settings(self, **values) -> None:
		"""Change Kinerja ASN Settings for this test only (rolled back with it)."""
		for field, value in values.items():
			frappe.db.set_single_value("Kinerja ASN Settings", field, value)
		frappe.clear_document_cache("Kinerja ASN Settings", "Kinerja ASN Settings")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback(save_point="kinerja_test")
		frappe.clear_document_cache("Kinerja ASN Settings", "Kinerja ASN Settings")
		super().tearDown()
