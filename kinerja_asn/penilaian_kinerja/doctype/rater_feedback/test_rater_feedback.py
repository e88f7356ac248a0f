# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

import threading

import frappe
from frappe.tests.utils import FrappeTestCase

from kinerja_asn.api.portal import save_feedback
from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle
from kinerja_asn.penilaian_kinerja.doctype.asn_appraisal.test_asn_appraisal import (
	appraisal_of,
	make_unit,
	task,
)
from kinerja_asn.scoring.aggregation import ATASAN, REKAN, RoleStat, combine
from kinerja_asn.tests.utils import make_cycle

PREFIX = "konkuren"


class TestConcurrentFeedback(FrappeTestCase):
	"""Raters submitting at the same moment: the roll-up recomputes from committed rows, nothing is lost.

	Needs committed data (other connections cannot see this test's transaction), so it cleans up itself.
	"""

	def setUp(self):
		frappe.set_user("Administrator")
		self.e = make_unit(PREFIX)
		self.cycle = make_cycle(
			"_Test Siklus Konkuren", [self.e[k] for k in ("kabid", "s1", "s2", "s3", "s4", "p1")]
		)
		create_for_cycle(self.cycle)
		self.appraisal = appraisal_of(self.e["s2"], self.cycle)
		self.raters = {"kabid": 3, "s1": 2, "s3": 4, "s4": 2}  # level given by each rater
		for key, level in self.raters.items():
			doc = frappe.get_doc("Rater Feedback", task(self.appraisal, self.e[key]))
			for row in doc.competency_ratings:
				row.level = level
			for row in doc.behaviour_ratings:
				row.score = level
			doc.save()
		frappe.db.commit()  # nosemgrep: the concurrent sessions must see the data

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		cleanup(self.cycle, self.e)
		frappe.db.commit()  # nosemgrep: remove the committed test data

	def test_concurrent_submits_lose_nothing(self):
		site, sites_path = frappe.local.site, frappe.local.sites_path
		barrier = threading.Barrier(len(self.raters))
		errors: list[str] = []

		def submit(key: str) -> None:
			frappe.init(site=site, sites_path=sites_path)
			frappe.connect()
			try:
				frappe.flags.in_test = True
				frappe.set_user(f"{PREFIX}.{key}@dinkes.test")
				name = task(self.appraisal, self.e[key])
				barrier.wait(timeout=30)
				save_feedback(name, {}, {}, submit=True)  # the rater's only way: the portal
				frappe.db.commit()  # nosemgrep: each rater's own request
			except Exception as error:
				errors.append(f"{key}: {error!r}")
				frappe.db.rollback()
			finally:
				frappe.destroy()

		threads = [threading.Thread(target=submit, args=(key,)) for key in self.raters]
		for thread in threads:
			thread.start()
		for thread in threads:
			thread.join(timeout=120)
		self.assertEqual(errors, [])

		doc = frappe.get_doc("ASN Appraisal", self.appraisal)
		peers = [level for key, level in self.raters.items() if key != "kabid"]
		expected = combine([RoleStat(ATASAN, 3, 1), RoleStat(REKAN, sum(peers) / len(peers), len(peers))])
		self.assertEqual({row.rater_count for row in doc.competencies}, {4})
		self.assertEqual({row.assessed_level for row in doc.competencies}, {expected})
		self.assertEqual({row.rater_count for row in doc.behaviours}, {4})
		self.assertEqual({r.rater_role: r.raters_submitted for r in doc.role_summary}[REKAN], 3)


def cleanup(cycle: str, employees: dict) -> None:
	"""Delete what setUp committed (rows only: submitted documents cannot be deleted the normal way)."""
	appraisals = frappe.get_all("ASN Appraisal", filters={"appraisal_cycle": cycle}, pluck="name")
	feedback = frappe.get_all(
		"Rater Feedback", filters={"asn_appraisal": ("in", appraisals or [""])}, pluck="name"
	)
	for child in ("Rater Competency Rating", "Rater Behaviour Rating"):
		frappe.db.delete(child, {"parent": ("in", feedback or [""])})
	frappe.db.delete("Rater Feedback", {"name": ("in", feedback or [""])})
	for child in (
		"ASN Appraisal Competency",
		"ASN Appraisal Behaviour",
		"ASN Appraisal Result",
		"ASN Appraisal Role Summary",
	):
		frappe.db.delete(child, {"parent": ("in", appraisals or [""])})
	frappe.db.delete("ASN Appraisal", {"name": ("in", appraisals or [""])})
	frappe.db.delete("Appraisee", {"parent": cycle})
	frappe.db.delete("Appraisal Cycle", {"name": cycle})
	people = [v for k, v in employees.items() if k != "unit"]
	users = frappe.get_all("Employee", filters={"name": ("in", people)}, pluck="user_id")
	frappe.db.delete("Employee", {"name": ("in", people)})
	for doctype, field in (("User Permission", "user"), ("Has Role", "parent"), ("User", "name")):
		frappe.db.delete(doctype, {field: ("in", users or [""])})
	frappe.db.delete("Department", {"department_name": ("like", f"_Test Bidang%{PREFIX}")})
	profiles = ["_Test Kepala Bidang", "_Test Kepala Seksi", "_Test Pelaksana"]  # made by make_unit
	frappe.db.delete("Position Competency Requirement", {"parent": ("in", profiles)})
	frappe.db.delete("Position Competency Profile", {"name": ("in", profiles)})
	frappe.db.delete("Designation", {"name": ("in", profiles)})
