"""A fresh, small appraisal fixture on a served demo site, built and removed through Frappe's HTTP API as
Administrator (no code runs inside the bench): a new Appraisal Cycle for a supervisor and three of their staff
(demo users of one unit), SKP goals, and the ASN Appraisals with their rater tasks created by
kinerja_asn.penilaian_kinerja.cycle.create_asn_appraisals. `cleanup` cancels and deletes everything again.
"""

import http.cookiejar
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import date, timedelta

CYCLE_PREFIX = "Uji Portal Browser"


class ApiError(RuntimeError):
	def __init__(self, status: int, message: str):
		super().__init__(f"HTTP {status}: {message}")
		self.status = status


class Api:
	"""A logged-in HTTP session (cookie + CSRF token, as a browser would have) on the served site."""

	def __init__(self, base_url: str, site: str | None = None):
		self.base_url = base_url.rstrip("/")
		self.site = site  # sent as X-Frappe-Site-Name, for a server of several sites (gunicorn)
		self.jar = http.cookiejar.CookieJar()
		self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
		self.csrf_token = ""
		self.requests = 0

	def raw(
		self, method: str, path: str, data: dict | None = None, params: dict | None = None, form: bool = False
	) -> tuple[int, str]:
		"""(HTTP status, body text) of one request, whatever the status. `form`: send `data` form-encoded, as
		frappe.call does."""
		url = self.base_url + path + ("?" + encode(params) if params else "")
		if data is None:
			body = None
		else:
			body = (encode(data) if form else json.dumps(data)).encode()
		req = urllib.request.Request(url, data=body, method=method)
		req.add_header("Accept", "application/json")
		if self.site:
			req.add_header("X-Frappe-Site-Name", self.site)
		if body is not None:
			req.add_header(
				"Content-Type", "application/x-www-form-urlencoded" if form else "application/json"
			)
		if self.csrf_token:
			req.add_header("X-Frappe-CSRF-Token", self.csrf_token)
		self.requests += 1
		try:
			with self.opener.open(req, timeout=120) as response:
				return response.status, response.read().decode(errors="replace")
		except urllib.error.HTTPError as error:
			return error.code, error.read().decode(errors="replace")

	def request(self, method: str, path: str, data: dict | None = None, params: dict | None = None):
		"""The answer of one request as JSON (or text); ApiError on an HTTP error status."""
		status, text = self.raw(method, path, data, params)
		if status >= 400:
			raise ApiError(status, server_message(text))
		return json.loads(text) if text.strip().startswith(("{", "[")) else text

	def login(self, user: str, password: str) -> None:
		self.request("POST", "/api/method/login", {"usr": user, "pwd": password})
		page = self.request("GET", "/me")
		match = re.search(r'frappe\.csrf_token = "([^"]+)"', page if isinstance(page, str) else "")
		self.csrf_token = match.group(1) if match else ""

	def call(self, method: str, **args):
		return self.request("POST", f"/api/method/{method}", args).get("message")

	def get_list(self, doctype: str, filters: dict | list, fields: list[str], **extra) -> list[dict]:
		params = {"filters": filters, "fields": fields, "limit_page_length": 0, **extra}
		return self.request("GET", f"/api/resource/{urllib.parse.quote(doctype)}", params=params)["data"]

	def insert(self, doc: dict) -> dict:
		return self.request("POST", f"/api/resource/{urllib.parse.quote(doc['doctype'])}", doc)["data"]

	def update(self, doctype: str, name: str, values: dict) -> dict:
		path = f"/api/resource/{urllib.parse.quote(doctype)}/{urllib.parse.quote(name)}"
		return self.request("PUT", path, values)["data"]

	def delete(self, doctype: str, name: str) -> None:
		self.request("DELETE", f"/api/resource/{urllib.parse.quote(doctype)}/{urllib.parse.quote(name)}")


def encode(values: dict) -> str:
	"""Query-string / form encoding as frappe.call sends it: lists and dicts as JSON."""
	return urllib.parse.urlencode(
		{k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in values.items()}
	)


def server_message(text: str) -> str:
	try:
		data = json.loads(text)
	except ValueError:
		return text[:500]
	messages = []
	for m in json.loads(data.get("_server_messages") or "[]"):
		try:
			messages.append(json.loads(m).get("message", m))
		except (ValueError, AttributeError):
			messages.append(m)
	return " ".join(re.sub(r"<[^>]+>", "", str(m)) for m in messages) or data.get("exc_type") or text[:500]


@dataclass
class Person:
	key: str
	employee: str
	employee_name: str
	user: str
	appraisal: str = ""


@dataclass
class Fixture:
	cycle: str
	password: str
	people: dict[str, Person]
	tasks: dict[tuple[str, str], str] = field(
		default_factory=dict
	)  # (rater key, ratee key) -> Rater Feedback

	def task(self, rater: str, ratee: str) -> str:
		return self.tasks[(rater, ratee)]


