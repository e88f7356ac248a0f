# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""Feedback reminders and escalation on a frozen clock: right stages, right people, never twice."""

import unittest

import frappe

from kinerja_asn.pengembangan.reminders import send_feedback_reminders
from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle
from kinerja_asn.tests.pengembangan import make_profiles, user
from kinerja_asn.tests.utils import KinerjaTestCase, fill_feedback, make_asn, make_cycle, make_department

DEADLINE = "2026-06-15"
NOTHING = {"reminders": 0, "escalations": 0, "notified": 0, "emailed": 0}


def make_outgoing_email_account() -> None:
	if frappe.db.exists("Email Account", {"default_outgoing": 1, "enable_outgoing": 1}):
		return
	frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": "_Test PG Outgoing",
			"email_id": "kinerja@pengembangan.test",
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"smtp_server": "localhost",
			"no_smtp_authentication": 1,
		}
	).insert(ignore_permissions=True)


class TestFeedbackReminders(KinerjaTestCase):
	"""boss (another unit, not appraised) <- head <- s1, s2. Tasks: head 4 (self, boss, s1, s2), s1 3, s2 3.

	Raters: head 3 tasks (own self, atasan of s1 and s2), boss 1, s1 3, s2 3.
	"""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		try:
			import freezegun  # noqa: F401  (Frappe's dev dependency: bench setup requirements --dev)
		except ImportError as error:
			raise unittest.SkipTest("freezegun is not installed in the bench environment") from error
		frappe.set_user("Administrator")
		make_outgoing_email_account()
		make_profiles()
		unit = make_department("_Test PG rm")
		e = cls.e = {}
		e["boss"] = make_asn(
			user("rm.boss"), "_Test PG Kepala", make_department("_Test PG rm atas"), first_name="Bos"
		)
		e["head"] = make_asn(user("rm.head"), "_Test PG Kepala", unit, e["boss"], first_name="Kepala RM")
		e["s1"] = make_asn(user("rm.s1"), "_Test PG Staf", unit, e["head"], first_name="Staf RM Satu")
		e["s2"] = make_asn(user("rm.s2"), "_Test PG Staf", unit, e["head"], first_name="Staf RM Dua")
		cls.cycle = make_cycle(
			"_Test PG Siklus Pengingat", [e["head"], e["s1"], e["s2"]], feedback_deadline="2099-12-31"
		)
		create_for_cycle(cls.cycle)  # tasks cannot be created after the deadline: set it afterwards
		frappe.db.set_value("Appraisal Cycle", cls.cycle, "feedback_deadline", DEADLINE)
		cls.tasks = frappe.get_all(
			"Rater Feedback",
			filters={"appraisal_cycle": cls.cycle, "docstatus": 0},
			fields=["name", "rater", "employee"],
		)

	def run_on(self, day: str) -> dict:
		with self.freeze_time(f"{day} 06:00:00"):
			return send_feedback_reminders()

	def notifications(self, key: str) -> list[frappe._dict]:
		return frappe.get_all(
			"Notification Log",
			filters={"for_user": user(f"rm.{key}")},
			fields=["subject", "email_content", "document_type", "document_name", "type"],
			order_by="creation asc",
		)

	def emails_to(self, key: str) -> int:
		return frappe.db.count("Email Queue Recipient", {"recipient": user(f"rm.{key}")})

	def test_tasks_as_counted_by_hand(self):
		self.assertEqual(len(self.tasks), 10)
		per_rater = {k: sum(1 for t in self.tasks if t.rater == self.e[k]) for k in self.e}
		self.assertEqual(per_rater, {"boss": 1, "head": 3, "s1": 3, "s2": 3})

	def test_reminders_then_escalation_never_twice(self):
		self.assertEqual(self.run_on("2026-06-01"), NOTHING)  # 14 days before: not yet

		# 5 days before: stage H-7 for every task, one notification and one e-mail per rater
		self.assertEqual(
			self.run_on("2026-06-10"), {"reminders": 10, "escalations": 0, "notified": 4, "emailed": 4}
		)
		for key, count in (("head", 3), ("boss", 1), ("s1", 3), ("s2", 3)):
			logs = self.notifications(key)
			self.assertEqual(len(logs), 1, key)
			self.assertEqual(logs[0].type, "Alert")
			self.assertIn(str(count), logs[0].subject)
			self.assertEqual(self.emails_to(key), 1, key)
		self.assertEqual(frappe.db.count("Feedback Reminder Log", {"stage": "H-7"}), 10)
		self.assertEqual(self.run_on("2026-06-10"), NOTHING)  # the same day again
		self.assertEqual(self.run_on("2026-06-11"), NOTHING)  # still stage H-7

		# s1 gives their self-assessment; the last day reminds the 9 open tasks only
		s1_self = next(t.name for t in self.tasks if t.rater == self.e["s1"] and t.employee == self.e["s1"])
		with self.freeze_time("2026-06-12 09:00:00", tick=True):
			frappe.set_user(user("rm.s1"))
			fill_feedback(s1_self, 2, 3)
			frappe.set_user("Administrator")
		self.assertEqual(
			self.run_on("2026-06-14"), {"reminders": 9, "escalations": 0, "notified": 4, "emailed": 4}
		)
		self.assertIn("2", self.notifications("s1")[-1].subject)
		self.assertFalse(frappe.db.exists("Feedback Reminder Log", f"{s1_self}-H-1"))

		# the day after the deadline: escalated to the rater's supervisor, except the staff's upward feedback on
		# the head (the person rated must not learn who rates them): that goes to the head's evaluator, the boss
		self.assertEqual(
			self.run_on("2026-06-16"), {"reminders": 0, "escalations": 8, "notified": 2, "emailed": 2}
		)
		to_head = self.notifications("head")[-1]
		self.assertEqual((to_head.document_type, to_head.document_name), ("Appraisal Cycle", self.cycle))
		self.assertIn("Staf RM Satu: 1", to_head.email_content)
		self.assertIn("Staf RM Dua: 2", to_head.email_content)
		self.assertNotIn("rater-feedback", to_head.email_content)  # never whom the open tasks are about
		to_boss = self.notifications("boss")[-1].email_content
		self.assertIn("Kepala RM: 3", to_boss)
		self.assertIn("Staf RM Satu: 1", to_boss)
		self.assertIn("Staf RM Dua: 1", to_boss)
		self.assertEqual(len(self.notifications("s1")), 2)  # raters themselves get no escalation
		self.assertEqual(self.run_on("2026-06-17"), NOTHING)
		self.assertEqual(self.run_on("2026-08-01"), NOTHING)

	def test_late_first_run_sends_the_current_stage_only(self):
		self.assertEqual(self.run_on("2026-06-15")["reminders"], 10)  # deadline day: H-1, not H-7 too
		self.assertEqual(frappe.db.count("Feedback Reminder Log", {"stage": "H-7"}), 0)
		self.assertEqual(self.run_on("2026-07-20"), NOTHING)  # beyond the escalation window (30 days)

	def test_without_an_email_account_the_notification_still_goes(self):
		frappe.db.set_value("Email Account", {"default_outgoing": 1}, "default_outgoing", 0)
		frappe.db.set_value("Email Account", {"enable_outgoing": 1}, "enable_outgoing", 0)
		frappe.local.outgoing_email_account = {}  # Frappe caches the account per request
		self.assertEqual(
			self.run_on("2026-06-10"), {"reminders": 10, "escalations": 0, "notified": 4, "emailed": 0}
		)
		self.assertEqual(len(self.notifications("head")), 1)
		self.assertEqual(self.run_on("2026-06-10"), NOTHING)
		frappe.local.outgoing_email_account = {}

	def test_completed_cycle_and_switches(self):
		frappe.db.set_value("Appraisal Cycle", self.cycle, "status", "Completed")
		self.assertEqual(self.run_on("2026-06-14"), NOTHING)
		frappe.db.set_value("Appraisal Cycle", self.cycle, "status", "In Progress")
		settings = frappe.get_meta("Kinerja ASN Settings")
		if not settings.has_field("disable_feedback_escalation"):
			self.skipTest("Kinerja ASN Settings has no reminder fields on this site")
		frappe.db.set_single_value("Kinerja ASN Settings", "feedback_reminder_days", "3")
		frappe.db.set_single_value("Kinerja ASN Settings", "disable_feedback_escalation", 1)
		frappe.clear_document_cache("Kinerja ASN Settings", "Kinerja ASN Settings")
		self.assertEqual(self.run_on("2026-06-11"), NOTHING)  # 4 days before, first reminder at 3
		self.assertEqual(self.run_on("2026-06-12")["reminders"], 10)
		self.assertEqual(frappe.db.count("Feedback Reminder Log", {"stage": "H-3"}), 10)
		self.assertEqual(self.run_on("2026-06-16"), NOTHING)  # no escalation
		frappe.db.set_single_value("Kinerja ASN Settings", "disable_feedback_reminders", 1)
		frappe.db.set_single_value("Kinerja ASN Settings", "feedback_reminder_days", "1")
		frappe.clear_document_cache("Kinerja ASN Settings", "Kinerja ASN Settings")
		self.assertEqual(self.run_on("2026-06-14"), NOTHING)
