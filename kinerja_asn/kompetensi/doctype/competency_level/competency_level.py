# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

from frappe.model.document import Document


class CompetencyLevel(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		description: DF.SmallText | None
		indicators: DF.SmallText | None
		level: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		title: DF.SmallText
	# end: auto-generated types

	pass
