"""Who may see or change what: the one place that decides it (README, "Security").

Every decision is made from the *stored* document and the database, never from values a request sent (Frappe
applies a PUT's body to the document before it asks the permission hooks, and the print view accepts a
client-built document).

The actors:
- **HR**: HR Manager, HR User, System Manager (and Administrator). Everything of the companies their User
  Permissions allow; Frappe's role and User Permissions decide that part, the hooks here add nothing.
- **the line** of an employee: everyone below them in the reports_to tree (Employee is a nested set). This is
  the only definition of "line" in the app.
- **Pejabat Penilai Kinerja** (PPK) of an appraisal: its stored ``evaluator``; it alone (with HR) sets the
  ratings. **Atasan Pejabat Penilai**: anyone further up the appraisee's line. Both *supervise* the appraisal:
  they read it in the desk when they hold the role ``SUPERVISOR_ROLE`` (given automatically to whoever has
  staff), and plan their staff's development there.
- **the rater** of a Rater Feedback: its stored ``rater_user``. Raters fill their tasks in the portal only.
- **the person rated**: their own appraisal in the portal only, and only what ``released`` allows; never a
  Rater Feedback about them, never the desk form of their own appraisal.
- **guest**: nothing.

Deny by default: ordinary employees have no desk/REST rights on appraisal data (doctype permissions); our
whitelisted methods check the rules below and return exactly what the person may see. Child tables follow
their parent's row rules in every list (``query_conditions``), and ``frappe.client.get_count`` is replaced by
a permission-checked count for our doctypes.
"""

from dataclasses import dataclass

import frappe
from frappe import _
from frappe.permissions import get_user_permissions

from kinerja_asn.penilaian_kinerja import lifecycle

HR_ROLES = frozenset(("HR Manager", "HR User", "System Manager"))
SUPERVISOR_ROLE = "Pejabat Penilai Kinerja"

APPRAISAL, FEEDBACK, PLAN, PROFILE = (
	"ASN Appraisal",
	"Rater Feedback",
	"Development Plan",
	"Position Competency Profile",
)
READ = frozenset(("read", "select", "print", "report", "export", "email"))

# Parent of each child table of ours: a child row is visible where its parent is.
CHILD_PARENTS = {
	"ASN Appraisal Competency": APPRAISAL,
	"ASN Appraisal Behaviour": APPRAISAL,
	"ASN Appraisal Result": APPRAISAL,
	"ASN Appraisal Role Summary": APPRAISAL,
	"Rater Competency Rating": FEEDBACK,
	"Rater Behaviour Rating": FEEDBACK,
	"Development Plan Item": PLAN,
	"Position Competency Requirement": PROFILE,
}
# Our doctypes whose rows only some users may see; the others are HR-only (Predicate Calibration, Settings,
# Feedback Reminder Log) or open to every employee (the competency dictionary, the core values).
ROW_RULED = (APPRAISAL, FEEDBACK, PLAN, PROFILE)


# ----------------------------------------------------------------------------------------------- who


def is_hr(user: str | None = None) -> bool:
	user = user or frappe.session.user
	return user == "Administrator" or bool(HR_ROLES.intersection(frappe.get_roles(user)))


def employee_of(user: str | None = None) -> str | None:
	"""The active employee linked to `user`."""
	user = user or frappe.session.user
	if not user or user == "Guest":
		return None
	return frappe.db.get_value("Employee", {"user_id": user, "status": "Active"}, "name")


def has_app_permission() -> bool:
	"""The desk app (apps screen) is for HR and supervisors; every other employee uses the portal."""
	return is_hr() or SUPERVISOR_ROLE in frappe.get_roles()


def _bounds(employee: str | None) -> tuple[int, int] | None:
	if not employee:
		return None
	bounds = frappe.db.get_value("Employee", employee, ["lft", "rgt"])
	return (bounds[0], bounds[1]) if bounds and bounds[0] else None


