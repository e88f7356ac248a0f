"""Attack suite: real users of the demo agency send real HTTP requests to the served site, through every door
Frappe opens, and nothing they may not see comes back, nothing they may not change changes.

Actors (demo Dinas Kesehatan; see conftest.py for how the site is served):
- ratee: Fitri Handayani (E11), the person rated; peer: Rudi Hartono (E12), same supervisor;
- supervisor: Hendri Gunawan (E10), Pejabat Penilai Kinerja of E11–E16, rated upwards by them (subordinates);
- other_supervisor: Dedi Kurniawan (E17), supervisor of another bidang;
- hr: an HR User made for the suite (and disabled again at the end); guest: no login.

Every request is counted per actor; the counts are printed at the end of the module (pytest -s shows them) and
written to $KINERJA_SHOTS/security_requests.json. The README's Security section has the role × surface table
these tests prove.
"""

import json
import os
import re
import urllib.parse

import pytest
from conftest import DEMO_PASSWORD, SHOTS
from fixture import Api

FORMS = (
	"SKP",
	"Evaluasi Kinerja Pegawai",
	"Dokumen Evaluasi Kinerja Pegawai",
	"Laporan Hasil Penilaian Kompetensi",
	"Umpan Balik Bimbingan Kinerja (B.1.8)",
	"Evaluasi Kompetensi Pegawai (B.1.9)",
)
REPORTS = (
	"Competency Gap",
	"Predikat Distribution",
	"Predikat Trend",
	"Rater Completion",
	"JP Realisation",
	"Nine Box Grid",
	"Talent Shortlist",
)
CHILD_TABLES = (
	("ASN Appraisal Competency", "ASN Appraisal"),
	("ASN Appraisal Behaviour", "ASN Appraisal"),
	("ASN Appraisal Result", "ASN Appraisal"),
	("ASN Appraisal Role Summary", "ASN Appraisal"),
	("Rater Competency Rating", "Rater Feedback"),
	("Rater Behaviour Rating", "Rater Feedback"),
	("Development Plan Item", "Development Plan"),
)
USERS = {
	"ratee": "fitri.handayani@dinkes.batanghari.example",
	"peer": "rudi.hartono@dinkes.batanghari.example",
	"supervisor": "hendri.gunawan@dinkes.batanghari.example",
	"other_supervisor": "dedi.kurniawan@dinkes.batanghari.example",
}
HR_USER = "hr.uji.keamanan@batanghari.example"
HR_PASSWORD = os.environ.get("KINERJA_HR_PASSWORD", "Uji#Keamanan2026")
EMPLOYEES = ("ratee", "peer", "supervisor", "other_supervisor")
FORGED = "PALSU-DARI-KLIEN-7731"
DENIED = (401, 403)
PAGE_DENIED = (401, 403, 404)  # Frappe's /printview answers a refused document with its error page (404)


def quote(value: str) -> str:
	return urllib.parse.quote(value, safe="")


# --------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def world(admin):
	"""The demo's people, their appraisals and rater tasks, read as Administrator."""
	employees = {
		key: admin.get_list(
			"Employee", {"user_id": user}, ["name", "employee_name", "reports_to", "department"]
		)[0]
		for key, user in USERS.items()
	}
	cycle = admin.get_list(
		"ASN Appraisal",
		{"employee": employees["ratee"]["name"], "docstatus": ["<", 2]},
		["appraisal_cycle"],
		order_by="creation asc",
	)[0]["appraisal_cycle"]
	appraisals = {
		row["employee"]: row["name"]
		for row in admin.get_list(
			"ASN Appraisal", {"appraisal_cycle": cycle, "docstatus": ["<", 2]}, ["name", "employee"]
		)
	}
	lines = {  # direct staff: in the demo nobody below the two supervisors has staff
		key: {
			row["name"]
			for row in admin.get_list("Employee", {"reports_to": employees[key]["name"]}, ["name"])
		}
		for key in ("supervisor", "other_supervisor")
	}
	line = lines["supervisor"]
	tasks = admin.get_list(
		"Rater Feedback",
		{"appraisal_cycle": cycle, "docstatus": ["<", 2]},
		["name", "asn_appraisal", "rater", "rater_user", "rater_role", "employee", "docstatus", "modified"],
	)
	return {
		"employees": employees,
		"cycle": cycle,
		"appraisals": appraisals,
		"line": line,
		"lines": lines,
		"line_appraisals": {appraisals[e] for e in line if e in appraisals},
		"tasks": tasks,
		"emp": {key: row["name"] for key, row in employees.items()},
	}


