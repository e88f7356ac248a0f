"""Set-based database helpers (portable across Frappe v15 minor versions, MariaDB ≥ 10.6 as Frappe v15 needs)."""

import json

import frappe
from frappe.utils import now


def bulk_update(
	doctype: str,
	updates: dict[str, dict],
	chunk_size: int = 10000,
	update_modified: bool = False,
	strict: bool = False,
) -> None:
	"""UPDATE many existing rows with different values in one statement per chunk.

	`UPDATE … JOIN JSON_TABLE(…)` keyed on `name`: the values travel as one JSON parameter, read by the
	server as a table with the columns' own types (half the time of the `UNION ALL SELECT …` rows this
	replaced, on 78,000 rows); only rows that still exist are updated, so a row deleted meanwhile (a
	cancelled appraisal's child rows, say) is never brought back, unlike `INSERT … ON DUPLICATE KEY UPDATE`.
	These are derived values (the roll-up's scores), so no Version is written: the state changes of a
	document leave theirs (kinerja_asn.penilaian_kinerja.lifecycle.record_change).

	`strict`: a string too long for its column fails the statement (strict mode) as Frappe's own row UPDATE
	does, for where user input is written (Rater Feedback's rating rows). Strings then travel as LONGTEXT,
	as a JSON_TABLE column of the target's type would truncate them with a mere warning, and are stored
	through CAST: on MariaDB 10.11 a LONGTEXT column of JSON_TABLE assigned as such to a TEXT column is cut
	to its length modulo 65,536 without error or warning (tested in test_rater_feedback).
	"""
	if not updates:
		return
	fields = sorted({field for values in updates.values() for field in values})
	if update_modified:
		fields += ["modified", "modified_by"]
		stamp = {"modified": now(), "modified_by": frappe.session.user}
	types = column_types(doctype)
	strings = {field for field, kind in types.items() if strict and is_string(kind)}
	types = {field: "longtext" if field in strings else kind for field, kind in types.items()}
	columns = ", ".join(
		f"`{field}` {types[field]} PATH '$[{i}]'" for i, field in enumerate(["name", *fields])
	)
	assignments = ", ".join(
		f"t.`{field}` = CAST(v.`{field}` AS CHAR)" if field in strings else f"t.`{field}` = v.`{field}`"
		for field in fields
	)
	names = list(updates)
	for start in range(0, len(names), chunk_size):
		rows = []
		for name in names[start : start + chunk_size]:
			row = {**updates[name], **(stamp if update_modified else {})}
			rows.append([name, *(row.get(field) for field in fields)])
		frappe.db.sql(  # nosemgrep: parameterised; column names and types come from our code and the schema
			f"""UPDATE `tab{doctype}` t JOIN JSON_TABLE(%s, '$[*]' COLUMNS({columns})) v ON t.`name` = v.`name`
			SET {assignments}""",
			(json.dumps(rows, default=str),),
		)


def bulk_insert(doctype: str, fields: list[str], rows: list[tuple], chunk_size: int = 10000) -> None:
	"""INSERT many rows, one statement per chunk: `INSERT … SELECT … FROM JSON_TABLE(…)`, the values as one
	JSON parameter (Frappe's own bulk_insert builds every value into a query-builder term: 6 s for 24,000
	role-summary rows, against 0.5 s here)."""
	if not rows:
		return
	types = column_types(doctype)
	columns = ", ".join(f"`{field}` {types[field]} PATH '$[{i}]'" for i, field in enumerate(fields))
	names = ", ".join(f"`{field}`" for field in fields)
	for start in range(0, len(rows), chunk_size):
		frappe.db.sql(  # nosemgrep: parameterised; column names and types come from our code and the schema
			f"""INSERT INTO `tab{doctype}` ({names})
			SELECT {names} FROM JSON_TABLE(%s, '$[*]' COLUMNS({columns})) v""",
			(json.dumps(rows[start : start + chunk_size], default=str),),
		)


def is_string(sql_type: str) -> bool:
	return sql_type.lower().startswith(("varchar", "char", "text", "tinytext", "mediumtext", "longtext"))


COLUMN_TYPES = "kinerja_asn_column_types"


def column_types(doctype: str) -> dict[str, str]:
	"""The SQL type of every column of a doctype's table (as the table has it).

	Kept per request and in the site's Redis cache: without the latter every request that writes in bulk (a
	feedback submit: 5 tables) would start with a SHOW COLUMNS per table. Valid while Frappe's own cached
	column list of the table is there: Frappe drops that entry on every schema change of the table (DbTable.sync,
	custom fields, migrate; frappe.clear_cache drops ours too), so a missing one means re-read."""
	cache = frappe.local.cache.setdefault(COLUMN_TYPES, {})
	if doctype not in cache:
		table = f"tab{doctype}"
		types = frappe.cache.hget(COLUMN_TYPES, table) if frappe.cache.hget("table_columns", table) else None
		if not types:
			frappe.db.get_db_table_columns(table)  # (re)fills Frappe's entry first: ours is as new as it
			types = {
				row[0]: row[1]
				for row in frappe.db.sql(f"SHOW COLUMNS FROM `{table}`")  # nosemgrep: our own doctypes
			}
			frappe.cache.hset(COLUMN_TYPES, table, types)
		cache[doctype] = types
	return cache[doctype]
