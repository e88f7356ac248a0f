# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PredicateCalibrationDistribution(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		allowed: DF.Data | None
		employee_count: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		percent: DF.Percent
		predikat: DF.Data | None
	# end: auto-generated types
	pass