@pytest.fixture(scope="module")
def actors(admin, base_url):
	"""A logged-in session per actor (the HR User is made here and disabled at the end)."""
	existing = admin.get_list("User", {"name": HR_USER}, ["name"])
	if existing:
		admin.update("User", HR_USER, {"enabled": 1, "new_password": HR_PASSWORD})
	else:
		admin.insert(
			{
				"doctype": "User",
				"email": HR_USER,
				"first_name": "Uji Keamanan",
				"send_welcome_email": 0,
				"new_password": HR_PASSWORD,
				"roles": [{"role": "HR User"}, {"role": "Employee"}],
			}
		)
	sessions = {"guest": Api(base_url), "admin": admin}
	for key, user in USERS.items():
		sessions[key] = Api(base_url)
		sessions[key].login(user, DEMO_PASSWORD)
	sessions["hr"] = Api(base_url)
	sessions["hr"].login(HR_USER, HR_PASSWORD)
	try:
		yield sessions
	finally:
		counts = {key: api.requests for key, api in sessions.items()}
		print("\nrequests per actor:", json.dumps(counts))
		SHOTS.mkdir(parents=True, exist_ok=True)
		(SHOTS / "security_requests.json").write_text(json.dumps(counts, indent=1))
		admin.update("User", HR_USER, {"enabled": 0})


def method(api: Api, dotted_path: str, **args) -> tuple[int, str]:
	return api.raw("POST", f"/api/method/{dotted_path}", args, form=True)


def get_method(api: Api, dotted_path: str, **args) -> tuple[int, str]:
	return api.raw("GET", f"/api/method/{dotted_path}", params=args)


def message(body: str):
	return json.loads(body).get("message")


def denied(status: int, body: str, *secrets: str) -> bool:
	return status in DENIED and not any(s and s in body for s in secrets)


def task_of(world, rater: str, ratee: str) -> dict:
	return next(
		t
		for t in world["tasks"]
		if t["rater"] == world["emp"][rater] and t["employee"] == world["emp"][ratee]
	)


# ------------------------------------------------------------------------------- 1. REST on Rater Feedback


def test_rest_put_with_a_forged_rater_changes_nothing(actors, world, admin):
	"""Frappe applies a PUT's body before it asks the permission hook: the hook decides on the stored rater."""
	target = task_of(world, "supervisor", "ratee")  # the supervisor's Atasan feedback on the ratee
	path = f"/api/resource/Rater%20Feedback/{quote(target['name'])}"
	for key in ("ratee", "peer", "other_supervisor"):
		me = USERS[key]
		for body in (
			{"rater_user": me, "feedback": FORGED},
			{"rater_user": me, "docstatus": 2},
			{"rater_user": me, "docstatus": 1},
		):
			status, text = actors[key].raw("PUT", path, body)
			assert denied(status, text, FORGED, target["rater"]), (key, body, status, text[:300])
		status, text = actors[key].raw("DELETE", path)
		assert status in DENIED, (key, status)
	[after] = admin.get_list(
		"Rater Feedback", {"name": target["name"]}, ["modified", "docstatus", "feedback"]
	)
	assert (after["modified"], after["docstatus"]) == (target["modified"], target["docstatus"])
	assert FORGED not in (after["feedback"] or "")


def test_no_employee_reads_rater_feedback_through_rest(actors, world):
	for key in EMPLOYEES:
		status, text = actors[key].raw(
			"GET", "/api/resource/Rater%20Feedback", params={"limit_page_length": 0}
		)
		assert status in DENIED, (key, status, text[:200])
		for task in [*world["tasks"][:5], task_of(world, "peer", "ratee")]:
			status, text = actors[key].raw("GET", f"/api/resource/Rater%20Feedback/{quote(task['name'])}")
			assert status in DENIED, (key, task["name"], status)
		status, text = actors[key].raw(
			"POST",
			"/api/resource/Rater%20Feedback",
			{"asn_appraisal": world["appraisals"][world["emp"]["ratee"]], "rater": world["emp"][key]},
		)
		assert status in DENIED, (key, status, text[:200])


# ---------------------------------------------------------------------------------------- 2. child tables


