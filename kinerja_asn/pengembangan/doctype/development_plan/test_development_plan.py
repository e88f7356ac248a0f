# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""Development Plan: from an appraisal's gaps, permissions, realised JP from Training Event attendance."""

import frappe
from frappe.utils import getdate, today

from kinerja_asn.pengembangan.doctype.development_plan.development_plan import (
	make_from_appraisal,
	refresh_plans,
)
from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle
from kinerja_asn.tests.pengembangan import (
	PROMKES,
	SURVEILANS,
	has_event_jp,
	make_event,
	make_program,
	make_team,
	set_status,
	user,
)
from kinerja_asn.tests.utils import KinerjaTestCase, fill_feedback, make_asn, make_cycle, make_department

YEAR = 2026


def appraisal_of(employee: str, cycle: str) -> str:
	return frappe.db.get_value("ASN Appraisal", {"employee": employee, "appraisal_cycle": cycle})


class TestDevelopmentPlan(KinerjaTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.t = make_team("dp", 3)
		other = make_department("_Test PG dp lain")
		cls.t["outsider"] = make_asn(user("dp.outsider"), "_Test PG Kepala", other, first_name="Luar")
		for key in ("head", "s1", "s2", "s3"):
			set_status(cls.t[key], "PNS")
		cls.cycle = make_cycle(
			"_Test PG Siklus DP",
			[cls.t[k] for k in ("head", "s1", "s2", "s3")],
			feedback_deadline="2099-12-31",
		)
		create_for_cycle(cls.cycle)
		cls.s1_appraisal = appraisal_of(cls.t["s1"], cls.cycle)
		# the head rates s1 at level 1 everywhere: Surveilans (required 3) -2, Promkes (required 2) -1
		task = frappe.db.get_value(
			"Rater Feedback", {"asn_appraisal": cls.s1_appraisal, "rater": cls.t["head"], "docstatus": 0}
		)
		frappe.set_user(user("dp.head"))
		fill_feedback(task, 1, 3)
		frappe.set_user("Administrator")

	def as_user(self, key: str):
		frappe.set_user(user(f"dp.{key}"))

	def plan_for_s1(self) -> frappe._dict:
		self.as_user("head")
		result = make_from_appraisal(self.s1_appraisal, YEAR)
		frappe.set_user("Administrator")
		return frappe._dict(result)

	def test_supervisor_plans_from_the_gaps(self):
		result = self.plan_for_s1()
		self.assertTrue(result.created)
		self.assertEqual(result.added, 2)
		plan = frappe.get_doc("Development Plan", result.name)
		self.assertEqual((plan.employee, plan.year, plan.status), (self.t["s1"], YEAR, "Draft"))
		self.assertEqual(plan.asn_appraisal, self.s1_appraisal)
		self.assertEqual(plan.appraisal_cycle, self.cycle)
		self.assertEqual(plan.supervisor, self.t["head"])
		items = {row.competency: row for row in plan.items}
		self.assertEqual(set(items), {SURVEILANS, PROMKES})  # managerial levels 1 = required 1: no gap
		self.assertEqual((items[SURVEILANS].gap, items[SURVEILANS].required_level), (-2, 3))
		self.assertEqual(items[SURVEILANS].development_method, "Pelatihan")
		self.assertEqual(items[PROMKES].development_method, "Coaching")
		# 20 JP for a PNS split 2:1 over the gaps, largest remainder: 13 + 7
		self.assertEqual((items[SURVEILANS].planned_jp, items[PROMKES].planned_jp), (13, 7))
		self.assertEqual((plan.jp_target, plan.total_planned_jp, plan.total_realised_jp), (20, 20, 0))
		self.assertEqual((plan.jp_remaining, plan.jp_status), (20, "Belum Terpenuhi"))

		again = self.plan_for_s1()
		self.assertEqual((again.name, again.created, again.added), (result.name, False, 0))
		self.assertEqual(len(frappe.get_doc("Development Plan", result.name).items), 2)

	def test_no_gap_no_plan(self):
		head = appraisal_of(self.t["head"], self.cycle)  # nobody rated the head yet
		self.assertRaises(frappe.ValidationError, make_from_appraisal, head, YEAR)
		self.assertFalse(frappe.db.exists("Development Plan", {"employee": self.t["head"]}))

	def test_who_may_plan_read_and_edit(self):
		self.as_user("s1")  # the employee themself
		self.assertRaises(frappe.PermissionError, make_from_appraisal, self.s1_appraisal, YEAR)
		self.as_user("s2")  # a peer
		self.assertRaises(frappe.PermissionError, make_from_appraisal, self.s1_appraisal, YEAR)
		self.as_user("outsider")  # another unit
		self.assertRaises(frappe.PermissionError, make_from_appraisal, self.s1_appraisal, YEAR)
		name = self.plan_for_s1().name

		self.as_user(
			"s1"
		)  # the employee reads their plan in the portal (kinerja_asn.api.portal), not the desk
		self.assertFalse(frappe.has_permission("Development Plan", "read", name))
		self.assertFalse(frappe.has_permission("Development Plan", "write", name))
		self.assertRaises(frappe.PermissionError, frappe.get_list, "Development Plan")
		plan = frappe.get_doc("Development Plan", name)
		self.assertRaises(frappe.PermissionError, plan.approve)
		plan.employee = self.t[
			"s2"
		]  # a doc method called with a client-built document: the stored one decides
		self.assertRaises(frappe.PermissionError, plan.approve)
		self.as_user("s2")
		self.assertFalse(frappe.has_permission("Development Plan", "read", name))
		self.as_user("head")
		self.assertTrue(frappe.has_permission("Development Plan", "write", name))
		self.assertFalse(frappe.has_permission("Development Plan", "delete", name))
		self.assertEqual(frappe.get_list("Development Plan", pluck="name"), [name])
		# an edit that moves the plan to someone outside the line is refused (the new employee is checked too)
		plan = frappe.get_doc("Development Plan", name)
		plan.employee = self.t["outsider"]
		self.assertFalse(frappe.has_permission("Development Plan", "write", plan))
		self.as_user("outsider")
		self.assertFalse(frappe.has_permission("Development Plan", "read", name))

	def test_one_plan_per_employee_per_year(self):
		self.plan_for_s1()
		duplicate = frappe.get_doc({"doctype": "Development Plan", "employee": self.t["s1"], "year": YEAR})
		self.assertRaises(frappe.DuplicateEntryError, duplicate.insert)
		next_year = frappe.get_doc(
			{"doctype": "Development Plan", "employee": self.t["s1"], "year": YEAR + 1}
		)
		next_year.insert()  # HR creates a plan by hand, without an appraisal
		self.assertEqual(next_year.jp_target, 20)

	def test_approval_and_changes_after_it(self):
		name = self.plan_for_s1().name
		self.as_user("head")
		plan = frappe.get_doc("Development Plan", name)
		plan.approve()
		plan.reload()
		self.assertEqual((plan.status, plan.approved_by), ("Disetujui", user("dp.head")))
		plan.notes = "Catatan saja."
		plan.save()
		self.assertEqual(plan.status, "Disetujui")  # notes are not the planned activities
		plan.items[0].planned_jp = 15
		plan.save()
		self.assertEqual((plan.status, plan.approved_by), ("Draft", None))

	def test_realised_jp_from_attendance(self):
		name = self.plan_for_s1().name
		s1, s2 = self.t["s1"], self.t["s2"]
		program = make_program("_Test PG Pelatihan Surveilans", SURVEILANS)
		plan = frappe.get_doc("Development Plan", name)
		surveilans = next(row for row in plan.items if row.competency == SURVEILANS)
		surveilans.training_program = program
		plan.save()

		# 08:00-14:00 = 360 minutes = 8 JP: the program of the Surveilans activity
		make_event(
			"_Test PG Surveilans 1",
			{s1: "Present", s2: "Present"},
			f"{YEAR}-03-02 08:00",
			f"{YEAR}-03-02 14:00",
			program,
		)
		# three days 08:00-16:00 = 1,440 minutes = 32 JP, outside the plan
		big = make_event("_Test PG Rakor", {s1: "Present"}, f"{YEAR}-05-04 08:00", f"{YEAR}-05-06 16:00")
		# absent, not completed, or another year: nothing
		make_event("_Test PG Absen", {s1: "Absent"}, f"{YEAR}-06-01 08:00", f"{YEAR}-06-01 16:00")
		make_event(
			"_Test PG Nanti",
			{s1: "Present"},
			f"{YEAR}-11-02 08:00",
			f"{YEAR}-11-02 16:00",
			status="Scheduled",
		)
		make_event("_Test PG Lalu", {s1: "Present"}, f"{YEAR - 1}-11-02 08:00", f"{YEAR - 1}-11-02 16:00")

		plan.reload()  # refreshed by the Training Event hooks
		surveilans = next(row for row in plan.items if row.competency == SURVEILANS)
		self.assertEqual((surveilans.realised_jp, surveilans.status), (8, "Berjalan"))
		self.assertEqual((plan.total_realised_jp, plan.unplanned_jp), (40, 32))
		self.assertEqual((plan.jp_remaining, plan.jp_percent, plan.jp_status), (0, 200, "Terpenuhi"))

		frappe.get_doc("Training Event", big).cancel()
		plan.reload()
		self.assertEqual(
			(plan.total_realised_jp, plan.jp_remaining, plan.jp_status), (8, 12, "Belum Terpenuhi")
		)

	def test_stated_jp_wins_and_pppk_cap(self):
		if not has_event_jp():
			self.skipTest("Training Event has no jp custom field on this site")
		s3 = self.t["s3"]
		set_status(s3, "PPPK")
		plan = frappe.get_doc(
			{
				"doctype": "Development Plan",
				"employee": s3,
				"year": YEAR,
				"items": [{"development_method": "Bimbingan Teknis", "planned_jp": 30}],
			}
		)
		self.assertRaises(frappe.ValidationError, plan.insert)  # PPPK: at most 24 JP
		plan.items[0].planned_jp = 24
		plan.insert()
		self.assertEqual((plan.jp_target, plan.jp_cap, plan.jp_status), (0, 24, "Dalam Batas"))
		# three days, but the event states 20 JP; then 8 JP more: 28 > 24
		make_event("_Test PG Bimtek", {s3: "Present"}, f"{YEAR}-04-06 08:00", f"{YEAR}-04-08 16:00", jp=20)
		make_event("_Test PG Seminar", {s3: "Present"}, f"{YEAR}-04-13 08:00", f"{YEAR}-04-13 14:00")
		plan.reload()
		self.assertEqual((plan.total_realised_jp, plan.jp_status), (28, "Melebihi Batas"))

	def test_bulk_refresh_matches_save(self):
		name = self.plan_for_s1().name
		frappe.db.set_value("Development Plan", name, {"total_realised_jp": 99, "jp_status": ""})
		self.assertEqual(refresh_plans(year=YEAR, employees=[self.t["s1"]]), 1)
		self.assertEqual(
			frappe.db.get_value("Development Plan", name, ["total_realised_jp", "jp_status"]),
			(0, "Belum Terpenuhi"),
		)
		self.assertEqual(
			getdate(frappe.db.get_value("Development Plan", name, "jp_refreshed_on")), getdate(today())
		)
