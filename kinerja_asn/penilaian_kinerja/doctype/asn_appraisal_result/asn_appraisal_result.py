# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

from frappe.model.document import Document


class ASNAppraisalResult(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		achievement: DF.Percent
		classification: DF.Data | None
		goal: DF.Link | None
		iki: DF.SmallText | None
		jenis: DF.Literal["Utama", "Tambahan"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		realisasi: DF.Float
		rhk: DF.SmallText | None
		target: DF.Float
	# end: auto-generated types
	pass