def wait_for_server(base_url: str, timeout: float = 90, site: str | None = None) -> None:
	deadline = time.monotonic() + timeout
	while True:
		try:
			request = urllib.request.Request(base_url + "/api/method/ping")
			if site:
				request.add_header("X-Frappe-Site-Name", site)
			with urllib.request.urlopen(request, timeout=5) as response:
				if response.status == 200:
					return
		except (urllib.error.URLError, ConnectionError, TimeoutError):
			pass
		if time.monotonic() > deadline:
			raise TimeoutError(f"{base_url} did not answer within {timeout:.0f} s")
		time.sleep(1)


def build(admin: Api, supervisor_user: str, password: str) -> Fixture:
	"""The supervisor (by user) and the first three of their staff with a user: a new cycle for the four."""
	for old in admin.get_list("Appraisal Cycle", [["cycle_name", "like", f"{CYCLE_PREFIX}%"]], ["name"]):
		cleanup(admin, old["name"])
	[boss] = admin.get_list(
		"Employee",
		{"user_id": supervisor_user, "status": "Active"},
		["name", "employee_name", "user_id", "company"],
	)
	staff = admin.get_list(
		"Employee",
		[["reports_to", "=", boss["name"]], ["status", "=", "Active"], ["user_id", "is", "set"]],
		["name", "employee_name", "user_id"],
		order_by="name asc",
	)[:3]
	if len(staff) < 3:
		raise RuntimeError(f"{supervisor_user} needs three staff with users for the browser fixture")
	people = {"boss": Person("boss", boss["name"], boss["employee_name"], boss["user_id"])}
	for key, row in zip(("ratee", "peer", "other"), staff, strict=True):
		people[key] = Person(key, row["name"], row["employee_name"], row["user_id"])

	# demo users have the demo password; set it only where it does not work (e.g. demo loaded without it)
	for person in people.values():
		try:
			Api(admin.base_url).login(person.user, password)
		except ApiError:
			admin.update("User", person.user, {"new_password": password})

	today = date.today()
	cycle = admin.insert(
		{
			"doctype": "Appraisal Cycle",
			"cycle_name": f"{CYCLE_PREFIX} {time.strftime('%Y%m%d-%H%M%S')}",
			"company": boss["company"],
			"start_date": "2026-10-01",
			"end_date": "2026-12-31",
			"kra_evaluation_method": "Manual Rating",
			"kinerja_period_type": "Periodik",
			"kinerja_period_label": "Triwulan IV",
			"feedback_deadline": (today + timedelta(days=30)).isoformat(),
			"appraisees": [{"employee": p.employee} for p in people.values()],
		}
	)["name"]
	for person in people.values():
		for goal, target, realisasi in (
			("Layanan administrasi tepat waktu", 100, 97),
			("Laporan bulanan", 3, 3),
		):
			admin.insert(
				{
					"doctype": "Goal",
					"goal_name": goal,
					"employee": person.employee,
					"appraisal_cycle": cycle,
					"start_date": "2026-10-01",
					"end_date": "2026-12-31",
					"jenis_rhk": "Utama",
					"iki": f"Persentase {goal.lower()}",
					"target_value": target,
					"realisasi_value": realisasi,
				}
			)
	result = admin.call("kinerja_asn.penilaian_kinerja.cycle.create_asn_appraisals", appraisal_cycle=cycle)
	if result.get("created") != len(people):
		raise RuntimeError(f"create_asn_appraisals: {result}")
	fixture = Fixture(cycle=cycle, password=password, people=people)
	by_employee = {p.employee: p for p in people.values()}
	for row in admin.get_list(
		"ASN Appraisal", {"appraisal_cycle": cycle, "docstatus": ["<", 2]}, ["name", "employee"]
	):
		by_employee[row["employee"]].appraisal = row["name"]
	appraisal_owner = {p.appraisal: p.key for p in people.values()}
	for row in admin.get_list(
		"Rater Feedback", {"appraisal_cycle": cycle}, ["name", "asn_appraisal", "rater"]
	):
		rater = by_employee.get(row["rater"])
		if rater:
			fixture.tasks[(rater.key, appraisal_owner[row["asn_appraisal"]])] = row["name"]
	return fixture


def cleanup(admin: Api, cycle: str) -> None:
	"""Remove a fixture cycle with everything made for it (feedback, appraisals, goals). Feedback is withdrawn
	only while the window is open: HR reopens it first, as the error message tells."""
	reopen = (date.today() + timedelta(days=30)).isoformat()
	admin.update("Appraisal Cycle", cycle, {"feedback_deadline": reopen})
	for row in admin.get_list("Rater Feedback", {"appraisal_cycle": cycle}, ["name", "docstatus"]):
		if row["docstatus"] == 1:
			admin.call("frappe.client.cancel", doctype="Rater Feedback", name=row["name"])
		admin.delete("Rater Feedback", row["name"])
	for doctype in ("ASN Appraisal", "Appraisal"):
		for row in admin.get_list(doctype, {"appraisal_cycle": cycle}, ["name", "docstatus"]):
			if row["docstatus"] == 1:
				admin.call("frappe.client.cancel", doctype=doctype, name=row["name"])
			admin.delete(doctype, row["name"])
	for row in admin.get_list("Goal", {"appraisal_cycle": cycle}, ["name"], order_by="lft desc"):
		admin.delete("Goal", row["name"])
	admin.delete("Appraisal Cycle", cycle)
