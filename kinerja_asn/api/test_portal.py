# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""The self-service portal: rater form endpoint, what each person's pages contain, guests.

bench --site kinerja.test run-tests --module kinerja_asn.api.test_portal
"""

import json
import re

import frappe
from frappe.utils import set_request
from frappe.website.serve import get_response

from kinerja_asn import portal_shell
from kinerja_asn.api import portal
from kinerja_asn.api.appraisal import get_feedback_summary, set_evaluation
from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle
from kinerja_asn.penilaian_kinerja.doctype.asn_appraisal.test_asn_appraisal import (
	add_goal,
	appraisal_of,
	make_unit,
	task,
)
from kinerja_asn.scoring.aggregation import ATASAN, DIRI, POOLED, REKAN
from kinerja_asn.scoring.ratings import KUADRAN
from kinerja_asn.tests.utils import KinerjaTestCase, fill_feedback, make_cycle

PREFIX = "portal"
PAGES = ("/kinerja", "/kinerja/tugas", "/kinerja/tim", "/kinerja/panduan")


def user(key: str) -> str:
	return f"{PREFIX}.{key}@dinkes.test"


def render(path: str):
	"""The page at `path` (the portal shell) as the current user: (status, html, headers)."""
	frappe.local.form_dict = frappe._dict()
	set_request(method="GET", path=path)
	frappe.local.form_dict.update(frappe.local.request.args.to_dict())
	response = get_response()
	return response.status_code, frappe.safe_decode(response.get_data()), response.headers


def page_data(method: str, **form) -> dict:
	"""What the portal's script loads for a view: the endpoint's answer, as over HTTP (JSON round trip)."""
	return json.loads(json.dumps(getattr(portal, method)(**form), default=str))


class TestPortal(KinerjaTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.e = make_unit(PREFIX)
		e = cls.e
		cls.cycle = make_cycle(
			"_Test Siklus Portal",
			[e[k] for k in ("kabid", "s1", "s2", "s3", "s4", "p1", "kabid2", "t1")],
			feedback_deadline="2099-12-31",
		)
		add_goal(e["s2"], cls.cycle, "Cakupan imunisasi portal", 100, 95)
		create_for_cycle(cls.cycle)
		cls.s2 = appraisal_of(e["s2"], cls.cycle)

	def as_user(self, key: str):
		frappe.set_user(user(key))

	def release(self, released: bool = True):
		"""Close (or open again) the cycle's feedback window: results reach the person rated once it closed."""
		deadline = "2000-01-01" if released else "2099-12-31"
		frappe.db.set_value("Appraisal Cycle", self.cycle, "feedback_deadline", deadline)

	def submit_as(self, rater: str, level: int, score: int, text: str | None = None):
		self.as_user(rater)
		try:
			return fill_feedback(task(self.s2, self.e[rater]), level, score, text)
		finally:
			frappe.set_user("Administrator")

	def answers(self, name: str, level: int, score: int) -> tuple[dict, dict]:
		doc = frappe.get_doc("Rater Feedback", name)
		return (
			{
				r.competency: {"level": level, "evidence": f"Bukti {r.competency}"}
				for r in doc.competency_ratings
			},
			{r.core_value: {"score": score, "note": "Catatan"} for r in doc.behaviour_ratings},
		)

	def stored(self, name: str) -> tuple:
		doc = frappe.get_doc("Rater Feedback", name)
		return (
			doc.docstatus,
			doc.feedback,
			[(r.competency, r.level, r.evidence) for r in doc.competency_ratings],
			[(r.core_value, r.score, r.note) for r in doc.behaviour_ratings],
		)

	# --- save_feedback ------------------------------------------------------------------------------------------

	def test_rater_saves_a_draft_then_submits(self):
		name = task(self.s2, self.e["s3"])
		competencies, behaviours = self.answers(name, 3, 4)
		first = next(iter(competencies))
		self.as_user("s3")
		result = portal.save_feedback(
			name, {first: competencies[first]}, json.dumps({}), feedback="  Teruskan.  ", submit=False
		)
		self.assertEqual((result["status"], result["rated"]), ("Draft", 1))
		self.assertEqual(result["total"], len(competencies) + len(behaviours))
		doc = frappe.get_doc("Rater Feedback", name)
		self.assertEqual(doc.docstatus, 0)
		self.assertEqual(doc.feedback, "Teruskan.")
		self.assertEqual(doc.competency_ratings[0].level, 3)
		self.assertEqual(doc.competency_ratings[0].evidence, f"Bukti {first}")

		# sending with items still unrated is refused with the list of what is missing
		with self.assertRaises(frappe.ValidationError) as ctx:
			portal.save_feedback(name, {}, {}, submit=True)
		self.assertIn(next(iter(behaviours)), str(ctx.exception))
		self.assertEqual(frappe.db.get_value("Rater Feedback", name, "docstatus"), 0)

		result = portal.save_feedback(name, json.dumps(competencies), behaviours, submit=True)
		self.assertEqual((result["status"], result["rated"]), ("Submitted", result["total"]))
		self.assertEqual(frappe.db.get_value("Rater Feedback", name, "docstatus"), 1)
		# the controller's roll-up ran: the appraisal counts the submitted peer
		frappe.set_user("Administrator")
		summary = {
			r.rater_role: r.raters_submitted for r in frappe.get_doc("ASN Appraisal", self.s2).role_summary
		}
		self.assertEqual(summary[REKAN], 1)
		# a sent feedback can no longer be changed
		self.as_user("s3")
		self.assertRaises(frappe.ValidationError, portal.save_feedback, name, competencies, behaviours)

	def test_only_the_rater_may_save(self):
		name = task(self.s2, self.e["s3"])
		competencies, behaviours = self.answers(name, 2, 2)
		before = self.stored(name)
		for key in ("s4", "s2", "kabid"):  # another peer, the person rated, their supervisor
			self.as_user(key)
			self.assertRaises(
				frappe.PermissionError, portal.save_feedback, name, competencies, behaviours, submit=True
			)
			self.assertRaises(frappe.PermissionError, portal.get_task, name)
		self.as_user("s3")
		self.assertRaises(frappe.PermissionError, portal.save_feedback, "RF-does-not-exist", {}, {})
		frappe.set_user("Guest")
		self.assertRaises(frappe.PermissionError, portal.save_feedback, name, competencies, behaviours)
		frappe.set_user("Administrator")
		self.assertEqual(self.stored(name), before)
		# the form page of someone else's task is refused (403), not rendered
		self.as_user("s4")
		status, html, _headers = render(f"/kinerja/tugas?name={name}")
		self.assertEqual(status, 403)
		self.assertNotIn("kinerja-feedback-form", html)

	def test_bad_input_is_refused_and_nothing_saved(self):
		name = task(self.s2, self.e["s4"])
		competencies, behaviours = self.answers(name, 3, 3)
		first, value = next(iter(competencies)), next(iter(behaviours))
		before = self.stored(name)
		self.as_user("s4")
		bad = [
			({first: {"level": 6}}, {}),
			({first: {"level": -1}}, {}),
			({first: {"level": 2.5}}, {}),
			({first: {"level": "tiga"}}, {}),
			({first: {"level": True}}, {}),
			({first: 7}, {}),
			({first: {"level": 3, "rater": "x"}}, {}),  # unknown field
			({"Kompetensi Tidak Ada": {"level": 3}}, {}),  # unknown item
			({}, {value: {"score": 0.5}}),
			({}, {"Nilai Tidak Ada": 3}),
			("[1, 2]", {}),  # not an object
			({first: {"level": 3, "evidence": "x" * (portal.MAX_TEXT + 1)}}, {}),
			# valid items in the same call are not saved either
			({**competencies, first: {"level": 9}}, behaviours),
		]
		for comp, beh in bad:
			with self.subTest(competencies=str(comp)[:80], behaviours=str(beh)[:80]):
				self.assertRaises(frappe.ValidationError, portal.save_feedback, name, comp, beh, "Teks", True)
		frappe.set_user("Administrator")
		self.assertEqual(self.stored(name), before)

	# --- what the person rated sees ---------------------------------------------------------------------------

	def test_person_rated_sees_aggregates_only(self):
		self.submit_as("kabid", 3, 5, "Atasan: pertahankan.")
		self.submit_as("s1", 2, 2, "Masukan rekan pertama.")
		self.submit_as("s3", 2, 2, "Masukan rekan kedua.")
		self.submit_as("s2", 4, 4, "Penilaian diri.")
		peers = ("s1", "s3", "s4")
		secrets = [self.e[k] for k in (*peers, "kabid")] + [user(k) for k in (*peers, "kabid")]
		secrets += [task(self.s2, self.e[k]) for k in (*peers, "kabid")]

		# while the feedback window is open the person rated sees no result of the raters at all: results that
		# change while feedback arrives would tell who rated what
		self.as_user("s2")
		data = page_data("get_my_appraisals")
		payload = json.dumps(data, default=str)
		[appraisal] = [a for a in data["appraisals"] if a["name"] == self.s2]
		self.assertFalse(appraisal["released"])
		self.assertTrue(appraisal["release_note"])
		self.assertTrue(
			all(c["assessed_level"] is None and not c["groups"] for c in appraisal["competencies"])
		)
		self.assertTrue(all(b["score"] is None for b in appraisal["behaviours"]))
		self.assertIsNone(appraisal["behaviour_score"])
		self.assertIsNone(appraisal["predikat"])
		self.assertNotIn("Atasan: pertahankan.", payload)
		self.assertEqual(get_feedback_summary(self.s2)["feedback"], [])

		self.release()
		self.as_user("s2")
		data = page_data("get_my_appraisals")
		payload = json.dumps(data, default=str)
		for secret in secrets:
			self.assertNotIn(secret, payload)
		for key in ("rater", "rater_name", "rater_user", "role_summary"):
			self.assertNotIn(f'"{key}"', payload)
		[appraisal] = [a for a in data["appraisals"] if a["name"] == self.s2]
		# 2 peers < anonymity threshold 3: no peer group, no peer text, and the scores count only the Atasan
		roles = {g["role"] for c in appraisal["competencies"] + appraisal["behaviours"] for g in c["groups"]}
		self.assertEqual(roles, {ATASAN, DIRI})
		self.assertTrue(all(c["assessed_level"] == 3 for c in appraisal["competencies"]))
		self.assertTrue(all(b["score"] == 5 for b in appraisal["behaviours"]))
		self.assertEqual(appraisal["behaviour_score"], 5)
		self.assertNotIn("Masukan rekan", payload)
		self.assertIn("Atasan: pertahankan.", payload)
		self.assertEqual((appraisal["raters_submitted"], appraisal["raters_assigned"]), (4, 5))
		self.assertIsNone(appraisal["development"]["plan"])  # none agreed yet: the page shows a placeholder

		# the third peer makes the peer group visible: its mean, the combined scores and texts without names
		self.release(False)
		self.submit_as("s4", 2, 2, "Masukan rekan ketiga.")
		self.release()
		self.as_user("s2")
		data = page_data("get_my_appraisals")
		payload = json.dumps(data, default=str)
		for secret in secrets:
			self.assertNotIn(secret, payload)
		[appraisal] = [a for a in data["appraisals"] if a["name"] == self.s2]
		peer_groups = [g for c in appraisal["competencies"] for g in c["groups"] if g["role"] == REKAN]
		self.assertTrue(peer_groups and all((g["mean"], g["count"]) == (2, 3) for g in peer_groups))
		self.assertFalse(any(c["hidden"] for c in appraisal["competencies"]))
		self.assertIsNotNone(appraisal["jpm"])
		# Atasan 50 × 3 and Rekan 30 × 2 (no subordinates: weights spread over the present groups)
		self.assertTrue(
			all(c["assessed_level"] == round((3 * 50 + 2 * 30) / 80, 2) for c in appraisal["competencies"])
		)
		self.assertEqual(
			sorted(f["text"] for f in appraisal["feedback"] if f["role"] == REKAN),
			["Masukan rekan kedua.", "Masukan rekan ketiga.", "Masukan rekan pertama."],
		)
		# the page itself (the portal shell) holds no data at all: the script loads the endpoint's answer
		status, html, _headers = render("/kinerja")
		self.assertEqual(status, 200)
		self.assertNotIn("Masukan rekan ketiga.", html)
		for secret in secrets:
			self.assertNotIn(secret, html)
		for key in ("s1", "s3", "s4"):  # the peers' names
			self.assertNotIn(frappe.db.get_value("Employee", self.e[key], "employee_name") + "<", html)
		# and the endpoint returns the same checked data
		self.assertEqual(json.dumps(portal.get_my_appraisals(), default=str), payload)

	def test_pooled_small_groups(self):
		# s1 has 3 peers and 1 subordinate (p1): 2 peers and p1 are each too few, together they are shown
		s1 = appraisal_of(self.e["s1"], self.cycle)
		for rater in ("kabid", "s2", "s3", "p1"):
			self.as_user(rater)
			fill_feedback(task(s1, self.e[rater]), 2, 4, f"Untuk s1 dari {rater}")
		frappe.set_user("Administrator")
		self.release()
		self.as_user("s1")
		[appraisal] = [a for a in portal.get_my_appraisals()["appraisals"] if a["name"] == s1]
		roles = {g["role"] for c in appraisal["competencies"] for g in c["groups"]}
		self.assertEqual(roles, {ATASAN, POOLED})  # 2 peers + 1 subordinate pooled to 3
		self.assertFalse(any(c["hidden"] for c in appraisal["competencies"]))
		self.assertTrue(all(f["role"] in (ATASAN, None) for f in appraisal["feedback"]))

	# --- rater tasks --------------------------------------------------------------------------------------------

	def test_task_list_and_form(self):
		self.as_user("s3")
		tasks = portal.get_my_tasks()
		mine = {t["name"]: t for t in tasks["open"]}
		name = task(self.s2, self.e["s3"])
		self.assertIn(name, mine)
		self.assertEqual(mine[name]["rater_role"], REKAN)
		self.assertEqual(
			mine[name]["employee_name"], frappe.db.get_value("Employee", self.e["s2"], "employee_name")
		)
		self.assertEqual((mine[name]["rated"], mine[name]["total"]), (0, 16))  # 9 competencies + 7 values
		self.assertTrue(mine[name]["deadline"])
		self.assertIsNone(mine[name]["closed"])
		self.assertTrue(all(t["name"] in mine for t in tasks["open"]))
		own = set(frappe.get_all("Rater Feedback", filters={"rater_user": user("s3")}, pluck="name"))
		self.assertEqual(set(mine) | {t["name"] for t in tasks["sent"]}, own)

		form = portal.get_task(name)
		self.assertTrue(form["editable"])
		self.assertTrue(all(len(c["levels"]) == 5 for c in form["competencies"]))
		self.assertTrue(all(c["levels"][0]["title"] for c in form["competencies"]))
		self.assertTrue(all(len(b["guides"]) == 3 for b in form["behaviours"]))
		# the form's page is the shell (its view shown by the script from get_task), by either URL; the shell
		# kept for everyone never holds the task of whoever asked first
		frappe.cache.delete_value(portal_shell.CACHE_KEY)
		for path in (f"/kinerja/tugas/{name}", f"/kinerja/tugas?name={name}"):
			status, html, _headers = render(path)
			self.assertEqual(status, 200)
			self.assertIn('data-view="task"', html)
			self.assertIn("/assets/kinerja_asn/js/kinerja_portal.js", html)
			self.assertNotIn(self.s2, html)  # the appraisal rated
			self.assertNotIn(name, html)
		# nor anything of its query
		frappe.cache.delete_value(portal_shell.CACHE_KEY)
		status, html, _headers = render("/kinerja/panduan?q=zz-reflected-zz")
		self.assertEqual(status, 200)
		self.assertNotIn("zz-reflected-zz", html)

	# --- the supervisor -----------------------------------------------------------------------------------------

	def test_supervisor_sees_only_own_staff(self):
		expected = {
			"kabid": {"s1", "s2", "s3", "s4"},
			"s1": {"p1"},
			"kabid2": {"t1"},
		}
		for key, staff in expected.items():
			self.as_user(key)
			data = portal.get_team(self.cycle)
			self.assertTrue(data["is_supervisor"])
			self.assertEqual(
				{s["name"] for s in data["staff"]}, {appraisal_of(self.e[k], self.cycle) for k in staff}
			)
			payload = json.dumps(page_data("get_team", appraisal_cycle=self.cycle), default=str)
			others = set(self.e) - staff - {"unit", key}
			for other in others:
				self.assertNotIn(self.e[other], payload)
				self.assertNotIn(appraisal_of(self.e[other], self.cycle) or "no appraisal", payload)
			for field in ("rater", "rater_user", "rater_name"):
				self.assertNotIn(f'"{field}"', payload)
		self.as_user("p1")
		data = portal.get_team()
		self.assertFalse(data["is_supervisor"])
		self.assertNotIn("staff", data)
		status, html, _headers = render("/kinerja/tim")
		self.assertEqual(status, 200)
		self.assertIn('data-view="tim"', html)

	def test_supervisor_sets_ratings_and_sees_progress(self):
		self.submit_as("kabid", 3, 4)
		self.submit_as("s1", 3, 4)
		self.as_user("kabid")
		[row] = [s for s in portal.get_team(self.cycle)["staff"] if s["name"] == self.s2]
		progress = {r["role"]: (r["submitted"], r["assigned"]) for r in row["raters"]}
		self.assertEqual(progress, {ATASAN: (1, 1), REKAN: (1, 3), DIRI: (0, 1)})
		self.assertEqual(row["hasil_kerja_proposed"], "Sesuai Ekspektasi")
		set_evaluation(
			self.s2,
			hasil_kerja_rating="Di Atas Ekspektasi",
			hasil_kerja_override_reason="Beban tambahan KLB.",
		)
		data = portal.get_team(self.cycle, "Istimewa")
		[row] = [s for s in data["staff"] if s["name"] == self.s2]
		self.assertEqual(row["hasil_kerja_rating"], "Di Atas Ekspektasi")
		self.assertEqual(row["hasil_kerja_override_reason"], "Beban tambahan KLB.")
		self.assertEqual(row["predikat"], KUADRAN[("Di Atas Ekspektasi", row["perilaku_rating"])])
		self.assertEqual(data["distribution"]["organisation_predicate"], "Istimewa")
		self.assertEqual(
			sum(c["count"] for c in data["distribution"]["counts"]), data["distribution"]["total"]
		)

	# --- guests and the guide -----------------------------------------------------------------------------------

	def test_guest_is_redirected_to_login(self):
		frappe.set_user("Guest")
		for path in (*PAGES, "/kinerja/tugas?name=RF-2026-00001"):
			with self.subTest(path=path):
				status, _html, headers = render(path)
				self.assertEqual(status, 302)
				self.assertTrue(headers["Location"].startswith("/login?redirect-to=%2Fkinerja"))
		for method in (portal.get_my_appraisals, portal.get_my_tasks, portal.get_team, portal.get_guide):
			self.assertRaises(frappe.PermissionError, method)

	def test_guide(self):
		self.as_user("s2")
		guide = portal.get_guide()
		self.assertEqual(guide["profile"]["designation"], "_Test Pelaksana")
		self.assertEqual(len(guide["profile"]["requirements"]), 9)
		self.assertEqual([len(row["cells"]) for row in guide["kuadran"]], [3, 3, 3])
		self.assertEqual(guide["kuadran"][0]["cells"][0]["predikat"], "Sangat Baik")
		self.assertEqual(len(guide["distribution_rules"]), 5)
		self.assertEqual(guide["anonymity_threshold"], 3)
		self.assertEqual(sum(w["weight"] for w in guide["weights"]), 100)
		self.assertTrue(all(len(v["guides"]) == 3 for v in guide["core_values"]))
		for path in PAGES:
			with self.subTest(path=path):
				status, html, _headers = render(path)
				self.assertEqual(status, 200)
				self.assertIn('aria-current="page"', html)
				self.assertNotIn("{{", html)  # no undefined variable left by the templates

	def test_one_shell_for_every_view(self):
		"""Every portal URL answers the same cached shell; only the CSRF token and the boot data are per user."""
		frappe.cache.delete_value(portal_shell.CACHE_KEY)
		pages = {}
		for key in ("s2", "kabid"):
			self.as_user(key)
			status, html, _headers = render("/kinerja/panduan")
			self.assertEqual(status, 200)
			pages[key] = html
		self.assertTrue(frappe.cache.hgetall(portal_shell.CACHE_KEY))
		strip = re.compile(r"<script>frappe\.(boot|csrf_token) = .*?</script>", re.S)
		self.assertEqual(strip.sub("", pages["s2"]), strip.sub("", pages["kabid"]))
		for html in pages.values():
			self.assertIn("frappe.boot = ", html)
			self.assertNotIn(portal_shell.BOOT_MARK, html)
		self.as_user("s2")
		self.assertEqual(render("/kinerja/nothing-here")[0], 404)
		self.assertEqual(render("/kinerja/tim/extra")[0], 404)
		self.assertEqual(portal.view_of("kinerja/tugas", "RF-1"), "task")
		self.assertEqual(portal.view_of("kinerja/tugas/RF-1"), "task")
		self.assertEqual(portal.view_of("kinerja"), "saya")
		self.assertIsNone(portal.view_of("kinerjaku"))

	def test_js_strings_are_translatable(self):
		messages = portal.js_messages()
		self.assertIn("Saving…", messages)
		self.assertIn("{0} of {1} rated", messages)
