"""Many raters at once, over real HTTP: 50 raters of one appraisal send their feedback through the portal
(kinerja_asn.api.portal.save_feedback, submit=1) at the same moment, to the demo site served by gunicorn with
4 workers, as production serves it. Every rater gets HTTP 200, all 50 feedbacks are submitted, and the stored
aggregates equal what the submitted ratings give.

The fixture makes a unit of its own through the HTTP API as Administrator (an appraisee with 50 staff, each
with a user: the staff are the appraisee's Bawahan raters, assigned by create_asn_appraisals) and removes it
again at the end.
"""

import os
import signal
import subprocess
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import ADMIN_PASSWORD, BENCH, SHOTS, SITE, _port_free
from fixture import Api, wait_for_server

RATERS = 50
PORT = int(os.environ.get("KINERJA_GUNICORN_PORT", "8021"))
PASSWORD = "Uji#Konkuren2026"
UNIT = "Uji Konkuren"
DESIGNATION = "Pengadministrasi Perkantoran"  # a demo position with a competency profile


@pytest.fixture(scope="module")
def gunicorn():
	if not _port_free(PORT):
		pytest.fail(f"port {PORT} is in use; set KINERJA_GUNICORN_PORT")
	log = open(SHOTS.parent / f"kinerja_gunicorn_{PORT}.log", "w")
	server = subprocess.Popen(
		[
			str(Path(BENCH) / "env" / "bin" / "gunicorn"),
			"-b",
			f"127.0.0.1:{PORT}",
			"-w",
			"4",
			"-t",
			"120",
			"frappe.app:application",
			"--preload",
		],
		cwd=Path(BENCH) / "sites",
		stdout=log,
		stderr=subprocess.STDOUT,
		start_new_session=True,
	)
	url = f"http://127.0.0.1:{PORT}"
	try:
		wait_for_server(url, site=SITE)
		yield url
	finally:
		os.killpg(server.pid, signal.SIGTERM)
		try:
			server.wait(timeout=20)
		except subprocess.TimeoutExpired:
			os.killpg(server.pid, signal.SIGKILL)
		log.close()


def _email(i: int) -> str:
	return f"uji.konkuren.{i:02d}@batanghari.example"


def _employee(admin: Api, email: str, first_name: str, company: str, department: str, reports_to=None) -> str:
	found = admin.get_list("Employee", {"user_id": email}, ["name"])
	if found:
		return found[0]["name"]
	if not admin.get_list("User", {"name": email}, ["name"]):
		admin.insert(
			{
				"doctype": "User",
				"email": email,
				"first_name": first_name,
				"send_welcome_email": 0,
				"new_password": PASSWORD,
				"roles": [{"role": "Employee"}],
			}
		)
	return admin.insert(
		{
			"doctype": "Employee",
			"first_name": first_name,
			"gender": "Female",
			"date_of_birth": "1990-01-01",
			"date_of_joining": "2015-01-01",
			"company": company,
			"user_id": email,
			"designation": DESIGNATION,
			"department": department,
			"reports_to": reports_to,
			"status": "Active",
		}
	)["name"]


