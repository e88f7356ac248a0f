"""Daily reminders for pending Rater Feedback, and escalation of overdue ones to the rater's supervisor.

A pending task (Rater Feedback in draft, of a draft ASN Appraisal, in a cycle that is not Completed and has a
feedback_deadline) is reminded at the configured days before the deadline (stage "H-n") and, once the
deadline has passed, escalated to the supervisor (reports_to) of the rater (stage "Eskalasi"); the stage rule
is kinerja_asn.scoring.development.reminder_stage. Each recipient gets one system notification (Notification
Log) and one e-mail per stage listing their tasks, in their language. A Feedback Reminder Log row per task and
stage (named "<task>-<stage>") makes re-runs send nothing twice.

Escalations name the raters and how many tasks each has open, never whom those tasks are about; and a task
is never escalated to the person it rates (upward feedback: the rater's supervisor is the person rated), see
kinerja_asn.access.escalation_recipient.
"""

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import add_days, cint, date_diff, escape_html, format_date, get_url, getdate, now, today

from kinerja_asn import access
from kinerja_asn.pengembangan.doctype.feedback_reminder_log.feedback_reminder_log import marker_name
from kinerja_asn.scoring import development
from kinerja_asn.settings import get_settings

REMINDER = "reminder"
ESCALATION = "escalation"
NOTHING = {"reminders": 0, "escalations": 0, "notified": 0, "emailed": 0}


def settings_values() -> tuple[bool, tuple[int, ...], bool]:
	"""(reminders on, days before the deadline, escalate overdue); both switches are "do not" checks, so a
	site that never saved them (or does not have them yet) reminds and escalates."""
	s = get_settings()
	return (
		not cint(s.get("disable_feedback_reminders")),
		development.reminder_days(s.get("feedback_reminder_days")),
		not cint(s.get("disable_feedback_escalation")),
	)


def pending_tasks(on: str, days_before: tuple[int, ...]) -> list[frappe._dict]:
	"""Draft Rater Feedback whose cycle deadline lies between the escalation window and the last reminder."""
	RF = frappe.qb.DocType("Rater Feedback")
	A = frappe.qb.DocType("ASN Appraisal")
	C = frappe.qb.DocType("Appraisal Cycle")
	latest = add_days(on, max(days_before, default=0))
	earliest = add_days(on, -development.DEFAULT_ESCALATION_WINDOW)
	return (
		frappe.qb.from_(RF)
		.join(A)
		.on(A.name == RF.asn_appraisal)
		.join(C)
		.on(C.name == A.appraisal_cycle)
		.select(
			RF.name,
			RF.rater,
			RF.rater_name,
			RF.rater_user,
			RF.rater_role,
			RF.employee_name,
			A.employee.as_("appraisee"),
			A.evaluator,
			C.name.as_("appraisal_cycle"),
			C.feedback_deadline.as_("deadline"),
		)
		.where(
			(RF.docstatus == 0)
			& (A.docstatus == 0)
			& (C.status != "Completed")
			& C.feedback_deadline.isnotnull()
			& (C.feedback_deadline >= earliest)
			& (C.feedback_deadline <= latest)
		)
		.orderby(C.feedback_deadline)
		.orderby(RF.name)
		.run(as_dict=True)
	)


def send_feedback_reminders() -> dict:
	"""Scheduled daily. Returns tasks reminded and escalated, and recipients notified and e-mailed."""
	enabled, days_before, escalate = settings_values()
	if not enabled:
		return dict(NOTHING)
	on = getdate(today())
	due = []
	for task in pending_tasks(on, days_before):
		stage = development.reminder_stage(date_diff(task.deadline, on), days_before, escalate)
		if stage:
			due.append((task, stage))
	if not due:
		return dict(NOTHING)

	sent = set(
		frappe.get_all(
			"Feedback Reminder Log",
			filters={"name": ("in", [marker_name(t.name, stage) for t, stage in due])},
			pluck="name",
		)
	)
	overdue = [t for t, stage in due if stage == development.ESCALATION]
	bosses = reports_to({t.rater for t in overdue})
	users = employee_users({*bosses.values(), *(t.evaluator for t in overdue if t.evaluator)})
	groups: dict[tuple[str, str, str, str], list[frappe._dict]] = defaultdict(list)
	for task, stage in due:
		if marker_name(task.name, stage) in sent:
			continue
		if stage == development.ESCALATION:
			recipient = users.get(access.escalation_recipient(task, bosses.get(task.rater)))
			kind = ESCALATION
		else:
			recipient = task.rater_user
			kind = REMINDER
		if recipient:  # one notification per recipient, kind, stage and cycle (each cycle has its deadline)
			groups[(recipient, kind, stage, task.appraisal_cycle)].append(task)

	counts = dict(NOTHING)
	details = user_details([key[0] for key in groups])
	for (recipient, kind, stage, _cycle), tasks in groups.items():
		user = details.get(recipient)
		if not user:
			continue  # disabled or missing user: nothing is marked, so it is tried again next run
		mark(tasks, stage, recipient)
		emailed = notify(user, kind, tasks)
		counts["escalations" if kind == ESCALATION else "reminders"] += len(tasks)
		counts["notified"] += 1
		counts["emailed"] += int(emailed)
	if counts["notified"] > counts["emailed"]:
		frappe.log_error(
			_("Kinerja ASN: {0} feedback reminders were not e-mailed (no outgoing e-mail account?)").format(
				counts["notified"] - counts["emailed"]
			),
			reference_doctype="Kinerja ASN Settings",
		)
	return counts


