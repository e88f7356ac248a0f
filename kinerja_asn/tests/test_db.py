# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""kinerja_asn.db.bulk_update on a real MariaDB: updates what exists, never brings back a deleted row."""

import frappe

from kinerja_asn.db import bulk_update
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
