"""Cost of the self-service portal (/kinerja ...) on a served site against its data: figures, never a timed test.

How to run (on the bench machine; Python ≥ 3.10, standard library only; selenium for the optional browser run):

	# 1. a generated regency on a dedicated site (6,000 ASN, ~36,000 Rater Feedback; no users)
	cd ~/frappe-bench && env/bin/python apps/kinerja_asn/benchmarks/regency.py --site bench.test --units 60
	# 2. serve it, production-like (gunicorn, 4 workers)
	cd ~/frappe-bench/sites && ../env/bin/gunicorn -b 127.0.0.1:8030 -w 4 -t 120 frappe.app:application
	# 3. measure (another shell); the first run also prepares the users and the 40-person team (below)
	python benchmarks/portal_benchmark.py --url http://127.0.0.1:8030 --site bench.test \
		--bench ~/frappe-bench --admin-password admin [--browser-url http://127.0.0.1:8031]

What it measures (times on loopback, ≈ server time), for a typical employee (a generated "BM Pelaksana" with ~6
raters and ~6 rater tasks) and a supervisor of 40, per view (Penilaian Saya, Tugas Penilaian, one task form,
Tim Saya, Panduan), `--requests` times each after a warm-up:
- the URL loaded directly (a first load or a reload: the portal shell; before the shell, the whole page);
- the JSON call behind the view (`/api/method/kinerja_asn.api.portal.<method>`, as a plain client calls it);
- an interaction after the first load, as the portal makes it: the one API call of kinerja_portal.js (the
  script draws the view itself, no page is loaded); for the old one-page-per-view portal, the next page;
  and its ratio to the JSON call (p95 / p95; target ≤ 2);
- `--users` (50) concurrent users: each loads /kinerja once, then goes through every view `--loops` times the way
  the portal makes them: throughput, p50 / p95 of first loads and of interactions, p95 of all, errors (target: p95
  < 1.5 s, no errors);
- with `--browser-url` (a server of the same site that also serves /assets: `bench serve` or nginx; gunicorn alone
  does not): Chromium clicks a navigation link until the view is drawn, against the same endpoint fetched by the
  page, so that the script's own drawing is counted too.
The script tells which portal it measures (the shell carries `id="kinerja-view"`), so the same run on an older
checkout gives the "before" figures.

Preparation (idempotent, kept on the site; the generated regency has no users and no unit of 40):
- users bm-portal-NN@bench.test (password --user-password) linked to generated BM Pelaksana employees, through
  the REST API as Administrator and `bench execute kinerja_asn.db.bulk_update` for Employee.user_id (the
  generated NIPs are not unique, so a normal Employee save would be refused);
- department "BMP Portal Benchmark": a head with 40 staff, their users for the head, a cycle "BMP Portal 2026"
  with ASN Appraisals and rater tasks (`bench execute kinerja_asn.penilaian_kinerja.cycle.create_for_cycle`),
  90 % of the tasks submitted (`bench execute kinerja_asn.demo.load.submit_feedback`).
"""

import argparse
import http.cookiejar
import json
import math
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REGENCY_CYCLE = "Benchmark Kabupaten 2026"
TEAM_CYCLE = "BMP Portal 2026"
TEAM_DEPARTMENT = "BMP Portal Benchmark"
TEAM_SIZE = 40
USER_DOMAIN = "bench.test"
API = "kinerja_asn.api.portal."


