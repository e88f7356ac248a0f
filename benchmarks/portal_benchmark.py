"""Server time of the self-service portal pages (/kinerja ...) on a served site: figures, never a timed test.

How to run (on the bench machine; Python ≥ 3.10, standard library only):

	# 1. a generated regency on a dedicated site (6,000 ASN, ~36,000 Rater Feedback; no users)
	bench --site bench.test execute kinerja_asn.benchmarks.regency.generate
	# 2. serve it, production-like (gunicorn, 4 workers) — or `bench --site bench.test serve --port 8030`
	cd ~/frappe-bench/sites && ../env/bin/gunicorn -b 127.0.0.1:8030 -w 4 -t 120 frappe.app:application
	# 3. measure (another shell); the first run also prepares the users and the 40-person team (below)
	python benchmarks/portal_benchmark.py --url http://127.0.0.1:8030 --site bench.test \
		--bench ~/frappe-bench --admin-password admin

What it measures, against the target p95 < 300 ms:
- a typical employee (a generated "BM Pelaksana" with ~6 raters and ~6 rater tasks) and a supervisor of 40
  people: each page (Penilaian Saya, Tugas Penilaian, one task form, Tim Saya, Panduan) `--requests` times
  in a row after a warm-up: p50 / p95 / max of the response time measured on loopback (≈ server time);
- 20 concurrent users (`--users`; typical employees and the supervisor), each looping over the pages at most
  `--loops` times and for at most `--max-seconds`: throughput, p50 / p95 / max, errors.

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
from pathlib import Path

REGENCY_CYCLE = "Benchmark Kabupaten 2026"
TEAM_CYCLE = "BMP Portal 2026"
TEAM_DEPARTMENT = "BMP Portal Benchmark"
TEAM_SIZE = 40
USER_DOMAIN = "bench.test"
TARGET_MS = 300.0


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
		sys.exit(f"bench.test has no generated regency ({REGENCY_CYCLE}): run regency.generate first")
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


BASELINE = [("(Frappe's /me)", "/me")]
ENDPOINTS = [
	("get_my_appraisals", "/api/method/kinerja_asn.api.portal.get_my_appraisals"),
	("get_my_tasks", "/api/method/kinerja_asn.api.portal.get_my_tasks"),
	("get_team", "/api/method/kinerja_asn.api.portal.get_team"),
	("get_guide", "/api/method/kinerja_asn.api.portal.get_guide"),
]


def pages_of(session: Session) -> list[tuple[str, str]]:
	tasks = session.json("GET", "/api/method/kinerja_asn.api.portal.get_my_tasks")["message"]
	first = (tasks["open"] or tasks["sent"] or [{}])[0].get("name")
	pages = [("Penilaian Saya", "/kinerja"), ("Tugas Penilaian", "/kinerja/tugas")]
	if first:
		pages.append(("task form", f"/kinerja/tugas?name={urllib.parse.quote(first)}"))
	pages += [("Tim Saya", "/kinerja/tim"), ("Panduan", "/kinerja/panduan")]
	return pages


def summary(times: list[float]) -> str:
	ordered = sorted(times)
	p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]  # nearest rank
	flag = "ok" if p95 < TARGET_MS else "OVER TARGET"
	return (
		f"p50 {statistics.median(ordered):7.1f} ms  p95 {p95:7.1f} ms  max {ordered[-1]:7.1f} ms"
		f"  (n={len(ordered)}, {flag})"
	)


def measure_sequential(label: str, session: Session, requests: int) -> None:
	print(f"\n{label}")
	for name, path in [*pages_of(session), *ENDPOINTS, *BASELINE]:
		for _ in range(3):  # warm-up: imports, caches
			session.timed_get(path)
		times, bad = [], 0
		for _ in range(requests):
			ms, status = session.timed_get(path)
			times.append(ms)
			bad += status != 200
		print(f"  {name:<18} {summary(times)}{f'  {bad} non-200' if bad else ''}")


def measure_concurrent(sessions: list[Session], loops: int, max_seconds: float) -> None:
	plans = [pages_of(s) for s in sessions]
	times: list[float] = []
	errors: list[str] = []
	lock = threading.Lock()
	deadline = time.monotonic() + max_seconds
	barrier = threading.Barrier(len(sessions))

	def user(session: Session, pages: list[tuple[str, str]]) -> None:
		barrier.wait()
		for _ in range(loops):
			for _name, path in pages:
				if time.monotonic() > deadline:
					return
				ms, status = session.timed_get(path)
				with lock:
					times.append(ms)
					if status != 200:
						errors.append(f"{path}: {status}")

	started = time.monotonic()
	threads = [threading.Thread(target=user, args=(s, p)) for s, p in zip(sessions, plans, strict=True)]
	for thread in threads:
		thread.start()
	for thread in threads:
		thread.join()
	elapsed = time.monotonic() - started
	print(f"\n{len(sessions)} concurrent users, {elapsed:.1f} s, {len(times) / elapsed:.1f} pages/s")
	print(f"  all pages          {summary(times)}")
	if errors:
		print(f"  {len(errors)} errors, e.g. {errors[:3]}")


def main() -> None:
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("--url", default="http://127.0.0.1:8030")
	parser.add_argument("--site", default="bench.test")
	parser.add_argument("--bench", default=str(Path.home() / "frappe-bench"))
	parser.add_argument("--admin-password", default="admin")
	parser.add_argument("--user-password", default="Portal#Bench2026")
	parser.add_argument("--requests", type=int, default=50, help="sequential requests per page")
	parser.add_argument("--users", type=int, default=20, help="concurrent users")
	parser.add_argument("--loops", type=int, default=5, help="page rounds per concurrent user (at most)")
	parser.add_argument("--max-seconds", type=float, default=120, help="time limit of the concurrent run")
	args = parser.parse_args()

	bench = Path(args.bench)
	admin = Session(args.url, args.site).login("Administrator", args.admin_password)
	employees = prepare_employees(admin, bench, args.site, max(args.users - 1, 1), args.user_password)
	head = prepare_team(admin, bench, args.site, args.user_password)

	employee = Session(args.url, args.site).login(employees[0], args.user_password)
	supervisor = Session(args.url, args.site).login(head, args.user_password)
	team = supervisor.json("GET", "/api/method/kinerja_asn.api.portal.get_team")["message"]
	print(f"site {args.site} at {args.url}; supervisor's team: {len(team.get('staff', []))} people")
	measure_sequential(f"typical employee ({employees[0]})", employee, args.requests)
	measure_sequential(f"supervisor of {len(team.get('staff', []))} ({head})", supervisor, args.requests)

	sessions = [
		Session(args.url, args.site).login(u, args.user_password) for u in employees[: args.users - 1]
	]
	sessions.append(Session(args.url, args.site).login(head, args.user_password))
	measure_concurrent(sessions, args.loops, args.max_seconds)


if __name__ == "__main__":
	main()
