"""/kinerja/tugas — Tugas Penilaian: my rater tasks; with ?name=<Rater Feedback> (or /kinerja/tugas/<name>
through a website route rule) the feedback form of one task. Data from kinerja_asn.api.portal."""

import frappe
from frappe import _

from kinerja_asn.api import portal

no_cache = 1


def get_context(context):
	name = frappe.form_dict.get("name")
	if name:
		portal.prepare_page(context, "tugas", _("Fill in Rater Task"))
		context.parents = [{"route": "/kinerja/tugas", "title": _("Rater Tasks")}]
		context.task = portal.get_task(name)  # PermissionError (403 page) unless I am the rater
		context.tasks = None
	else:
		portal.prepare_page(context, "tugas", _("Rater Tasks"))
		context.parents = [{"route": "/kinerja", "title": _("My Appraisals")}]
		context.task = None
		context.tasks = portal.get_my_tasks()
		context.sent_name = frappe.form_dict.get("sent")
