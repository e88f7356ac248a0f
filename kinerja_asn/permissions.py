"""Shared permission rules: who may see which appraisal data.

Rules (enforced for desk lists, single documents and the portal alike):
- HR Manager / HR User / System Manager: everything of their company (role permissions + user permissions).
- A supervisor sees the appraisals of the employees in their own line (the reports_to chain below them).
- An employee sees their own appraisal, and the Rater Feedback they write themselves.
- The person rated never reads Rater Feedback documents about themselves: they see aggregates only.
"""

import frappe

HR_ROLES = frozenset(("HR Manager", "HR User", "System Manager"))


def is_hr(user: str | None = None) -> bool:
	user = user or frappe.session.user
	return user == "Administrator" or bool(HR_ROLES.intersection(frappe.get_roles(user)))


def has_app_permission() -> bool:
	return is_hr() or bool(employee_of(frappe.session.user))


def employee_of(user: str) -> str | None:
	if not user or user == "Guest":
		return None
	return frappe.db.get_value("Employee", {"user_id": user, "status": "Active"}, "name")


def subordinates_of(employee: str) -> list[str]:
	"""Every employee below `employee` in the reports_to chain (Employee is a nested set)."""
	lft, rgt = frappe.db.get_value("Employee", employee, ["lft", "rgt"]) or (None, None)
	if not lft:
		return []
	Employee = frappe.qb.DocType("Employee")
	rows = (
		frappe.qb.from_(Employee)
		.select(Employee.name)
		.where((Employee.lft > lft) & (Employee.rgt < rgt))
		.run()
	)
	return [row[0] for row in rows]


def visible_employees(user: str) -> list[str]:
	"""The employee linked to `user` and everyone in their line."""
	employee = employee_of(user)
	return [employee, *subordinates_of(employee)] if employee else []


def _in_condition(doctype: str, fieldname: str, values: list[str]) -> str:
	if not values:
		return "1=0"
	return "`tab{}`.`{}` in ({})".format(doctype, fieldname, ", ".join(frappe.db.escape(v) for v in values))


# ASN Appraisal: own appraisal and those of the user's line
def asn_appraisal_query(user: str | None = None) -> str:
	user = user or frappe.session.user
	if is_hr(user):
		return ""
	return _in_condition("ASN Appraisal", "employee", visible_employees(user))


def asn_appraisal_has_permission(doc, ptype: str = "read", user: str | None = None) -> bool:
	user = user or frappe.session.user
	if is_hr(user):
		return True
	if ptype not in ("read", "print"):
		return False  # supervisors act through whitelisted methods that check their line
	return doc.employee in visible_employees(user)


# Rater Feedback: a rater reads and writes only their own feedback
def rater_feedback_query(user: str | None = None) -> str:
	user = user or frappe.session.user
	if is_hr(user):
		return ""
	return f"`tabRater Feedback`.`rater_user` = {frappe.db.escape(user)}"


def rater_feedback_has_permission(doc, ptype: str = "read", user: str | None = None) -> bool:
	user = user or frappe.session.user
	if is_hr(user):
		return True
	return bool(doc.rater_user) and doc.rater_user == user


# Position Competency Profile: employees read the profile of their own position (and of their line)
def position_profile_query(user: str | None = None) -> str:
	user = user or frappe.session.user
	if is_hr(user):
		return ""
	return _in_condition("Position Competency Profile", "designation", visible_designations(user))


def position_profile_has_permission(doc, ptype: str = "read", user: str | None = None) -> bool:
	user = user or frappe.session.user
	if is_hr(user):
		return True
	return doc.designation in visible_designations(user)


def visible_designations(user: str) -> list[str]:
	employees = visible_employees(user)
	if not employees:
		return []
	return list(
		{d for d in frappe.get_all("Employee", filters={"name": ("in", employees)}, pluck="designation") if d}
	)