@pytest.mark.parametrize("child,parent", CHILD_TABLES)
def test_child_tables_are_not_listable_across_parents(actors, world, admin, child, parent):
	"""Only supervisors (for their own line) may list child rows at all; counts agree with lists."""
	lines = {
		key: {
			row["name"]
			for row in admin.get_list(parent, {"employee": ["in", sorted(world["lines"][key])]}, ["name"])
		}
		for key in ("supervisor", "other_supervisor")
	}
	for key in EMPLOYEES:
		status, text = get_method(
			actors[key],
			"frappe.client.get_list",
			doctype=child,
			parent=parent,
			fields=["parent"],
			limit_page_length=0,
		)
		count_status, count_text = get_method(
			actors[key], "frappe.client.get_count", doctype=child, parent=parent
		)
		if key not in lines or parent == "Rater Feedback":
			assert status in DENIED and count_status in DENIED, (key, child, status, count_status)
			continue
		assert status == 200 and count_status == 200, (key, child, text[:300], count_text[:300])
		rows = message(text)
		assert {row["parent"] for row in rows} <= lines[key], (key, child)
		assert message(count_text) == len(rows), (key, child)


def test_ratee_lists_no_competency_rating_rows_of_anyone(actors, world):
	for key in ("ratee", "peer"):
		for child in ("Rater Competency Rating", "Rater Behaviour Rating"):
			status, text = get_method(
				actors[key],
				"frappe.client.get_list",
				doctype=child,
				parent="Rater Feedback",
				fields=["parent", "level" if "Competency" in child else "score"],
				limit_page_length=0,
			)
			assert status in DENIED, (key, child, status, text[:200])


# -------------------------------------------------------------------------- 3. the person rated, the desk


def test_person_rated_cannot_read_own_appraisal_outside_the_portal(actors, world):
	me = world["appraisals"][world["emp"]["ratee"]]
	api = actors["ratee"]
	for status, text in (
		api.raw("GET", f"/api/resource/ASN%20Appraisal/{quote(me)}"),
		api.raw("GET", "/api/resource/ASN%20Appraisal", params={"fields": ["name", "behaviour_score"]}),
		get_method(api, "frappe.desk.form.load.getdoc", doctype="ASN Appraisal", name=me),
		get_method(api, "frappe.client.get", doctype="ASN Appraisal", name=me),
		get_method(
			api, "frappe.client.get_value", doctype="ASN Appraisal", fieldname="behaviour_score", filters=me
		),
		method(
			api, "frappe.desk.reportview.get", doctype="ASN Appraisal", fields=["name", "behaviour_score"]
		),
		method(
			api,
			"frappe.desk.reportview.export_query",
			doctype="ASN Appraisal",
			file_format_type="CSV",
			fields=["name", "behaviour_score"],
		),
	):
		assert status in DENIED, (status, text[:300])
	status, text = api.raw(
		"GET", "/printview", params={"doctype": "ASN Appraisal", "name": me, "format": FORMS[2]}
	)
	assert status in PAGE_DENIED and "Dokumen Evaluasi" not in text, status
	# the portal is their way in
	status, text = get_method(api, "kinerja_asn.api.portal.get_my_appraisals")
	assert status == 200
	assert me in {a["name"] for a in message(text)["appraisals"]}


def test_supervisor_reads_their_line_not_their_own_nor_other_lines(actors, world):
	api = actors["supervisor"]
	own = world["appraisals"][world["emp"]["supervisor"]]
	ratee = world["appraisals"][world["emp"]["ratee"]]
	other_line = world["appraisals"][world["emp"]["other_supervisor"]]
	status, text = get_method(api, "frappe.desk.form.load.getdoc", doctype="ASN Appraisal", name=ratee)
	assert status == 200, text[:300]
	for name in (own, other_line):
		status, text = get_method(api, "frappe.desk.form.load.getdoc", doctype="ASN Appraisal", name=name)
		assert status in DENIED, (name, status)
	status, text = method(
		api,
		"frappe.desk.reportview.get",
		doctype="ASN Appraisal",
		fields=["`tabASN Appraisal`.`name`", "`tabASN Appraisal Role Summary`.`competency_mean`"],
	)
	assert status == 200, text[:300]
	data = message(text)
	names = {row[0] for row in data["values"]} if data else set()
	assert names and names <= world["line_appraisals"], names - world["line_appraisals"]
	status, text = get_method(api, "frappe.client.get_count", doctype="ASN Appraisal")
	assert status == 200 and message(text) == len(world["line_appraisals"]), text
	# the other supervisor sees none of this line
	status, text = get_method(
		actors["other_supervisor"], "frappe.client.get", doctype="ASN Appraisal", name=ratee
	)
	assert status in DENIED