class Session:
	"""A cookie session on the served site (site chosen by header, so any gunicorn/bench serve works)."""

	def __init__(self, url: str, site: str):
		self.url, self.site = url.rstrip("/"), site
		self.opener = urllib.request.build_opener(
			urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
		)
		self.csrf = ""

	def request(self, method: str, path: str, data=None, params=None):
		url = self.url + path
		if params:
			url += "?" + urllib.parse.urlencode(
				{k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in params.items()}
			)
		body = json.dumps(data).encode() if data is not None else None
		req = urllib.request.Request(url, data=body, method=method)
		req.add_header("X-Frappe-Site-Name", self.site)
		req.add_header("Accept", "application/json, text/html")
		if body is not None:
			req.add_header("Content-Type", "application/json")
		if self.csrf:
			req.add_header("X-Frappe-CSRF-Token", self.csrf)
		with self.opener.open(req, timeout=120) as response:
			return response.status, response.read().decode()

	def json(self, method: str, path: str, data=None, params=None):
		try:
			_status, text = self.request(method, path, data, params)
		except urllib.error.HTTPError as error:
			raise RuntimeError(f"{method} {path}: HTTP {error.code} {error.read().decode()[:400]}") from None
		return json.loads(text)

	def login(self, user: str, password: str) -> "Session":
		self.json("POST", "/api/method/login", {"usr": user, "pwd": password})
		_status, page = self.request("GET", "/me")
		match = re.search(r'frappe\.csrf_token = "([^"]+)"', page)
		self.csrf = match.group(1) if match else ""
		return self

	def timed_get(self, path: str) -> tuple[float, int]:
		started = time.perf_counter()
		try:
			status, _text = self.request("GET", path)
		except urllib.error.HTTPError as error:
			status = error.code
		return (time.perf_counter() - started) * 1000, status


# --- preparation -------------------------------------------------------------------------------------------------


def bench_execute(bench: Path, site: str, method: str, *args, **kwargs) -> None:
	command = ["bench", "--site", site, "execute", method]
	if args:
		command += ["--args", repr(list(args))]
	if kwargs:
		command += ["--kwargs", repr(kwargs)]
	subprocess.run(command, cwd=bench, check=True, stdout=subprocess.DEVNULL)


def get_list(admin: Session, doctype: str, filters, fields, **extra) -> list[dict]:
	params = {"filters": filters, "fields": fields, "limit_page_length": 0, **extra}
	return admin.json("GET", f"/api/resource/{urllib.parse.quote(doctype)}", params=params)["data"]


def insert(admin: Session, doc: dict) -> dict:
	return admin.json("POST", f"/api/resource/{urllib.parse.quote(doc['doctype'])}", doc)["data"]


def ensure_user(admin: Session, email: str, first_name: str, password: str) -> None:
	"""A user with the Employee role (set by a second request: roles sent with the insert are not kept)."""
	if not get_list(admin, "User", {"name": email}, ["name"]):
		insert(
			admin,
			{
				"doctype": "User",
				"email": email,
				"first_name": first_name,
				"send_welcome_email": 0,
				"new_password": password,
			},
		)
	path = f"/api/resource/User/{urllib.parse.quote(email)}"
	roles = [r["role"] for r in admin.json("GET", path)["data"].get("roles", [])]
	if "Employee" not in roles:
		admin.json("PUT", path, {"roles": [{"role": r} for r in [*roles, "Employee"]]})


def prepare_employees(admin: Session, bench: Path, site: str, count: int, password: str) -> list[str]:
	"""Users for `count` generated BM Pelaksana employees of the regency cycle."""
	rows = get_list(
		admin,
		"ASN Appraisal",
		{"appraisal_cycle": REGENCY_CYCLE, "designation": "BM Pelaksana", "docstatus": 0},
		["employee"],
		order_by="employee asc",
		limit_page_length=count,
	)
	if len(rows) < count:
		sys.exit(f"bench.test has no generated regency ({REGENCY_CYCLE}): run benchmarks/regency.py first")
	users, links = [], {}
	for index, row in enumerate(rows, start=1):
		email = f"bm-portal-{index:02d}@{USER_DOMAIN}"
		ensure_user(admin, email, f"BM Portal {index:02d}", password)
		links[row["employee"]] = {"user_id": email}
		users.append(email)
	bench_execute(bench, site, "kinerja_asn.db.bulk_update", "Employee", links)
	# the generated rater tasks were made before these users existed: give them their rater_user (what
	# Rater Feedback fetches from the rater's Employee when a task is created)
	by_employee = {employee: values["user_id"] for employee, values in links.items()}
	tasks = get_list(
		admin, "Rater Feedback", [["rater", "in", list(by_employee)]], ["name", "rater", "rater_user"]
	)
	stale = {
		t["name"]: {"rater_user": by_employee[t["rater"]]}
		for t in tasks
		if t["rater_user"] != by_employee[t["rater"]]
	}
	if stale:
		bench_execute(bench, site, "kinerja_asn.db.bulk_update", "Rater Feedback", stale)
	return users


