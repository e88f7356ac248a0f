"""doc_events for ERPNext's Employee: NIP, ASN status, golongan and the job group of the position."""

import frappe
from frappe import _

from kinerja_asn import access
from kinerja_asn.kompetensi.doctype.position_competency_profile.position_competency_profile import (
	get_job_group,
)
from kinerja_asn.rules import rule_errors
from kinerja_asn.scoring.nip import validate_nip
from kinerja_asn.setup.custom_fields import PNS_GOLONGAN, PPPK_GOLONGAN


def validate(doc, method=None) -> None:
	validate_employee_nip(doc)
	validate_golongan(doc)
	doc.job_group = get_job_group(doc.designation) or ""


def on_update(doc, method=None) -> None:
	"""A user linked after the rater tasks were made must still see and fill them; whoever has staff can read
	their line in the desk (kinerja_asn.access.SUPERVISOR_ROLE)."""
	if doc.has_value_changed("reports_to") and not doc.is_new():
		if doc.reports_to:
			access.grant_supervisor_role([doc.reports_to])
		follow_new_supervisor(doc.name)
	if (
		doc.has_value_changed("user_id")
		and doc.user_id
		and frappe.db.exists("Employee", {"reports_to": doc.name})
	):
		access.grant_supervisor_role([doc.name])
	if doc.has_value_changed("user_id"):
		RF = frappe.qb.DocType("Rater Feedback")
		(
			frappe.qb.update(RF)
			.set(RF.rater_user, doc.user_id)
			.where((RF.rater == doc.name) & (RF.docstatus == 0))
			.run()
		)


def follow_new_supervisor(employee: str) -> None:
	"""A change of supervisor during a cycle (reorganisation): the employee's draft appraisals take the new
	Pejabat Penilai Kinerja, and their open Atasan task moves along (ASN Appraisal.on_update)."""
	for name in frappe.get_all(
		"ASN Appraisal",
		filters={"employee": employee, "docstatus": 0, "predikat_status": ("!=", "Ditetapkan")},
		pluck="name",
	):
		appraisal = frappe.get_doc("ASN Appraisal", name)
		appraisal.flags.ignore_permissions = True  # HR changed the hierarchy; the appraisal follows it
		frappe.db.savepoint("kinerja_asn_follow_supervisor")
		try:
			appraisal.save()
		except frappe.ValidationError as error:  # the employee is saved anyway; HR is told what to fix
			frappe.db.rollback(save_point="kinerja_asn_follow_supervisor")
			frappe.clear_last_message()
			frappe.msgprint(
				_("ASN Appraisal {0} could not follow the new supervisor: {1}").format(name, error),
				indicator="orange",
			)


def validate_employee_nip(doc) -> None:
	if not (doc.get("nip") or "").strip():
		doc.nip = None
		return
	with rule_errors(_("Invalid NIP")):
		doc.nip = validate_nip(doc.nip)
	other = frappe.db.get_value("Employee", {"nip": doc.nip, "name": ("!=", doc.name)}, "name")
	if other:
		frappe.throw(
			_("NIP {0} is already used by employee {1}. Each ASN has a unique NIP.").format(
				frappe.bold(doc.nip), frappe.bold(other)
			),
			frappe.DuplicateEntryError,
			title=_("Duplicate NIP"),
		)


def validate_golongan(doc) -> None:
	golongan, status = doc.get("pangkat_golongan"), doc.get("asn_status")
	if not golongan or not status:
		return
	allowed = PNS_GOLONGAN if status == "PNS" else PPPK_GOLONGAN
	if golongan not in allowed:
		frappe.throw(
			_("Golongan {0} does not exist for {1}. Use {2} to {3}.").format(
				frappe.bold(golongan), status, allowed[0], allowed[-1]
			),
			title=_("Invalid Golongan"),
		)
