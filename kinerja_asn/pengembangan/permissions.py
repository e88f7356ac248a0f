"""Permission hooks of the Development Plan (hooks: permission_query_conditions, has_permission).

- HR roles: everything (role permissions and User Permissions on Company apply as usual).
- The employee reads their own plan; they do not edit it.
- A supervisor reads, creates and edits the plans of everyone in their line (reports_to chain below them).
"""

import frappe

from kinerja_asn.permissions import employee_of, is_hr, subordinates_of, visible_employees

READ_TYPES = frozenset(("read", "print", "report", "export", "select"))
WRITE_TYPES = frozenset(("write", "create"))


def development_plan_query(user: str | None = None) -> str:
	user = user or frappe.session.user
	if is_hr(user):
		return ""
	employees = visible_employees(user)
	if not employees:
		return "1=0"
	values = ", ".join(frappe.db.escape(e) for e in employees)
	return f"`tabDevelopment Plan`.`employee` in ({values})"


def development_plan_has_permission(doc, ptype: str = "read", user: str | None = None) -> bool:
	user = user or frappe.session.user
	if is_hr(user):
		return True
	if ptype in READ_TYPES:
		return doc.employee in visible_employees(user)
	if ptype in WRITE_TYPES:
		return can_manage(doc.employee, user)
	return False


def can_manage(employee: str | None, user: str | None = None) -> bool:
	"""HR, or a supervisor of `employee` (anyone above them in the reports_to chain)."""
	user = user or frappe.session.user
	if is_hr(user):
		return True
	me = employee_of(user)
	return bool(me and employee and employee != me and employee in subordinates_of(me))