def test_role_summary_never_holds_a_small_group_mean(admin, world):
	rows = admin.get_list(
		"ASN Appraisal",
		{"appraisal_cycle": world["cycle"]},
		[
			"name",
			"`tabASN Appraisal Role Summary`.`rater_role` as rater_role",
			"`tabASN Appraisal Role Summary`.`raters_submitted` as raters_submitted",
			"`tabASN Appraisal Role Summary`.`competency_mean` as competency_mean",
			"`tabASN Appraisal Role Summary`.`behaviour_mean` as behaviour_mean",
		],
	)
	threshold = (
		admin.call(
			"frappe.client.get_single_value", doctype="Kinerja ASN Settings", field="anonymity_threshold"
		)
		or 3
	)
	small = [
		r for r in rows if r["rater_role"] in ("Rekan Kerja", "Bawahan") and r["raters_submitted"] < threshold
	]
	assert all(not r["competency_mean"] and not r["behaviour_mean"] for r in small), small[:3]


# --------------------------------------------------------------------------------- 5. print with forged doc


def forged_appraisal(name: str, employee: str) -> str:
	return json.dumps(
		{
			"doctype": "ASN Appraisal",
			"name": name,
			"employee": employee,
			"evaluator": employee,
			"docstatus": 0,
			"notes": FORGED,
			"results": [{"doctype": "ASN Appraisal Result", "rhk": FORGED, "target": 1, "realisasi": 1}],
			"role_summary": [
				{
					"doctype": "ASN Appraisal Role Summary",
					"rater_role": "Rekan Kerja",
					"competency_mean": 4.77,
				}
			],
		}
	)


def test_print_view_with_a_forged_doc(actors, world):
	ratee = world["appraisals"][world["emp"]["ratee"]]
	other_line = world["appraisals"][world["emp"]["other_supervisor"]]
	for key, name in (
		("peer", ratee),
		("ratee", ratee),
		("supervisor", other_line),
		("other_supervisor", ratee),
	):
		for form in FORMS:
			status, text = method(
				actors[key],
				"frappe.www.printview.get_html_and_style",
				doc=forged_appraisal(name, world["emp"][key]),
				print_format=form,
			)
			assert denied(status, text, FORGED), (key, form, status, text[:300])
	# a supervisor may print their staff's form: built from the stored document, not the rows sent
	for form in FORMS:
		status, text = method(
			actors["supervisor"],
			"frappe.www.printview.get_html_and_style",
			doc=forged_appraisal(ratee, world["emp"]["supervisor"]),
			print_format=form,
		)
		assert status == 200, (form, text[:300])
		assert FORGED not in text and "4.77" not in text, form
	# a forged doc with a name that does not exist
	status, text = method(
		actors["supervisor"],
		"frappe.www.printview.get_html_and_style",
		doc=forged_appraisal("ASN-TIDAK-ADA-1", world["emp"]["ratee"]),
		print_format=FORMS[0],
	)
	assert denied(status, text, FORGED), (status, text[:300])


def test_print_view_by_name(actors, world):
	ratee = world["appraisals"][world["emp"]["ratee"]]
	name = world["employees"]["ratee"]["employee_name"]
	params = {"doctype": "ASN Appraisal", "name": ratee, "format": FORMS[1]}
	for key in ("peer", "ratee", "other_supervisor", "guest"):
		status, text = actors[key].raw("GET", "/printview", params=params)
		assert status in PAGE_DENIED and name not in text, (key, status)
	status, text = actors["supervisor"].raw("GET", "/printview", params=params)
	assert status == 200 and name in text, status


# -------------------------------------------------------------------------------------- 6. files and bulk


def test_bulk_print_is_hr_only_and_files_stay_private(actors, world):
	department = world["employees"]["ratee"]["department"]
	for key in EMPLOYEES:
		status, text = method(
			actors[key],
			"kinerja_asn.forms.bulk.print_unit",
			department=department,
			appraisal_cycle=world["cycle"],
			print_format=FORMS[1],
		)
		assert status in DENIED, (key, status, text[:200])
		status, text = actors[key].raw(
			"GET",
			"/api/resource/File",
			params={"filters": [["attached_to_doctype", "=", "Appraisal Cycle"]], "fields": ["file_url"]},
		)
		files = json.loads(text)["data"] if status == 200 else []
		assert not [f for f in files if str(f.get("file_url", "")).endswith(".pdf")], (key, files)


