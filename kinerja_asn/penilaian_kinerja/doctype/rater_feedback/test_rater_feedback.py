# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

import json
import threading
from contextlib import ExitStack
from unittest.mock import patch

import frappe
from frappe.model.document import Document
from frappe.tests.utils import FrappeTestCase

from kinerja_asn.api.portal import save_feedback
from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle
from kinerja_asn.penilaian_kinerja.doctype.asn_appraisal.test_asn_appraisal import (
	appraisal_of,
	make_unit,
	task,
)
from kinerja_asn.penilaian_kinerja.doctype.rater_feedback.rater_feedback import RaterFeedback
from kinerja_asn.penilaian_kinerja.rollup import RATINGS
from kinerja_asn.scoring.aggregation import ATASAN, REKAN, RoleStat, combine
from kinerja_asn.tests.utils import KinerjaTestCase, make_cycle

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


STAMP = "2026-06-01 10:00:00.000000"
TEXT = "Kutipan \"ganda\", 'tunggal', garis miring \\ dan baris\nbaru: ☺ ✓"


class TestRatingRowWrites(KinerjaTestCase):
	"""RaterFeedback.update_child_table writes the rating rows in one statement per table: what every save
	stores (feedback, rating rows, Version, the roll-up) is exactly what Frappe's own per-row UPDATEs store."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.e = make_unit("tulis")
		cls.cycle = make_cycle(
			"_Test Siklus Tulis",
			[cls.e[k] for k in ("kabid", "s1", "s2", "s3", "s4", "p1")],
			feedback_deadline="2099-12-31",
		)
		create_for_cycle(cls.cycle)
		cls.appraisal = appraisal_of(cls.e["s2"], cls.cycle)
		cls.name = task(cls.appraisal, cls.e["s1"])

	def stored(self, original: set[str]) -> str:
		"""Every row the save wrote, as JSON; names of rows added by it (random) replaced by their position."""
		out = {
			"feedback": frappe.db.sql(
				"SELECT * FROM `tabRater Feedback` WHERE name=%s", self.name, as_dict=True
			),
			"appraisal": frappe.db.sql(
				"SELECT * FROM `tabASN Appraisal` WHERE name=%s", self.appraisal, as_dict=True
			),
			"versions": sorted(  # all made at the frozen time
				frappe.get_all(
					"Version", filters={"ref_doctype": "Rater Feedback", "docname": self.name}, pluck="data"
				)
			),
		}
		added = []
		for child, *_rest in RATINGS:
			rows = frappe.db.sql(  # nosemgrep: test, our own table names
				f"SELECT * FROM `tab{child}` WHERE parent=%s ORDER BY parentfield, idx, creation",
				self.name,
				as_dict=True,
			)
			out[child] = rows
			added += [row.name for row in rows if row.name not in original]
		text = json.dumps(out, default=str, sort_keys=True)
		for i, name in enumerate(added):
			text = text.replace(name, f"<added row {i}>")
		return text

	def both_ways(self, *changes) -> list[str]:
		"""The stored state after each change (a function of the document that saves it), from the same start,
		once through this controller and once through Frappe's own update_child_table; time frozen."""
		original = {
			name
			for child, *_rest in RATINGS
			for name in frappe.get_all(child, filters={"parent": self.name}, pluck="name")
		}
		out = []
		for frappes_own in (False, True):
			frappe.db.savepoint("both_ways")
			with ExitStack() as stack:
				for module in ("frappe.model.document", "frappe.model.base_document", "kinerja_asn.db"):
					stack.enter_context(patch(f"{module}.now", return_value=STAMP))
				if frappes_own:
					stack.enter_context(
						patch.object(RaterFeedback, "update_child_table", Document.update_child_table)
					)
				for change in changes:
					change(frappe.get_doc("Rater Feedback", self.name))
			out.append(self.stored(original))
			frappe.db.rollback(save_point="both_ways")
		return out

	def test_save_submit_cancel_store_what_frappe_stores(self):
		def draft(doc):
			doc.competency_ratings[0].level = 4
			doc.competency_ratings[0].evidence = TEXT
			doc.behaviour_ratings[-1].note = TEXT
			for row in doc.behaviour_ratings:
				row.asn_appraisal, row.rater_role = "forged", ATASAN  # the server sets the keys
			doc.save(ignore_version=False)  # tests skip Versions unless asked

		def submit(doc):
			for row in doc.competency_ratings:
				row.level = row.level or 3
			doc.competency_ratings[1].evidence = None
			for row in doc.behaviour_ratings:
				row.score = 5
			doc.docstatus = 1  # what Document.submit does, with a Version
			doc.save(ignore_version=False)

		def cancel(doc):
			doc.docstatus = 2  # what Document.cancel does, with a Version
			doc.save(ignore_version=False)

		ours, frappes = self.both_ways(draft, submit, cancel)
		self.assertEqual(ours, frappes)
		self.assertIn('"docstatus": 2', ours)  # the rows followed the document to cancelled
		self.assertEqual(len(json.loads(ours)["versions"]), 3)

	def test_dropped_rows_are_deleted_and_new_rows_inserted(self):
		def drop(doc):
			doc.competency_ratings = doc.competency_ratings[1:]  # set_rows gives the competency a new row
			doc.behaviour_ratings = doc.behaviour_ratings[:-2]
			doc.save()

		count = len(frappe.get_doc("Rater Feedback", self.name).competency_ratings)
		ours, frappes = self.both_ways(drop)
		self.assertEqual(ours, frappes)
		self.assertIn("<added row 2>", ours)  # 1 competency and 2 core values: new rows, old ones gone
		self.assertNotIn("<added row 3>", ours)
		drop(frappe.get_doc("Rater Feedback", self.name))
		self.assertEqual(frappe.db.count("Rater Competency Rating", {"parent": self.name}), count)

	def test_too_long_text_fails_as_in_frappe(self):
		"""A Small Text column holds 65,535 bytes: the save fails as Frappe's own UPDATE does (strict mode),
		it is not cut short silently."""
		for frappes_own in (False, True):
			with ExitStack() as stack:
				if frappes_own:
					stack.enter_context(
						patch.object(RaterFeedback, "update_child_table", Document.update_child_table)
					)
				doc = frappe.get_doc("Rater Feedback", self.name)
				doc.competency_ratings[0].evidence = "x" * 70_000
				with self.assertRaises(frappe.db.DataError):
					doc.save()
			frappe.db.rollback(save_point="kinerja_test")
			frappe.db.savepoint("kinerja_test")
		self.assertFalse(frappe.db.get_value("Rater Competency Rating", {"parent": self.name}, "evidence"))

	def test_one_statement_per_rating_table(self):
		doc = frappe.get_doc("Rater Feedback", self.name)
		for row in [*doc.competency_ratings, *doc.behaviour_ratings]:
			row.level = row.score = 3
		queries: list[str] = []
		sql = frappe.db.sql

		def capture(query, *args, **kwargs):
			queries.append(str(query))
			return sql(query, *args, **kwargs)

		with patch.object(frappe.db, "sql", capture):
			doc.submit()
		for child, *_rest in RATINGS:
			writes = [
				q
				for q in queries
				if f"`tab{child}`" in q and q.lstrip().upper().startswith(("UPDATE", "DELETE"))
			]
			self.assertEqual(len(writes), 1, writes)  # one UPDATE, no DELETE: no row was dropped