def prepare_team(admin: Session, bench: Path, site: str, password: str) -> str:
	"""A head with 40 staff in their own department and cycle; most rater tasks submitted."""
	head_user = f"bm-portal-head@{USER_DOMAIN}"
	if get_list(admin, "Appraisal Cycle", {"name": TEAM_CYCLE}, ["name"]):
		return head_user
	sample = get_list(admin, "Employee", {"designation": "BM Pelaksana"}, ["company"], limit_page_length=1)
	company = sample[0]["company"]
	department = get_list(admin, "Department", {"department_name": TEAM_DEPARTMENT}, ["name"])
	department = (
		department[0]["name"]
		if department
		else insert(admin, {"doctype": "Department", "department_name": TEAM_DEPARTMENT, "company": company})[
			"name"
		]
	)
	ensure_user(admin, head_user, "BMP Kepala", password)

	def employee(first_name: str, designation: str, reports_to: str | None, user: str | None = None) -> str:
		return insert(
			admin,
			{
				"doctype": "Employee",
				"first_name": first_name,
				"gender": "Female",
				"date_of_birth": "1988-01-01",
				"date_of_joining": "2012-01-01",
				"company": company,
				"status": "Active",
				"department": department,
				"designation": designation,
				"reports_to": reports_to,
				"user_id": user,
				"asn_status": "PNS",
			},
		)["name"]

	head = employee("BMP Kepala", "BM Kepala Seksi", None, head_user)
	staff = [employee(f"BMP Staf {i:02d}", "BM Pelaksana", head) for i in range(1, TEAM_SIZE + 1)]
	insert(
		admin,
		{
			"doctype": "Appraisal Cycle",
			"cycle_name": TEAM_CYCLE,
			"company": company,
			"start_date": "2026-01-01",
			"end_date": "2026-12-31",
			"kra_evaluation_method": "Manual Rating",
			"kinerja_period_type": "Tahunan",
			"kinerja_period_label": "Akhir",
			"appraisees": [{"employee": e} for e in [head, *staff]],
		},
	)
	bench_execute(bench, site, "kinerja_asn.penilaian_kinerja.cycle.create_for_cycle", TEAM_CYCLE)

	# 90 % of the rater tasks submitted (the rest stays open: progress and task lists are realistic)
	rng = random.Random(2026)
	profile = admin.json("GET", "/api/resource/Position%20Competency%20Profile/BM%20Pelaksana")["data"]
	competencies = [r["competency"] for r in profile["requirements"]]
	values = [v["name"] for v in get_list(admin, "Core Value", {}, ["name"])]
	tasks = get_list(admin, "Rater Feedback", {"appraisal_cycle": TEAM_CYCLE, "docstatus": 0}, ["name"])
	ratings = []
	appraisals = get_list(admin, "ASN Appraisal", {"appraisal_cycle": TEAM_CYCLE}, ["name", "employee"])
	for appraisal in appraisals:
		for task in get_list(
			admin, "Rater Feedback", {"asn_appraisal": appraisal["name"], "docstatus": 0}, ["rater"]
		):
			if rng.random() < 0.9:
				ratings.append(
					{
						"employee": appraisal["employee"],
						"rater": task["rater"],
						"competencies": {c: rng.randint(1, 4) for c in competencies},
						"behaviours": {v: rng.randint(2, 5) for v in values},
						"feedback": "Umpan balik uji beban portal.",
					}
				)
	ids = {e: e for e in [head, *staff]}
	for start in range(0, len(ratings), 40):  # one command-line argument holds at most 128 KiB
		bench_execute(
			bench,
			site,
			"kinerja_asn.demo.load.submit_feedback",
			data={"ratings": ratings[start : start + 40]},
			cycle=TEAM_CYCLE,
			employees=ids,
		)
	print(f"prepared: {TEAM_SIZE} staff under {head}, {len(tasks)} rater tasks, {len(ratings)} submitted")
	return head_user