# ------------------------------------------------------------------------------------ 7. counts and values


def test_get_count_does_not_reveal_raters(actors, world):
	ratee = world["emp"]["ratee"]
	for key in EMPLOYEES:
		for filters in (
			{"employee": ratee},
			{"employee": ratee, "rater": world["emp"]["peer"]},
			[["feedback", "like", "%a%"]],
		):
			status, text = get_method(
				actors[key], "frappe.client.get_count", doctype="Rater Feedback", filters=filters
			)
			assert status in DENIED, (key, filters, status, text[:200])
		status, text = get_method(
			actors[key],
			"frappe.client.get_value",
			doctype="Rater Feedback",
			fieldname="rater",
			filters={"employee": ratee},
		)
		assert status in DENIED, (key, status, text[:200])


# ------------------------------------------------------------------------------ 9. development plans, line


def test_development_plan_write_is_decided_on_the_stored_employee(actors, world, admin):
	api = actors["supervisor"]
	outsider = world["emp"]["other_supervisor"]
	status, text = api.raw("POST", "/api/resource/Development%20Plan", {"employee": outsider, "year": 2031})
	assert status in DENIED, (status, text[:300])
	plans = admin.get_list("Development Plan", {"employee": outsider}, ["name", "modified"])
	for plan in plans:
		status, text = api.raw(
			"PUT",
			f"/api/resource/Development%20Plan/{quote(plan['name'])}",
			{"employee": world["emp"]["ratee"], "notes": FORGED},
		)
		assert status in DENIED, (status, text[:300])
		status, text = api.raw("GET", f"/api/resource/Development%20Plan/{quote(plan['name'])}")
		assert status in DENIED
	# the person rated does not edit (or list in the desk) their own plan
	status, text = actors["ratee"].raw("GET", "/api/resource/Development%20Plan")
	assert status in DENIED


# ------------------------------------------------------------------------------------------ reports


@pytest.mark.parametrize("report", REPORTS)
def test_reports_show_only_the_line(actors, world, report):
	filters = {"appraisal_cycle": world["cycle"], "year": 2026}
	for key in ("ratee", "peer"):
		status, text = get_method(
			actors[key], "frappe.desk.query_report.run", report_name=report, filters=filters
		)
		assert status in DENIED, (key, report, status, text[:200])
	status, text = get_method(
		actors["supervisor"], "frappe.desk.query_report.run", report_name=report, filters=filters
	)
	assert status == 200, (report, text[:300])
	outside = {world["employees"][k]["employee_name"] for k in ("supervisor", "other_supervisor")} | {
		world["emp"][k] for k in ("supervisor", "other_supervisor")
	}
	body = json.dumps(message(text).get("result"))
	for secret in outside:
		assert secret not in body, (report, secret)
	status, text = get_method(
		actors["hr"], "frappe.desk.query_report.run", report_name=report, filters=filters
	)
	assert status == 200, (report, text[:300])


# ------------------------------------------------------------------------------ our whitelisted methods


def test_our_methods_with_other_peoples_names(actors, world):
	ratee_appraisal = world["appraisals"][world["emp"]["ratee"]]
	peer_task = task_of(world, "peer", "ratee")["name"]
	calls = (
		(
			"get",
			"kinerja_asn.api.portal.get_task",
			{"name": peer_task},
			("ratee", "supervisor", "other_supervisor"),
		),
		(
			"post",
			"kinerja_asn.api.portal.save_feedback",
			{"name": peer_task, "feedback": FORGED},
			("ratee", "supervisor", "other_supervisor"),
		),
		(
			"post",
			"kinerja_asn.api.appraisal.set_evaluation",
			{"asn_appraisal": ratee_appraisal, "notes": FORGED},
			("ratee", "peer", "other_supervisor"),
		),
		(
			"get",
			"kinerja_asn.api.appraisal.get_feedback_summary",
			{"asn_appraisal": ratee_appraisal},
			("peer", "other_supervisor", "guest"),
		),
		(
			"get",
			"kinerja_asn.api.appraisal.get_pending_changes",
			{"asn_appraisal": ratee_appraisal},
			("peer", "other_supervisor", "guest"),
		),
		(
			"post",
			"kinerja_asn.pengembangan.doctype.development_plan.development_plan.make_from_appraisal",
			{"asn_appraisal": ratee_appraisal, "year": 2031},
			("ratee", "peer", "other_supervisor"),
		),
		(
			"get",
			"kinerja_asn.pengembangan.reporting.latest_cycle",  # the reports' cycle default
			{},
			("ratee", "peer", "guest"),
		),
		(
			"post",
			"kinerja_asn.penilaian_kinerja.cycle.create_asn_appraisals",
			{"appraisal_cycle": world["cycle"]},
			("ratee", "supervisor", "guest"),
		),
	)
	for kind, name, args, who in calls:
		for key in who:
			status, text = (get_method if kind == "get" else method)(actors[key], name, **args)
			assert denied(status, text, FORGED), (name, key, status, text[:300])
	for path in (f"/kinerja/tugas?name={quote(peer_task)}", f"/kinerja/tugas/{quote(peer_task)}"):
		status, text = actors["ratee"].raw("GET", path)
		assert status in DENIED, (path, status)


