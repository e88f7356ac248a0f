# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

from frappe.model.document import Document


class ASNAppraisalCompetency(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		assessed_level: DF.Float
		competency: DF.Link
		competency_type: DF.Data | None
		gap: DF.Float
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		rater_count: DF.Int
		required_level: DF.Int
		weight: DF.Float
	# end: auto-generated types
	pass
