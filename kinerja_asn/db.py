"""Set-based database helpers (portable across Frappe v15 minor versions)."""

from collections import defaultdict

import frappe
from frappe.query_builder import Case
from frappe.utils import now


def bulk_update(
	doctype: str, updates: dict[str, dict], chunk_size: int = 200, update_modified: bool = False
) -> None:
	"""UPDATE many rows with different values: one `CASE name WHEN …` statement per field and chunk."""
	if not updates:
		return
	table = frappe.qb.DocType(doctype)
	names = list(updates)
	for start in range(0, len(names), chunk_size):
		chunk = names[start : start + chunk_size]
		fields: dict[str, list[tuple[str, object]]] = defaultdict(list)
		for name in chunk:
			for fieldname, value in updates[name].items():
				fields[fieldname].append((name, value))
		query = frappe.qb.update(table)
		for fieldname, pairs in fields.items():
			case = Case()
			for name, value in pairs:
				case = case.when(table.name == name, value)
			query = query.set(table[fieldname], case.else_(table[fieldname]))
		if update_modified:
			query = query.set(table.modified, now()).set(table.modified_by, frappe.session.user)
		query.where(table.name.isin(chunk)).run()
