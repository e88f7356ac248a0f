# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

from frappe.model.document import Document


class ASNAppraisalBehaviour(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		core_value: DF.Link
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		rater_count: DF.Int
		score: DF.Float
	# end: auto-generated types
	pass
