# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

from frappe.model.document import Document


class ASNAppraisalRoleSummary(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		behaviour_mean: DF.Float
		competency_mean: DF.Float
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		rater_role: DF.Data | None
		raters_assigned: DF.Int
		raters_submitted: DF.Int
		weight: DF.Percent
	# end: auto-generated types
	pass
