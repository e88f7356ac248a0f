"""Small helpers shared by the Pengembangan reports (their shared filters: public/js/report_filters.js)."""

import frappe
from frappe import _

from kinerja_asn import access
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


def newest_cycle(company: str | None = None) -> str | None:
	"""The Appraisal Cycle with the latest start date of `company` (default: the user's default company) among
	those the user may read (permission-aware list), or None."""
	company = company or frappe.defaults.get_user_default("Company")
	names = frappe.get_list(
		"Appraisal Cycle",
		filters={"company": company} if company else {},
		pluck="name",
		order_by="start_date desc, creation desc",
		limit=1,
	)
	return names[0] if names else None


@frappe.whitelist()
def latest_cycle(company: str | None = None) -> str | None:
	"""The default of the reports' Appraisal Cycle filter (``newest_cycle``); for the reports' users only."""
	access.require(access.has_app_permission(), _("Only HR and supervisors use the Kinerja ASN reports."))
	return newest_cycle(company)


def require_cycle(filters: frappe._dict) -> None:
	"""An empty Appraisal Cycle filter means the company's newest cycle, as the report's form defaults to it;
	without any cycle the report asks for one."""
	if not filters.get("appraisal_cycle"):
		filters.appraisal_cycle = newest_cycle(filters.get("company"))
	require(filters, "appraisal_cycle")


def require(filters: frappe._dict, *fieldnames: str) -> None:
	labels = {"appraisal_cycle": _("Appraisal Cycle"), "year": _("Year")}
	for fieldname in fieldnames:
		if not filters.get(fieldname):
			frappe.throw(_("Select the {0} first.").format(labels.get(fieldname, fieldname)))