# --- measuring ---------------------------------------------------------------------------------------------------

SPA_MARK = 'id="kinerja-view"'  # the portal shell (one page, views drawn by kinerja_portal.js)


@dataclass
class View:
	name: str
	url: str  # what the address bar shows (and what a reload loads)
	json_path: str  # the endpoint as a plain client calls it (the "JSON behind the page")
	spa_method: str  # the endpoint as kinerja_portal.js calls it
	args: dict = field(default_factory=dict)

	def spa_path(self) -> str:
		query = urllib.parse.urlencode(self.args)
		return f"/api/method/{self.spa_method}" + (f"?{query}" if query else "")


def views_of(session: Session) -> list[View]:
	tasks = session.json("GET", "/api/method/kinerja_asn.api.portal.get_my_tasks")["message"]
	first = (tasks["open"] or tasks["sent"] or [{}])[0].get("name")
	json_api = f"/api/method/{API}"
	views = [
		View(
			"Penilaian Saya", "/kinerja", f"{json_api}get_my_appraisals", f"{API}appraisals.get_my_appraisals"
		),
		View("Tugas Penilaian", "/kinerja/tugas", f"{json_api}get_my_tasks", f"{API}tasks.get_my_tasks"),
	]
	if first:
		quoted = urllib.parse.quote(first)
		views.append(
			View(
				"Task form",
				f"/kinerja/tugas?name={quoted}",
				f"{json_api}get_task?name={quoted}",
				f"{API}tasks.get_task",
				{"name": first},
			)
		)
	views += [
		View("Tim Saya", "/kinerja/tim", f"{json_api}get_team", f"{API}team.get_team"),
		View("Panduan", "/kinerja/panduan", f"{json_api}get_guide", f"{API}guide.get_guide"),
	]
	return views


def p95(times: list[float]) -> float:
	ordered = sorted(times)
	return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]  # nearest rank


def figures(times: list[float]) -> str:
	return f"{statistics.median(times):.0f} / {p95(times):.0f}"


def timed(session: Session, path: str, repeat: int) -> tuple[list[float], int]:
	for _ in range(3):  # warm-up: imports, caches
		session.timed_get(path)
	times, bad = [], 0
	for _ in range(repeat):
		ms, status = session.timed_get(path)
		times.append(ms)
		bad += status != 200
	return times, bad


def is_spa(session: Session) -> bool:
	_status, html = session.request("GET", "/kinerja")
	return SPA_MARK in html


def measure_sequential(label: str, session: Session, requests: int, spa: bool) -> list[str]:
	"""Markdown rows: per view, the URL loaded directly, the JSON call, and an interaction after the first load
	(the SPA: its one API call; the old pages: the next page) with its ratio to the JSON call (p95 / p95)."""
	rows = []
	for view in views_of(session):
		page, bad_page = timed(session, view.url, requests)
		json_times, bad_json = timed(session, view.json_path, requests)
		interaction, bad_step = timed(session, view.spa_path(), requests) if spa else (page, bad_page)
		ratio = p95(interaction) / p95(json_times)
		bad = bad_page + bad_json + (bad_step if spa else 0)
		rows.append(
			f"| {label} | {view.name} | {figures(page)} | {figures(json_times)} | {figures(interaction)}"
			f" | {ratio:.2f}{' (' + str(bad) + ' non-200)' if bad else ''} |"
		)
	return rows


