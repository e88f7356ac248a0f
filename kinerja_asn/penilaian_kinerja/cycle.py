"""From an HRMS Appraisal Cycle to ASN Appraisals and their raters.

HR runs `create_asn_appraisals` from the cycle: one ASN Appraisal per appraisee (linked to the HRMS
Appraisal that holds the SKP), and a draft Rater Feedback per rater assigned from the hierarchy (the rater's
task). Re-running creates nothing twice. Large cycles run in a background job with progress.
"""

from collections import defaultdict

import frappe
from frappe import _
from frappe.model.naming import parse_naming_series
from frappe.utils import cint, now
from frappe.utils.password import get_encryption_key

from kinerja_asn import access
from kinerja_asn.penilaian_kinerja import lifecycle
from kinerja_asn.penilaian_kinerja.rollup import ROLLUP_KEYS
from kinerja_asn.scoring.raters import Directory, Person, assign_raters
from kinerja_asn.settings import get_settings

BACKGROUND_THRESHOLD = 30
FEEDBACK_SERIES = "RF-.YYYY.-"  # the naming series of Rater Feedback


@frappe.whitelist(methods=["POST"])
def create_asn_appraisals(appraisal_cycle: str) -> dict:
	access.require(access.is_hr(), _("Only HR can create the ASN Appraisals of a cycle."))
	frappe.has_permission("ASN Appraisal", "create", throw=True)
	cycle = frappe.get_doc("Appraisal Cycle", appraisal_cycle)
	cycle.check_permission("read")
	if cycle.status == "Completed":
		frappe.throw(_("Appraisal Cycle {0} is completed.").format(frappe.bold(cycle.name)))
	if not cycle.appraisees:
		frappe.throw(
			_("Appraisal Cycle {0} has no appraisees. Use Get Employees in the cycle first.").format(
				frappe.bold(cycle.name)
			)
		)
	if len(cycle.appraisees) > BACKGROUND_THRESHOLD:
		frappe.enqueue(
			create_for_cycle,
			queue="long",
			timeout=3600,
			job_id=f"kinerja_asn::create_asn_appraisals::{cycle.name}",
			deduplicate=True,
			appraisal_cycle=cycle.name,
			publish_progress=True,
		)
		frappe.msgprint(
			_("Creating ASN Appraisals for {0} employees in the background.").format(len(cycle.appraisees)),
			alert=True,
		)
		return {"queued": True}
	return create_for_cycle(cycle.name)


def create_for_cycle(appraisal_cycle: str, publish_progress: bool = False) -> dict:
	cycle = frappe.get_doc("Appraisal Cycle", appraisal_cycle)
	create_hrms_appraisals(cycle)
	directory = get_directory(cycle.company)
	existing = dict(
		frappe.get_all(
			"ASN Appraisal",
			filters={"appraisal_cycle": cycle.name, "docstatus": ("<", 2)},
			fields=["employee", "name"],
			as_list=True,
		)
	)
	peers = get_settings().peers_to_assign or 0
	seed = peer_seed(cycle.name)
	created, skipped, failed_raters = 0, [], []
	appraisals: dict[str, str] = {}
	total = len(cycle.appraisees)
	for idx, appraisee in enumerate(cycle.appraisees, start=1):
		name = existing.get(appraisee.employee)
		if not name:
			frappe.db.savepoint("kinerja_asn_appraisal")
			try:
				name = (
					frappe.get_doc(
						{
							"doctype": "ASN Appraisal",
							"employee": appraisee.employee,
							"appraisal_cycle": cycle.name,
						}
					)
					.insert()
					.name
				)
				created += 1
			except frappe.ValidationError as error:
				# e.g. no position profile: report it and go on with the others
				frappe.db.rollback(save_point="kinerja_asn_appraisal")
				frappe.clear_last_message()
				skipped.append({"employee": appraisee.employee, "reason": str(error)})
				continue
		appraisals[appraisee.employee] = name
		if publish_progress and (idx % 50 == 0 or idx == total):
			frappe.publish_progress(
				idx * 90 / total, title=_("Creating ASN Appraisals..."), description=appraisee.employee
			)
	raters = create_rater_tasks(cycle.name, appraisals, directory, peers, seed, failed_raters)
	access.grant_supervisor_role({p.reports_to for p in directory.people.values() if p.reports_to})
	result = {"created": created, "raters": raters, "skipped": skipped, "failed_raters": failed_raters}
	if publish_progress:  # a background job: the result goes to the HR user who started it
		report_result(cycle.name, result)
	return result