@pytest.fixture(scope="module")
def unit(gunicorn):
	admin = Api(gunicorn, SITE)
	admin.login("Administrator", ADMIN_PASSWORD)
	company = admin.get_list("Company", {}, ["name"])[0]["name"]
	departments = admin.get_list("Department", {"department_name": UNIT, "company": company}, ["name"])
	department = (
		departments[0]["name"]
		if departments
		else admin.insert({"doctype": "Department", "department_name": UNIT, "company": company})["name"]
	)
	head = _employee(admin, _email(0), "Kepala Uji Konkuren", company, department)
	staff = [
		_employee(admin, _email(i), f"Staf Uji Konkuren {i:02d}", company, department, head)
		for i in range(1, RATERS + 1)
	]
	cycle = admin.insert(
		{
			"doctype": "Appraisal Cycle",
			"cycle_name": f"Uji Konkuren {time.strftime('%Y%m%d-%H%M%S')}",
			"company": company,
			"start_date": "2026-07-01",
			"end_date": "2026-09-30",
			"kra_evaluation_method": "Manual Rating",
			"kinerja_period_type": "Periodik",
			"kinerja_period_label": "Triwulan III",
			"feedback_deadline": (date.today() + timedelta(days=30)).isoformat(),
			"appraisees": [{"employee": head}],
		}
	)["name"]
	admin.call("kinerja_asn.penilaian_kinerja.cycle.create_asn_appraisals", appraisal_cycle=cycle)
	[appraisal] = admin.get_list("ASN Appraisal", {"appraisal_cycle": cycle}, ["name"])
	tasks = {
		row["rater"]: row["name"]
		for row in admin.get_list(
			"Rater Feedback", {"asn_appraisal": appraisal["name"], "rater_role": "Bawahan"}, ["name", "rater"]
		)
	}
	try:
		yield {"admin": admin, "appraisal": appraisal["name"], "staff": staff, "tasks": tasks, "cycle": cycle}
	finally:
		for row in admin.get_list("Rater Feedback", {"appraisal_cycle": cycle}, ["name", "docstatus"]):
			if row["docstatus"] == 1:
				admin.call("frappe.client.cancel", doctype="Rater Feedback", name=row["name"])
			admin.delete("Rater Feedback", row["name"])
		for doctype in ("ASN Appraisal", "Appraisal"):
			for row in admin.get_list(doctype, {"appraisal_cycle": cycle}, ["name"]):
				admin.delete(doctype, row["name"])
		admin.delete("Appraisal Cycle", cycle)


def test_fifty_raters_submit_at_once(unit, gunicorn):
	assert len(unit["tasks"]) == RATERS, "create_asn_appraisals assigns every subordinate"
	sessions = []
	for i, employee in enumerate(unit["staff"], start=1):
		api = Api(gunicorn, SITE)
		api.login(_email(i), PASSWORD)
		task = unit["tasks"][employee]
		form = api.call("kinerja_asn.api.portal.get_task", name=task)
		level = 1 + i % 5
		answers = {
			"competencies": {c["competency"]: level for c in form["competencies"]},
			"behaviours": {b["core_value"]: level for b in form["behaviours"]},
		}
		sessions.append((api, task, level, answers))

	barrier = threading.Barrier(RATERS)
	results: list[tuple[int, str]] = [None] * RATERS

	def send(index: int) -> None:
		api, task, _level, answers = sessions[index]
		barrier.wait(timeout=60)
		results[index] = api.raw(
			"POST",
			"/api/method/kinerja_asn.api.portal.save_feedback",
			{"name": task, **answers, "feedback": f"Umpan balik {index}", "submit": 1},
			form=True,
		)

	threads = [threading.Thread(target=send, args=(i,)) for i in range(RATERS)]
	started = time.monotonic()
	for thread in threads:
		thread.start()
	for thread in threads:
		thread.join(timeout=300)
	elapsed = time.monotonic() - started
	print(f"\n{RATERS} concurrent submits in {elapsed:.1f} s")
	failed = [(i, status, text[:200]) for i, (status, text) in enumerate(results) if status != 200]
	assert not failed, failed

	admin = unit["admin"]
	submitted = admin.get_list(
		"Rater Feedback",
		{"asn_appraisal": unit["appraisal"], "rater_role": "Bawahan", "docstatus": 1},
		["name"],
	)
	assert len(submitted) == RATERS
	doc = admin.request("GET", f"/api/resource/ASN%20Appraisal/{unit['appraisal']}")["data"]
	expected = round(sum(level for _api, _task, level, _answers in sessions) / RATERS, 2)
	# the only group with a weight is Bawahan (no Atasan, self weight 0): every combined score is its mean
	assert {row["assessed_level"] for row in doc["competencies"]} == {expected}
	assert {row["score"] for row in doc["behaviours"]} == {expected}
	summary = {row["rater_role"]: row for row in doc["role_summary"]}
	assert summary["Bawahan"]["raters_submitted"] == RATERS
	assert summary["Bawahan"]["competency_mean"] == expected