def measure_concurrent(sessions: list[Session], loops: int, max_seconds: float, spa: bool) -> str:
	"""Every user loads the portal once (the shell, or the first page), then goes through every view `loops`
	times the way the portal makes them (SPA: the API call of each view; old pages: each page)."""
	plans = [views_of(s) for s in sessions]
	first_loads: list[float] = []
	steps: list[float] = []
	errors: list[str] = []
	lock = threading.Lock()
	barrier = threading.Barrier(len(sessions))

	def user(session: Session, views: list[View], deadline_box: list[float]) -> None:
		barrier.wait()
		ms, status = session.timed_get("/kinerja")
		with lock:
			first_loads.append(ms)
			if status != 200:
				errors.append(f"/kinerja: {status}")
		for _ in range(loops):
			for view in views:
				if time.monotonic() > deadline_box[0]:
					return
				path = view.spa_path() if spa else view.url
				ms, status = session.timed_get(path)
				with lock:
					steps.append(ms)
					if status != 200:
						errors.append(f"{path}: {status}")

	deadline = [time.monotonic() + max_seconds]
	started = time.monotonic()
	threads = [
		threading.Thread(target=user, args=(s, p, deadline)) for s, p in zip(sessions, plans, strict=True)
	]
	for thread in threads:
		thread.start()
	for thread in threads:
		thread.join()
	elapsed = time.monotonic() - started
	everything = first_loads + steps
	line = (
		f"| {len(sessions)} users, {'SPA' if spa else 'pages'} | {len(everything)} requests in {elapsed:.1f} s"
		f" ({len(everything) / elapsed:.1f}/s) | {figures(first_loads)} | {figures(steps)}"
		f" | {p95(everything):.0f} | {len(errors)} |"
	)
	if errors:
		line += f"\n\nerrors, e.g. {errors[:3]}"
	return line


# --- optional: the same interactions in a real browser (click to drawn view) ------------------------------------

CLICK_AND_WAIT = """
const [key, done] = arguments;
const view = document.getElementById('kinerja-view');
const link = document.querySelector('.kinerja-nav a[data-nav="' + key + '"]');
const started = performance.now();
const observer = new MutationObserver(() => {
	if (view.getAttribute('aria-busy') === 'false') {
		observer.disconnect();
		done(performance.now() - started);
	}
});
observer.observe(view, {attributes: true, attributeFilter: ['aria-busy']});
link.click();
"""

FETCH_TIME = """
const [path, done] = arguments;
const started = performance.now();
fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
	.then(r => r.text()).then(() => done(performance.now() - started)).catch(e => done(-1));
"""


def measure_browser(url: str, user: str, password: str, requests: int) -> list[str]:
	"""Chromium (selenium): a click on a navigation link until the view is drawn, against the same endpoint
	fetched by the page. Needs a server that also serves /assets (bench serve, or nginx)."""
	from selenium import webdriver
	from selenium.webdriver.chrome.service import Service

	options = webdriver.ChromeOptions()
	options.binary_location = "/usr/bin/chromium"
	for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
		options.add_argument(flag)
	driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
	driver.set_script_timeout(60)
	rows = []
	try:
		driver.get(url + "/login")
		driver.execute_async_script(
			"""const [usr, pwd, done] = arguments;
			fetch('/api/method/login', {method: 'POST', credentials: 'same-origin',
				headers: {'Content-Type': 'application/json', Accept: 'application/json'},
				body: JSON.stringify({usr, pwd})}).then(r => done(r.status));""",
			user,
			password,
		)
		started = time.perf_counter()
		driver.get(url + "/kinerja")
		driver.execute_async_script(
			"""const done = arguments[0]; const view = document.getElementById('kinerja-view');
			(function check() { view.getAttribute('aria-busy') === 'false' ? done() : setTimeout(check, 5); })();"""
		)
		rows.append(
			f"| first load of /kinerja until drawn | {(time.perf_counter() - started) * 1000:.0f} | | |"
		)
		for key, method in (
			("tugas", "tasks.get_my_tasks"),
			("tim", "team.get_team"),
			("panduan", "guide.get_guide"),
			("saya", "appraisals.get_my_appraisals"),
		):
			clicks, fetches = [], []
			for _ in range(requests):
				clicks.append(driver.execute_async_script(CLICK_AND_WAIT, key))
				fetches.append(driver.execute_async_script(FETCH_TIME, f"/api/method/{API}{method}"))
			rows.append(
				f"| {key} | {figures(clicks)} | {figures(fetches)} | {p95(clicks) / p95(fetches):.2f} |"
			)
	finally:
		driver.quit()
	return rows


