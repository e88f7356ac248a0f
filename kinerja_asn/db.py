"""Set-based database helpers (portable across Frappe v15 minor versions)."""

import frappe
from frappe.utils import now


def bulk_update(
	doctype: str, updates: dict[str, dict], chunk_size: int = 1000, update_modified: bool = False
) -> None:
	"""UPDATE many existing rows with different values in one statement per chunk.

	`UPDATE … JOIN (SELECT … UNION ALL SELECT …)` keyed on `name`: only rows that still exist are updated, so a
	row deleted meanwhile (a cancelled appraisal's child rows, say) is never brought back, unlike `INSERT … ON
	DUPLICATE KEY UPDATE`. These are derived values (the roll-up's scores), so no Version is written: the
	state changes of a document leave theirs (kinerja_asn.penilaian_kinerja.lifecycle.record_change).
	"""
	if not updates:
		return
	fields = sorted({field for values in updates.values() for field in values})
	if update_modified:
		fields += ["modified", "modified_by"]
		stamp = {"modified": now(), "modified_by": frappe.session.user}
	first = "SELECT " + ", ".join(["%s AS `name`", *(f"%s AS `{field}`" for field in fields)])
	rest = "SELECT " + ", ".join(["%s"] * (len(fields) + 1))
	assignments = ", ".join(f"t.`{field}` = v.`{field}`" for field in fields)
	names = list(updates)
	for start in range(0, len(names), chunk_size):
		chunk = names[start : start + chunk_size]
		values = []
		for name in chunk:
			row = {**updates[name], **(stamp if update_modified else {})}
			values.extend([name, *(row.get(field) for field in fields)])
		rows = " UNION ALL ".join([first] + [rest] * (len(chunk) - 1))
		frappe.db.sql(  # nosemgrep: parameterised; column names come from our code, never from input
			f"UPDATE `tab{doctype}` t JOIN ({rows}) v ON t.`name` = v.`name` SET {assignments}",
			values,
		)
