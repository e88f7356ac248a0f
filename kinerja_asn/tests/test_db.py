# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""kinerja_asn.db on a real MariaDB: bulk_update updates what exists, never brings back a deleted row, and in
strict mode never cuts a string short; column types are cached until the table's schema changes."""

from unittest.mock import patch

import frappe

from kinerja_asn.db import COLUMN_TYPES, bulk_update, column_types
from kinerja_asn.tests.utils import KinerjaTestCase


class TestBulkUpdate(KinerjaTestCase):
	def test_updates_existing_rows_only(self):
		kept = frappe.get_doc({"doctype": "ToDo", "description": "tetap"}).insert()
		gone = frappe.get_doc({"doctype": "ToDo", "description": "dihapus"}).insert()
		frappe.delete_doc("ToDo", gone.name)
		bulk_update(
			"ToDo",
			{kept.name: {"description": "diperbarui", "priority": "High"}, gone.name: {"description": "x"}},
			chunk_size=1,
		)
		self.assertEqual(
			frappe.db.get_value("ToDo", kept.name, ["description", "priority"]), ("diperbarui", "High")
		)
		self.assertFalse(frappe.db.exists("ToDo", gone.name))

	def test_strict_refuses_too_long_strings(self):
		"""strict: a value too long for its column fails, as Frappe's own UPDATE does; nothing is cut short."""
		todo = frappe.get_doc({"doctype": "ToDo", "description": "panjang"}).insert()
		bulk_update("ToDo", {todo.name: {"reference_name": "☺" * 140}}, strict=True)  # fits: 140 characters
		self.assertEqual(frappe.db.get_value("ToDo", todo.name, "reference_name"), "☺" * 140)
		with self.assertRaises(frappe.db.DataError):
			bulk_update("ToDo", {todo.name: {"reference_name": "x" * 141}}, strict=True)
		self.assertEqual(frappe.db.get_value("ToDo", todo.name, "reference_name"), "☺" * 140)


class TestColumnTypes(KinerjaTestCase):
	def queries(self) -> list[str]:
		"""The SHOW COLUMNS of one column_types("ToDo") in a new request."""
		frappe.local.cache.pop(COLUMN_TYPES, None)
		seen, sql = [], frappe.db.sql

		def capture(query, *args, **kwargs):
			seen.append(str(query))
			return sql(query, *args, **kwargs)

		with patch.object(frappe.db, "sql", capture):
			types = column_types("ToDo")
		self.assertEqual(types["name"], "varchar(140)")
		return [q for q in seen if q.startswith("SHOW COLUMNS")]

	def test_cached_across_requests_until_the_schema_changes(self):
		self.queries()
		self.assertEqual(self.queries(), [])  # a later request: from the site cache
		frappe.cache.hdel("table_columns", "tabToDo")  # what Frappe does on every schema change of the table
		self.assertEqual(len(self.queries()), 1)
		self.assertEqual(self.queries(), [])