def main() -> None:
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("--url", default="http://127.0.0.1:8030")
	parser.add_argument("--site", default="bench.test")
	parser.add_argument("--bench", default=str(Path.home() / "frappe-bench"))
	parser.add_argument("--admin-password", default="admin")
	parser.add_argument("--user-password", default="Portal#Bench2026")
	parser.add_argument("--requests", type=int, default=30, help="sequential requests per view and kind")
	parser.add_argument("--users", type=int, default=50, help="concurrent users")
	parser.add_argument("--loops", type=int, default=5, help="rounds over the views per concurrent user")
	parser.add_argument("--max-seconds", type=float, default=180, help="time limit of the concurrent run")
	parser.add_argument(
		"--browser-url", help="also time clicks in Chromium against this server (one that serves /assets)"
	)
	parser.add_argument("--browser-user", help="the user of the browser run (default: the site's demo user)")
	args = parser.parse_args()

	bench = Path(args.bench)
	admin = Session(args.url, args.site).login("Administrator", args.admin_password)
	employees = prepare_employees(admin, bench, args.site, max(args.users - 1, 1), args.user_password)
	head = prepare_team(admin, bench, args.site, args.user_password)

	employee = Session(args.url, args.site).login(employees[0], args.user_password)
	supervisor = Session(args.url, args.site).login(head, args.user_password)
	spa = is_spa(employee)
	team = supervisor.json("GET", "/api/method/kinerja_asn.api.portal.get_team")["message"]
	size = len(team.get("staff", []))
	print(f"site {args.site} at {args.url}; portal: {'one shell page (SPA)' if spa else 'one page per view'}")
	print(f"times in ms, p50 / p95 of {args.requests} requests on loopback (≈ server time)\n")
	print("| Who | View | URL loaded directly | JSON call | Interaction after first load | Ratio (p95) |")
	print("|---|---|---|---|---|---|")
	for row in measure_sequential("Employee", employee, args.requests, spa):
		print(row)
	for row in measure_sequential(f"Supervisor of {size}", supervisor, args.requests, spa):
		print(row)
	me, _bad = timed(employee, "/me", args.requests)
	print(f"\nFrappe's own /me page (baseline): {figures(me)} ms\n")

	sessions = [
		Session(args.url, args.site).login(u, args.user_password) for u in employees[: args.users - 1]
	]
	sessions.append(Session(args.url, args.site).login(head, args.user_password))
	print("| Concurrent | Requests | First load p50 / p95 | Each interaction p50 / p95 | All p95 | Errors |")
	print("|---|---|---|---|---|---|")
	print(measure_concurrent(sessions, args.loops, args.max_seconds, spa))

	if args.browser_url and spa:
		print(
			"\nChromium, click on a navigation link until the view is drawn vs the endpoint fetched by the page"
		)
		print("| View | Click to drawn p50 / p95 | Fetch p50 / p95 | Ratio (p95) |")
		print("|---|---|---|---|")
		for row in measure_browser(
			args.browser_url.rstrip("/"), args.browser_user or head, args.user_password, args.requests
		):
			print(row)


if __name__ == "__main__":
	main()