def report_result(appraisal_cycle: str, result: dict) -> None:
	"""A notification to the user who ran the job: what was created, and who failed and why (only to them:
	failed rater tasks name raters)."""
	problems = [f"{row['employee']}: {row['reason']}" for row in result["skipped"]] + [
		f"{row['employee']} / {row['rater']}: {row['reason']}" for row in result["failed_raters"]
	]
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"for_user": frappe.session.user,
			"type": "Alert",
			"subject": _("{0}: {1} ASN Appraisals and {2} rater tasks created, {3} problems").format(
				appraisal_cycle, result["created"], result["raters"], len(problems)
			),
			"email_content": "<br>".join(frappe.utils.escape_html(p) for p in problems) or None,
			"document_type": "Appraisal Cycle",
			"document_name": appraisal_cycle,
		}
	).insert(ignore_permissions=True)


def peer_seed(appraisal_cycle: str) -> str:
	"""Seed of the random peer choice: the cycle and a secret of the site, so that nobody outside the server
	can predict who rates whom, and re-running the assignment picks the same peers."""
	return f"{get_encryption_key()}\x1f{appraisal_cycle}"


def create_hrms_appraisals(cycle) -> None:
	"""HRMS's own Appraisal per appraisee who has none in the cycle yet (it holds the KRAs/goals)."""
	from hrms.hr.doctype.appraisal_cycle.appraisal_cycle import create_appraisals_for_cycle

	have = set(
		frappe.get_all(
			"Appraisal", filters={"appraisal_cycle": cycle.name, "docstatus": ("<", 2)}, pluck="employee"
		)
	)
	missing = [row for row in cycle.appraisees if row.employee not in have]
	if not missing:
		return
	appraisees = cycle.appraisees
	cycle.appraisees = missing  # HRMS walks cycle.appraisees; the cycle is not saved here
	frappe.db.savepoint("kinerja_asn_hrms_appraisals")
	try:
		create_appraisals_for_cycle(cycle)
	except frappe.ValidationError:
		# e.g. a template with wrong weightage: the ASN Appraisals do not depend on it
		frappe.db.rollback(save_point="kinerja_asn_hrms_appraisals")
		frappe.clear_last_message()
		frappe.log_error(title=f"kinerja_asn: HRMS appraisals not created for {cycle.name}")
	finally:
		cycle.appraisees = appraisees


def get_directory(company: str) -> Directory:
	"""All active employees of the company, in one query, indexed for rater assignment."""
	return Directory.of(
		[
			Person(e.name, e.reports_to, e.department)
			for e in frappe.get_all(
				"Employee",
				filters={"company": company, "status": "Active"},
				fields=["name", "reports_to", "department"],
			)
		]
	)


