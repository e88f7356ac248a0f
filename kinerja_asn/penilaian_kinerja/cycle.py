"""From an HRMS Appraisal Cycle to ASN Appraisals and their raters.

HR runs `create_asn_appraisals` from the cycle: one ASN Appraisal per appraisee (linked to the HRMS
Appraisal that holds the SKP), and a draft Rater Feedback per rater assigned from the hierarchy (the rater's
task). Re-running creates nothing twice. Large cycles run in a background job with progress.
"""

import frappe
from frappe import _
from frappe.utils.password import get_encryption_key

from kinerja_asn import access
from kinerja_asn.scoring.raters import Directory, Person, assign_raters
from kinerja_asn.settings import get_settings

BACKGROUND_THRESHOLD = 30


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
	created, raters, skipped, failed_raters = 0, 0, [], []
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
		raters += add_raters(name, appraisee.employee, directory, peers, seed, failed_raters)
		if publish_progress:
			frappe.publish_progress(
				idx * 100 / total, title=_("Creating ASN Appraisals..."), description=appraisee.employee
			)
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
	"""HRMS's own Appraisal per appraisee (it holds the KRAs/goals); HRMS skips existing and overlapping ones."""
	from hrms.hr.doctype.appraisal_cycle.appraisal_cycle import create_appraisals_for_cycle

	frappe.db.savepoint("kinerja_asn_hrms_appraisals")
	try:
		create_appraisals_for_cycle(cycle)
	except frappe.ValidationError:
		# e.g. a template with wrong weightage: the ASN Appraisals do not depend on it
		frappe.db.rollback(save_point="kinerja_asn_hrms_appraisals")
		frappe.clear_last_message()
		frappe.log_error(title=f"kinerja_asn: HRMS appraisals not created for {cycle.name}")


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


def add_raters(
	asn_appraisal: str,
	employee: str,
	directory: Directory,
	peers_to_assign: int,
	seed: str,
	failures: list[dict] | None = None,
) -> int:
	"""Create the missing draft Rater Feedback (rater tasks) of one appraisal. A task that cannot be created
	(e.g. the feedback window is closed) is reported in `failures` and the others are still created."""
	person = directory.people.get(employee) or Person(employee)
	have = set(
		frappe.get_all(
			"Rater Feedback",
			filters={"asn_appraisal": asn_appraisal, "docstatus": ("<", 2)},
			pluck="rater",
		)
	)
	count = 0
	for rater, role in assign_raters(person, directory, peers_to_assign, seed):
		if rater in have:
			continue
		frappe.db.savepoint("kinerja_asn_rater")
		try:
			frappe.get_doc(
				{
					"doctype": "Rater Feedback",
					"asn_appraisal": asn_appraisal,
					"rater": rater,
					"rater_role": role,
				}
			).insert()
		except frappe.ValidationError as error:
			frappe.db.rollback(save_point="kinerja_asn_rater")
			frappe.clear_last_message()
			if failures is None:
				raise
			failures.append({"employee": employee, "rater": rater, "reason": str(error)})
			continue
		count += 1
	return count
