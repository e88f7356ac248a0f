"""Who sees which rows in the Pengembangan reports and plans (on top of kinerja_asn.permissions).

HR (HR Manager, HR User, System Manager) sees every employee of the companies their User Permissions allow
(every company when they have none); anybody else sees their own line: themselves and everyone below them
in the reports_to chain. Reports query with these conditions directly, so they stay set-based.
"""

from dataclasses import dataclass

import frappe
from frappe.permissions import get_user_permissions

from kinerja_asn.permissions import is_hr, visible_employees


@dataclass(frozen=True)
class Scope:
	"""employees None: not limited to a line; companies None: every company."""

	employees: tuple[str, ...] | None
	companies: tuple[str, ...] | None

	@property
	def empty(self) -> bool:
		return self.employees is not None and not self.employees


def scope_for(user: str | None = None, doctype: str = "ASN Appraisal") -> Scope:
	user = user or frappe.session.user
	if is_hr(user):
		return Scope(None, allowed_companies(user, doctype))
	return Scope(tuple(visible_employees(user)), None)


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