def line_of(employee: str | None) -> list[str]:
	"""Everyone below `employee` in the reports_to tree: their line."""
	bounds = _bounds(employee)
	if not bounds:
		return []
	E = frappe.qb.DocType("Employee")
	return [
		row[0]
		for row in frappe.qb.from_(E).select(E.name).where((E.lft > bounds[0]) & (E.rgt < bounds[1])).run()
	]


def in_line(employee: str | None, supervisor: str | None) -> bool:
	"""Whether `employee` is in the line of `supervisor` (somewhere below them)."""
	outer, inner = _bounds(supervisor), _bounds(employee)
	return bool(outer and inner and outer[0] < inner[0] and inner[1] < outer[1])


def _line_sql(employee: str | None, column: str) -> str:
	"""SQL: `column` (an Employee link) is in the line of `employee`."""
	bounds = _bounds(employee)
	if not bounds:
		return "1=0"
	return f"{column} in (select `name` from `tabEmployee` where `lft` > {int(bounds[0])} and `rgt` < {int(bounds[1])})"


def supervises(appraisal, user: str | None = None) -> bool:
	"""PPK (the stored evaluator) or Atasan Pejabat Penilai (above the appraisee) of a stored appraisal row
	(needs employee and evaluator); never of one's own appraisal."""
	me = employee_of(user)
	if not me or not appraisal or appraisal.employee == me:
		return False
	return appraisal.evaluator == me or in_line(appraisal.employee, me)


def is_evaluator(appraisal, user: str | None = None) -> bool:
	"""The Pejabat Penilai Kinerja of a stored appraisal row."""
	me = employee_of(user)
	return bool(me and appraisal and appraisal.evaluator == me)


def can_evaluate(appraisal, user: str | None = None) -> bool:
	"""Who may set the ratings of a stored appraisal: HR or its Pejabat Penilai Kinerja."""
	return is_hr(user) or is_evaluator(appraisal, user)


def is_appraisee(appraisal, user: str | None = None) -> bool:
	me = employee_of(user)
	return bool(me and appraisal and appraisal.employee == me)


def released(appraisal) -> bool:
	"""Whether the raters' results of a stored appraisal row may be shown to the person rated: once, when the
	feedback window of its cycle has closed (lifecycle.window_open) or the appraisal is final. While feedback
	still arrives, aggregates that change would reveal each newcomer's rating by difference."""
	if appraisal.docstatus == 1:
		return True
	cycle = frappe.db.get_value(
		"Appraisal Cycle", appraisal.appraisal_cycle, ["status", "feedback_deadline"], as_dict=True
	)
	return bool(cycle) and not lifecycle.window_open(cycle)


def can_manage_plan(employee: str | None, user: str | None = None) -> bool:
	"""Who may create and edit the Development Plan of `employee`: HR, or anyone whose line they are in."""
	return is_hr(user) or in_line(employee, employee_of(user))


def escalation_recipient(task, rater_supervisor: str | None) -> str | None:
	"""The employee an overdue rater task is escalated to: the rater's supervisor, except when that is the person
	rated (a subordinate's upward feedback), who must not learn who rates them; then the appraisal's Pejabat
	Penilai Kinerja (never the rater themselves). `task` needs rater, appraisee and evaluator."""
	for candidate in (rater_supervisor, task.evaluator):
		if candidate and candidate not in (task.appraisee, task.rater):
			return candidate
	return None


# ------------------------------------------------------------------------------------- stored documents

APPRAISAL_FIELDS = ("name", "employee", "evaluator", "appraisal_cycle", "docstatus", "company")


def stored_appraisal(name: str | None):
	return (frappe.db.get_value(APPRAISAL, name, APPRAISAL_FIELDS, as_dict=True) if name else None) or None


def _stored(doc, fields: tuple[str, ...]):
	"""The stored values of a Document, None when it is not in the database (a new or a forged one)."""
	if not doc.name:
		return None
	return frappe.db.get_value(doc.doctype, doc.name, fields, as_dict=True) or None


def require(allowed: bool, message: str | None = None) -> None:
	if not allowed:
		frappe.throw(message or _("You are not permitted to do this."), frappe.PermissionError)


