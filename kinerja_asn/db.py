"""Set-based database helpers (portable across Frappe v15 minor versions)."""

import frappe
from frappe.utils import now


def bulk_update(
	doctype: str, updates: dict[str, dict], chunk_size: int = 1000, update_modified: bool = False
) -> None:
	"""UPDATE many existing rows with different values in one statement per chunk.

	Uses MariaDB's `INSERT … ON DUPLICATE KEY UPDATE` keyed on `name`: every row named here exists, so each
	"insert" becomes an update of just the listed columns. Building the same as `UPDATE … SET f = CASE name
	WHEN …` with the query builder costs more in Python than the database work (see benchmarks/README.md).
	"""
	if not updates:
		return
	fields = sorted({field for values in updates.values() for field in values})
	if update_modified:
		fields += ["modified", "modified_by"]
		stamp = {"modified": now(), "modified_by": frappe.session.user}
	columns = ", ".join(f"`{field}`" for field in ["name", *fields])
	assignments = ", ".join(f"`{field}` = VALUES(`{field}`)" for field in fields)
	row_placeholder = "(" + ", ".join(["%s"] * (len(fields) + 1)) + ")"
	names = list(updates)
	for start in range(0, len(names), chunk_size):
		chunk = names[start : start + chunk_size]
		values = []
		for name in chunk:
			row = {**updates[name], **(stamp if update_modified else {})}
			values.extend([name, *(row.get(field) for field in fields)])
		frappe.db.sql(  # nosemgrep: parameterised; column names come from our code, never from input
			f"INSERT INTO `tab{doctype}` ({columns}) VALUES {', '.join([row_placeholder] * len(chunk))} "
			f"ON DUPLICATE KEY UPDATE {assignments}",
			values,
		)
