"""Small helpers shared by the Pengembangan reports."""

import frappe
from frappe import _

from kinerja_asn.access import Scope, restrict, scope_for


def column(label: str, fieldname: str, fieldtype: str = "Data", options: str | None = None, width: int = 120):
	out = {"label": label, "fieldname": fieldname, "fieldtype": fieldtype, "width": width}
	if options:
		out["options"] = options
	return out


def employee_columns() -> list[dict]:
	"""Who the row is about: the identity columns shared by the per-employee reports."""
	return [
		column(_("Employee"), "employee", "Link", "Employee", 120),
		column(_("Employee Name"), "employee_name", "Data", width=180),
		column(_("NIP"), "nip", "Data", width=160),
		column(_("ASN Status"), "asn_status", "Data", width=80),
		column(_("Unit Kerja"), "department", "Link", "Department", 180),
		# Data, not Link: Frappe filters a report's link columns by the user's read permission on the linked
		# doctype, and supervisors (role Pejabat Penilai Kinerja) do not read ERPNext's Designation
		column(_("Designation"), "designation", "Data", width=160),
	]


def appraisals(filters: frappe._dict, scope: Scope | None = None):
	"""(query, table) over ASN Appraisal (not cancelled) limited to the user's scope and the common filters."""
	A = frappe.qb.DocType("ASN Appraisal")
	scope = scope or scope_for()
	query = restrict(frappe.qb.from_(A).where(A.docstatus < 2), A, scope)
	if filters.get("company"):
		query = query.where(A.company == filters.company)
	if filters.get("appraisal_cycle"):
		query = query.where(A.appraisal_cycle == filters.appraisal_cycle)
	if filters.get("department"):
		query = query.where(A.department == filters.department)
	return query, A


def require(filters: frappe._dict, *fieldnames: str) -> None:
	labels = {"appraisal_cycle": _("Appraisal Cycle"), "year": _("Year")}
	for fieldname in fieldnames:
		if not filters.get(fieldname):
			frappe.throw(_("Select the {0} first.").format(labels.get(fieldname, fieldname)))