def create_rater_tasks(
	appraisal_cycle: str,
	appraisals: dict[str, str],
	directory: Directory,
	peers_to_assign: int,
	seed: str,
	failures: list[dict],
) -> int:
	"""The missing draft Rater Feedback (rater tasks) of many appraisals ({employee: appraisal}), set-based: a
	handful of queries and bulk inserts for the whole cycle instead of a document insert per task.

	The tasks are exactly what the Rater Feedback controller would make (the pure core's assign_raters picks
	the raters and roles, rows for the appraisal's competencies and every core value); an appraisal whose
	feedback is closed (lifecycle.feedback_closed) gets none, and each of its tasks is reported in `failures`.
	"""
	if not appraisals:
		return 0
	names = list(appraisals.values())
	cycle = frappe.db.get_value(
		"Appraisal Cycle", appraisal_cycle, ["name", "status", "feedback_deadline"], as_dict=True
	)
	states = {
		row.name: row
		for row in frappe.get_all(
			"ASN Appraisal",
			filters={"name": ("in", names)},
			fields=[*lifecycle.APPRAISAL_STATE, "employee_name"],
		)
	}
	have: dict[str, set[str]] = defaultdict(set)
	for row in frappe.get_all(
		"Rater Feedback",
		filters={"asn_appraisal": ("in", names), "docstatus": ("<", 2)},
		fields=["asn_appraisal", "rater"],
	):
		have[row.asn_appraisal].add(row.rater)
	competencies: dict[str, list[str]] = defaultdict(list)
	for row in frappe.get_all(
		"ASN Appraisal Competency",
		filters={"parent": ("in", names), "parenttype": "ASN Appraisal"},
		fields=["parent", "competency"],
		order_by="idx asc",
	):
		competencies[row.parent].append(row.competency)
	values = frappe.get_all("Core Value", order_by="sequence asc", pluck="name")

	tasks = []
	for employee, appraisal in appraisals.items():
		person = directory.people.get(employee) or Person(employee)
		wanted = [
			(rater, role)
			for rater, role in assign_raters(person, directory, peers_to_assign, seed)
			if rater not in have[appraisal]
		]
		closed = lifecycle.feedback_closed(states[appraisal], cycle)
		if closed:
			failures.extend(
				{"employee": employee, "rater": rater, "reason": closed} for rater, _role in wanted
			)
			continue
		tasks.extend((appraisal, employee, rater, role) for rater, role in wanted)
	if not tasks:
		return 0

	people = {
		e.name: e
		for e in frappe.get_all(
			"Employee",
			filters={"name": ("in", list({t[2] for t in tasks}))},
			fields=["name", "employee_name", "user_id"],
		)
	}
	stamp, user = now(), frappe.session.user
	parents, competency_rows, behaviour_rows = [], [], []
	for (appraisal, employee, rater, role), name in zip(
		tasks, reserve_names(FEEDBACK_SERIES, len(tasks)), strict=True
	):
		rater_row = people.get(rater) or frappe._dict()
		parents.append(
			(
				name, stamp, stamp, user, user, 0, FEEDBACK_SERIES, appraisal, employee,
				states[appraisal].employee_name, appraisal_cycle, rater, rater_row.employee_name,
				rater_row.user_id, role, 0,
			)
		)  # fmt: skip
		for idx, competency in enumerate(competencies[appraisal], 1):
			competency_rows.append(
				(
					frappe.generate_hash(length=10),
					name,
					"Rater Feedback",
					"competency_ratings",
					idx,
					competency,
					0,
					appraisal,
					role,
				)
			)
		for idx, value in enumerate(values, 1):
			behaviour_rows.append(
				(
					frappe.generate_hash(length=10),
					name,
					"Rater Feedback",
					"behaviour_ratings",
					idx,
					value,
					0,
					appraisal,
					role,
				)
			)
	child = ["name", "parent", "parenttype", "parentfield", "idx"]
	frappe.db.bulk_insert(
		"Rater Feedback",
		[
			"name", "creation", "modified", "owner", "modified_by", "docstatus", "naming_series",
			"asn_appraisal", "employee", "employee_name", "appraisal_cycle", "rater", "rater_name",
			"rater_user", "rater_role", "former_supervisor",
		],
		parents,
	)  # fmt: skip
	# the roll-up's keys on every rating row, as RaterFeedback.set_rollup_keys sets them (rollup.ROLLUP_KEYS)
	frappe.db.bulk_insert(
		"Rater Competency Rating", [*child, "competency", "level", *ROLLUP_KEYS], competency_rows
	)
	frappe.db.bulk_insert(
		"Rater Behaviour Rating", [*child, "core_value", "score", *ROLLUP_KEYS], behaviour_rows
	)
	return len(tasks)


def reserve_names(series: str, count: int) -> list[str]:
	"""`count` consecutive names of a naming series, with one locked update of its counter (Frappe's getseries
	takes one update per name)."""
	found = {}

	def remember(key: str, digits: int) -> str:
		found.update(key=key, digits=digits)
		return ""

	parse_naming_series(series if "#" in series else f"{series}.#####", number_generator=remember)
	key, digits = found["key"], found["digits"]
	Series = frappe.qb.DocType("Series")
	current = frappe.qb.from_(Series).select(Series.current).where(Series.name == key).for_update().run()
	start = cint(current[0][0]) if current else 0
	if current:
		frappe.qb.update(Series).set(Series.current, start + count).where(Series.name == key).run()
	else:
		frappe.qb.into(Series).columns("name", "current").insert(key, count).run()
	return [f"{key}{n:0{digits}d}" for n in range(start + 1, start + count + 1)]