def is_rater(name: str | None, user: str | None = None) -> bool:
	"""Whether `user` (the session user) is the stored rater of the Rater Feedback `name` (one indexed read)."""
	user = user or frappe.session.user
	rater_user = frappe.db.get_value(FEEDBACK, name, "rater_user") if name else None
	return bool(rater_user) and rater_user == user


def require_rater(name: str | None, user: str | None = None):
	"""The Rater Feedback `name` if the session user is its stored rater; the same PermissionError when it does
	not exist, so that other people's task names are not confirmed."""
	require(is_rater(name, user), _("You can only open and fill in your own rater tasks."))
	return frappe.get_doc(FEEDBACK, name)


def require_appraisal_reader(name: str | None, user: str | None = None):
	"""A stored appraisal row that the user may read through our methods: HR, its supervisors, or the person
	rated (who then sees only what ``released`` allows)."""
	row = stored_appraisal(name)
	require(
		bool(row) and (is_hr(user) or supervises(row, user) or is_appraisee(row, user)),
		_("You are not permitted to see this appraisal."),
	)
	return row


# ------------------------------------------------------------------------------------- Frappe's hooks


def has_permission(doc, ptype: str = "read", user: str | None = None) -> bool | None:
	"""hooks.has_permission of our row-ruled doctypes, decided on the stored document (None: no objection,
	Frappe's role permissions decide, as for HR)."""
	user = user or frappe.session.user
	if is_hr(user):
		return None
	doctype = doc.doctype
	if doctype == APPRAISAL:
		row = _stored(doc, APPRAISAL_FIELDS)
		return ptype in READ and supervises(row, user)
	if doctype == PLAN:
		row = _stored(doc, ("employee",))
		if ptype in READ:
			return bool(row) and can_manage_plan(row.employee, user)
		if ptype in ("write", "create"):
			# an existing plan: its stored employee and the new one must both be in the user's line
			return (row is None or can_manage_plan(row.employee, user)) and can_manage_plan(
				doc.employee, user
			)
		return False
	if doctype == PROFILE:
		row = _stored(doc, ("designation",))
		return ptype in READ and bool(row) and row.designation in visible_designations(user)
	return False  # Rater Feedback and anything else: HR only (raters use the portal)


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""hooks.permission_query_conditions of our doctypes and their child tables (Frappe applies no row rule
	to child tables: `frappe.client.get_list` with `parent=` would list the rows of every parent)."""
	user = user or frappe.session.user
	if is_hr(user):
		return ""
	if doctype in CHILD_PARENTS:
		parent = CHILD_PARENTS[doctype]
		condition = query_conditions(user, parent)
		table = f"`tab{doctype}`"
		if not condition:
			return ""
		return (
			f"({table}.`parenttype` = {frappe.db.escape(parent)} and {table}.`parent` in "
			f"(select `name` from `tab{parent}` where {condition}))"
		)
	me = employee_of(user)
	table = f"`tab{doctype}`"
	if doctype == APPRAISAL:
		if not me:
			return "1=0"
		return (
			f"({table}.`employee` != {frappe.db.escape(me)} and ({table}.`evaluator` = {frappe.db.escape(me)}"
			f" or {_line_sql(me, f'{table}.`employee`')}))"
		)
	if doctype == PLAN:
		return _line_sql(me, f"{table}.`employee`")
	if doctype == PROFILE:
		designations = visible_designations(user)
		if not designations:
			return "1=0"
		return f"{table}.`designation` in ({', '.join(frappe.db.escape(d) for d in designations)})"
	if doctype == FEEDBACK:
		return "1=0"
	return ""


def visible_designations(user: str | None = None) -> list[str]:
	"""The position profiles an employee may read: their own position's and those of their line."""
	me = employee_of(user)
	if not me:
		return []
	employees = [me, *line_of(me)]
	return sorted(
		{d for d in frappe.get_all("Employee", filters={"name": ("in", employees)}, pluck="designation") if d}
	)


