# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class CoreValue(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from kinerja_asn.kompetensi.doctype.core_value_guide.core_value_guide import CoreValueGuide

		guides: DF.Table[CoreValueGuide]
		meaning: DF.SmallText | None
		sequence: DF.Int
		value_name: DF.Data
	# end: auto-generated types

	def validate(self) -> None:
		if not [row for row in self.guides if (row.guide or "").strip()]:
			frappe.throw(_("Add at least one behaviour guide (panduan perilaku) to the core value."))