def test_guest_gets_nothing(actors, world):
	guest = actors["guest"]
	ratee_appraisal = world["appraisals"][world["emp"]["ratee"]]
	for status, text in (
		guest.raw("GET", "/api/resource/ASN%20Appraisal"),
		guest.raw("GET", f"/api/resource/ASN%20Appraisal/{quote(ratee_appraisal)}"),
		get_method(guest, "frappe.client.get_count", doctype="Rater Feedback"),
		get_method(guest, "kinerja_asn.api.portal.get_my_appraisals"),
		get_method(guest, "kinerja_asn.api.portal.get_my_tasks"),
	):
		assert status in DENIED, (status, text[:200])
	status, text = guest.raw("GET", "/kinerja")
	assert status in (*DENIED, 200) and not re.search(r"Rating Hasil Kerja</dt>", text)


def test_hr_still_works_in_the_desk(actors, world):
	api = actors["hr"]
	ratee_appraisal = world["appraisals"][world["emp"]["ratee"]]
	status, _text = get_method(
		api, "frappe.desk.form.load.getdoc", doctype="ASN Appraisal", name=ratee_appraisal
	)
	assert status == 200
	status, text = api.raw("GET", "/api/resource/Rater%20Feedback", params={"limit_page_length": 5})
	assert status == 200 and json.loads(text)["data"]
	status, _text = api.raw(
		"GET", "/printview", params={"doctype": "ASN Appraisal", "name": ratee_appraisal, "format": FORMS[2]}
	)
	assert status == 200


def test_attached_files_follow_the_appraisal(actors, world, admin):
	ratee = world["appraisals"][world["emp"]["ratee"]]
	file = admin.insert(
		{
			"doctype": "File",
			"file_name": "lampiran-rahasia.txt",
			"attached_to_doctype": "ASN Appraisal",
			"attached_to_name": ratee,
			"is_private": 1,
			"content": FORGED,
		}
	)
	try:
		for key in ("ratee", "peer", "other_supervisor", "guest"):
			status, text = actors[key].raw("GET", file["file_url"])
			assert status in PAGE_DENIED and FORGED not in text, (key, status)
		status, text = actors["supervisor"].raw("GET", file["file_url"])
		assert status == 200 and FORGED in text
	finally:
		admin.delete("File", file["name"])


def test_other_doors_to_appraisal_data(actors, world):
	ratee = world["appraisals"][world["emp"]["ratee"]]
	task = task_of(world, "peer", "ratee")["name"]
	for key in ("ratee", "peer", "other_supervisor"):
		api = actors[key]
		status, text = get_method(
			api,
			"frappe.utils.print_format.download_pdf",
			doctype="ASN Appraisal",
			name=ratee,
			format=FORMS[0],
		)
		assert status in PAGE_DENIED, (key, status)
		status, text = get_method(
			api, "frappe.desk.search.search_link", doctype="ASN Appraisal", txt="", page_length=500
		)
		readable = {world["appraisals"].get(e) for e in world["lines"].get(key, ())}
		found = {row["value"] for row in json.loads(text).get("message") or []} if status == 200 else set()
		assert found <= readable, (key, found - readable)
		# the timeline of another rater's feedback holds their ratings; comments of the appraisal too
		for doctype, filters, field in (
			("Version", {"ref_doctype": "Rater Feedback", "docname": task}, "data"),
			("Comment", {"reference_doctype": "ASN Appraisal", "reference_name": ratee}, "content"),
		):
			status, text = get_method(
				api, "frappe.client.get_list", doctype=doctype, filters=filters, fields=[field]
			)
			assert status in DENIED or not message(text), (key, doctype, text[:200])