@frappe.whitelist()
def get_count(
	doctype: str, filters=None, debug: bool = False, cache: bool = False, parent: str | None = None
):
	"""frappe.client.get_count (hooks.override_whitelisted_methods): Frappe 15 counts without any permission
	check, so filters would tell the person rated who rated them. Our doctypes and their child tables are
	counted through frappe.get_list, with every permission rule; other doctypes as Frappe does."""
	from frappe.client import get_count as frappe_get_count
	from frappe.model.db_query import check_parent_permission
	from frappe.utils import get_safe_filters

	if frappe.get_meta(doctype).module not in frappe.get_module_list("kinerja_asn"):
		return frappe_get_count(doctype, filters, debug, cache)
	if frappe.is_table(doctype):
		parent = parent or CHILD_PARENTS.get(doctype)
		check_parent_permission(parent, doctype)
	rows = frappe.get_list(
		doctype,
		filters=get_safe_filters(filters),
		fields=["count(*) as total"],
		parent_doctype=parent,
		order_by=None,
	)
	return rows[0].total if rows else 0


# ---------------------------------------------------------------------------------- supervisor role


def grant_supervisor_role(employees) -> None:
	"""Give SUPERVISOR_ROLE to the users of `employees` (whoever has staff), so that they can read their line's
	appraisals and plan its development in the desk. Idempotent."""
	if not frappe.db.exists("Role", SUPERVISOR_ROLE):
		return
	users = frappe.get_all(
		"Employee",
		filters={"name": ("in", list(employees) or [""]), "user_id": ("is", "set")},
		pluck="user_id",
	)
	have = set(
		frappe.get_all(
			"Has Role",
			filters={"parent": ("in", users or [""]), "parenttype": "User", "role": SUPERVISOR_ROLE},
			pluck="parent",
		)
	)
	for user in set(users) - have:
		if frappe.db.get_value("User", user, "user_type") != "System User":
			continue
		doc = frappe.get_doc("User", user)
		doc.flags.ignore_permissions = True
		doc.add_roles(SUPERVISOR_ROLE)


def grant_supervisor_roles() -> None:
	"""Every employee who has staff gets SUPERVISOR_ROLE (install, migrate)."""
	E = frappe.qb.DocType("Employee")
	bosses = (
		frappe.qb.from_(E).select(E.reports_to).distinct().where(E.reports_to.isnotnull()).run(pluck=True)
	)
	grant_supervisor_role(bosses)


# -------------------------------------------------------------------------------------------- reports


@dataclass(frozen=True)
class Scope:
	"""Rows a report may show. employees None: not limited to a line; companies None: every company."""

	employees: tuple[str, ...] | None
	companies: tuple[str, ...] | None

	@property
	def empty(self) -> bool:
		return self.employees is not None and not self.employees


def scope_for(user: str | None = None, doctype: str = APPRAISAL) -> Scope:
	"""HR: the companies their User Permissions allow; anybody else: their line (never themselves)."""
	user = user or frappe.session.user
	if is_hr(user):
		return Scope(None, allowed_companies(user, doctype))
	return Scope(tuple(line_of(employee_of(user))), None)


def allowed_companies(user: str, doctype: str) -> tuple[str, ...] | None:
	"""The companies a user's User Permissions allow for `doctype`, None if unrestricted."""
	if user == "Administrator":
		return None
	entries = get_user_permissions(user).get("Company") or []
	allowed = tuple(
		sorted(
			{
				e.get("doc")
				for e in entries
				if not e.get("applicable_for") or e.get("applicable_for") == doctype
			}
		)
	)
	return allowed or None


def restrict(query, table, scope: Scope, employee_field: str = "employee", company_field: str = "company"):
	"""Add the scope's conditions to a query builder query over `table`."""
	if scope.employees is not None:
		query = query.where(table[employee_field].isin(list(scope.employees) or [""]))
	if scope.companies is not None:
		query = query.where(table[company_field].isin(list(scope.companies)))
	return query
