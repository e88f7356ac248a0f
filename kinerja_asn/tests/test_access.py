# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""kinerja_asn.access on a real site: decisions on stored documents, child tables, counts, forged print docs,
escalations, the supervisor role and bulk PDFs. (The same doors over real HTTP: tests/served/test_security.py.)

bench --site kinerja.test run-tests --module kinerja_asn.tests.test_access
"""

import frappe

from kinerja_asn import access
from kinerja_asn.forms.bulk import save_pdf
from kinerja_asn.forms.jinja import kinerja_form
from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle
from kinerja_asn.penilaian_kinerja.doctype.asn_appraisal.test_asn_appraisal import (
	appraisal_of,
	make_unit,
	task,
	user,
)
from kinerja_asn.tests.utils import KinerjaTestCase, fill_feedback, make_cycle

PREFIX = "akses"


class TestAccess(KinerjaTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.e = make_unit(PREFIX)
		e = cls.e
		cls.cycle = make_cycle(
			"_Test Siklus Akses",
			[e[k] for k in ("kabid", "s1", "s2", "s3", "s4", "p1", "kabid2", "t1")],
			feedback_deadline="2099-12-31",
		)
		create_for_cycle(cls.cycle)
		cls.s2 = appraisal_of(e["s2"], cls.cycle)
		cls.t1 = appraisal_of(e["t1"], cls.cycle)

	def as_user(self, key: str):
		frappe.set_user(user(f"{PREFIX}.{key}"))

	def test_put_with_a_forged_rater_is_refused(self):
		"""Frappe applies a PUT's body before the permission check: the stored rater decides."""
		name = task(self.s2, self.e["kabid"])
		self.as_user("s3")
		doc = frappe.get_doc("Rater Feedback", name)
		doc.rater_user = user(f"{PREFIX}.s3")  # what a forged request body does
		doc.feedback = "palsu"
		self.assertFalse(frappe.has_permission("Rater Feedback", "write", doc))
		self.assertRaises(frappe.PermissionError, doc.save)
		# not even the stored rater writes through the desk or REST: raters use the portal
		self.as_user("kabid")
		self.assertFalse(
			frappe.has_permission("Rater Feedback", "read", frappe.get_doc("Rater Feedback", name))
		)

	def test_line_supervisor_and_person_rated(self):
		s2 = access.stored_appraisal(self.s2)
		self.as_user("kabid")
		self.assertTrue(access.supervises(s2))
		self.assertTrue(frappe.has_permission("ASN Appraisal", "read", self.s2))
		self.assertFalse(frappe.has_permission("ASN Appraisal", "write", self.s2))
		self.assertFalse(
			frappe.has_permission("ASN Appraisal", "read", appraisal_of(self.e["kabid"], self.cycle))
		)
		self.assertFalse(frappe.has_permission("ASN Appraisal", "read", self.t1))
		self.as_user("s2")  # the person rated: portal only
		self.assertFalse(frappe.has_permission("ASN Appraisal", "read"))
		self.assertTrue(access.is_appraisee(s2))
		self.assertFalse(access.supervises(s2))
		self.as_user("s1")  # a peer who supervises p1, not s2
		self.assertFalse(access.supervises(s2))
		self.assertTrue(access.supervises(access.stored_appraisal(appraisal_of(self.e["p1"], self.cycle))))

	def test_supervisors_get_the_desk_role(self):
		for key, expected in (("kabid", True), ("s1", True), ("kabid2", True), ("s2", False), ("p1", False)):
			roles = frappe.get_roles(user(f"{PREFIX}.{key}"))
			self.assertEqual(access.SUPERVISOR_ROLE in roles, expected, key)
			self.as_user(key)  # the desk app is for supervisors (and HR); the others use the portal
			self.assertEqual(access.has_app_permission(), expected, key)
			frappe.set_user("Administrator")

	def test_child_tables_follow_their_parent(self):
		self.as_user("kabid")
		rows = frappe.get_list(
			"ASN Appraisal Competency", parent_doctype="ASN Appraisal", fields=["parent"], limit_page_length=0
		)
		parents = {r.parent for r in rows}
		line = {appraisal_of(self.e[k], self.cycle) for k in ("s1", "s2", "s3", "s4", "p1")}
		self.assertTrue(parents)
		self.assertLessEqual(parents, set(frappe.get_list("ASN Appraisal", pluck="name")))
		self.assertLessEqual(line, parents)
		self.assertNotIn(self.t1, parents)
		self.assertNotIn(appraisal_of(self.e["kabid"], self.cycle), parents)
		self.assertRaises(
			frappe.PermissionError,
			frappe.get_list,
			"Rater Competency Rating",
			parent_doctype="Rater Feedback",
			fields=["parent"],
		)
		self.as_user("s2")
		self.assertRaises(
			frappe.PermissionError,
			frappe.get_list,
			"ASN Appraisal Role Summary",
			parent_doctype="ASN Appraisal",
			fields=["parent"],
		)

	def test_get_count_applies_the_rules(self):
		self.as_user("kabid")
		visible = len(frappe.get_list("ASN Appraisal", pluck="name", limit_page_length=0))
		self.assertEqual(access.get_count("ASN Appraisal"), visible)
		self.assertRaises(
			frappe.PermissionError, access.get_count, "Rater Feedback", {"employee": self.e["s2"]}
		)
		self.assertRaises(frappe.PermissionError, access.get_count, "Rater Competency Rating")
		self.as_user("s2")
		self.assertRaises(frappe.PermissionError, access.get_count, "ASN Appraisal")
		# other apps' doctypes are counted as Frappe does
		frappe.set_user("Administrator")
		self.assertEqual(access.get_count("Role"), frappe.db.count("Role"))

	def test_forged_print_doc_is_ignored(self):
		frappe.set_user("Administrator")
		forged = frappe.get_doc("ASN Appraisal", self.s2)
		forged.notes = "PALSU"
		forged.results = []
		forged.append("results", {"rhk": "PALSU-RHK", "target": 1, "realisasi": 1})
		context = kinerja_form("skp", forged)
		self.assertNotIn("PALSU", frappe.as_json(context))
		self.as_user("s3")
		self.assertRaises(frappe.PermissionError, kinerja_form, "skp", forged)
		unsaved = frappe.get_doc(
			{"doctype": "ASN Appraisal", "employee": self.e["s3"], "name": "ASN-NO-SUCH"}
		)
		self.assertRaises(frappe.ValidationError, kinerja_form, "skp", unsaved)

	def test_escalation_never_goes_to_the_person_rated(self):
		upward = frappe._dict(rater=self.e["s2"], appraisee=self.e["kabid"], evaluator=None)
		self.assertIsNone(access.escalation_recipient(upward, self.e["kabid"]))
		upward.evaluator = self.e["kabid2"]
		self.assertEqual(access.escalation_recipient(upward, self.e["kabid"]), self.e["kabid2"])
		peer = frappe._dict(rater=self.e["s3"], appraisee=self.e["s2"], evaluator=self.e["kabid"])
		self.assertEqual(access.escalation_recipient(peer, self.e["kabid"]), self.e["kabid"])
		own = frappe._dict(rater=self.e["kabid"], appraisee=self.e["s2"], evaluator=self.e["kabid"])
		self.assertIsNone(access.escalation_recipient(own, None))  # nobody above: never to the rater

	def test_bulk_pdf_is_never_attached_where_employees_read(self):
		file = save_pdf(b"%PDF-1.4 test", self.e["unit"], self.cycle, "SKP")
		self.assertNotEqual(file.attached_to_doctype, "Appraisal Cycle")
		self.assertTrue(file.is_private)
		self.as_user("s2")
		self.assertFalse(frappe.has_permission("File", "read", file))

	def test_results_are_released_once_the_window_closes(self):
		fill_feedback(task(self.s2, self.e["kabid"]), 3, 4, "Atasan.")
		s2 = access.stored_appraisal(self.s2)
		self.assertFalse(access.released(s2))
		frappe.db.set_value("Appraisal Cycle", self.cycle, "feedback_deadline", "2000-01-01")
		self.assertTrue(access.released(s2))