def reports_to(employees: set[str]) -> dict[str, str]:
	"""Employee -> their supervisor (reports_to)."""
	return dict(
		frappe.get_all(
			"Employee",
			filters={"name": ("in", list(employees) or [""]), "reports_to": ("is", "set")},
			fields=["name", "reports_to"],
			as_list=True,
		)
	)


def employee_users(employees: set[str]) -> dict[str, str]:
	"""Employee -> their User, for active employees with one."""
	return dict(
		frappe.get_all(
			"Employee",
			filters={"name": ("in", list(employees) or [""]), "status": "Active", "user_id": ("is", "set")},
			fields=["name", "user_id"],
			as_list=True,
		)
	)


def user_details(names: list[str]) -> dict[str, frappe._dict]:
	if not names:
		return {}
	default_language = frappe.db.get_single_value("System Settings", "language") or "en"
	rows = frappe.get_all(
		"User",
		filters={"name": ("in", list(set(names))), "enabled": 1},
		fields=["name", "email", "full_name", "language"],
	)
	return {row.name: frappe._dict(row, language=row.language or default_language) for row in rows}


def mark(tasks: list[frappe._dict], stage: str, recipient: str) -> None:
	stamp = now()
	frappe.db.bulk_insert(
		"Feedback Reminder Log",
		[
			"name",
			"rater_feedback",
			"stage",
			"recipient",
			"appraisal_cycle",
			"deadline",
			"sent_on",
			"creation",
			"modified",
			"owner",
			"modified_by",
		],
		[
			(
				marker_name(t.name, stage),
				t.name,
				stage,
				recipient,
				t.appraisal_cycle,
				t.deadline,
				stamp,
				stamp,
				stamp,
				"Administrator",
				"Administrator",
			)
			for t in tasks
		],
		ignore_duplicates=True,
	)


def task_route(name: str) -> str:
	"""The rater's task page: the portal's when the app has it, else the desk form."""
	if portal_page_exists("tugas"):
		return f"/kinerja/tugas?name={name}"
	return f"/app/rater-feedback/{name}"


def portal_page_exists(page: str) -> bool:
	import os

	folder = frappe.get_app_path("kinerja_asn", "www", "kinerja", page)
	return os.path.isdir(folder) or os.path.exists(f"{folder}.html")


def notify(user: frappe._dict, kind: str, tasks: list[frappe._dict]) -> bool:
	"""One Notification Log and one e-mail for a recipient's tasks of one stage; False if not e-mailed."""
	lang = user.language
	deadline = format_date(tasks[0].deadline)
	cycle = tasks[0].appraisal_cycle
	if kind == REMINDER:
		subject = _("Reminder: {0} rater feedback to give before {1}", lang=lang).format(len(tasks), deadline)
		intro = _(
			"You still have rater feedback to give in appraisal cycle {0}. The deadline is {1}; after it the "
			"feedback can no longer be given.",
			lang=lang,
		).format(escape_html(cycle), deadline)
		lines = [
			f'<a href="{get_url(task_route(t.name))}">{escape_html(t.employee_name or "")}</a> '
			f"({_(t.rater_role or '', lang=lang)})"
			for t in tasks
		]
		link = task_route(tasks[0].name) if len(tasks) == 1 else "/app/rater-feedback?docstatus=0"
		if len(tasks) > 1 and portal_page_exists("tugas"):
			link = "/kinerja/tugas"
	else:
		subject = _("Overdue rater feedback in your team: {0} tasks", lang=lang).format(len(tasks))
		intro = _(
			"The feedback deadline of appraisal cycle {0} was {1}. These members of your team still have rater "
			"feedback open. Please follow up with them; HR can extend the deadline if the feedback is still "
			"needed.",
			lang=lang,
		).format(escape_html(cycle), deadline)
		per_rater: dict[str, int] = defaultdict(int)
		for t in tasks:
			per_rater[t.rater_name or t.rater] += 1
		lines = [
			_("{0}: {1} open", lang=lang).format(escape_html(name), count)
			for name, count in sorted(per_rater.items())
		]
		link = None
	items = "".join(f"<li>{line}</li>" for line in lines)
	body = f"<p>{intro}</p><ul>{items}</ul>"

	log = frappe.new_doc("Notification Log")
	log.update(
		{
			"for_user": user.name,
			"type": "Alert",
			"subject": subject,
			"email_content": body,
			"document_type": "Rater Feedback" if kind == REMINDER else "Appraisal Cycle",
			"document_name": tasks[0].name if kind == REMINDER else cycle,
			"link": link,
		}
	)
	log.insert(ignore_permissions=True)
	if not user.email:
		return False
	try:
		frappe.sendmail(
			recipients=[user.email],
			subject=subject,
			message=body,
			reference_doctype="Rater Feedback" if kind == REMINDER else "Appraisal Cycle",
			reference_name=tasks[0].name if kind == REMINDER else cycle,
			delayed=True,
		)
	except frappe.OutgoingEmailError:
		frappe.clear_last_message()
		return False  # no outgoing e-mail account: the system notification is still there
	return True
