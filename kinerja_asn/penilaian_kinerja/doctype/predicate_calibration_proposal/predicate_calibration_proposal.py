# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PredicateCalibrationProposal(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		asn_appraisal: DF.Link | None
		decided_by: DF.Link | None
		employee: DF.Link | None
		employee_name: DF.Data | None
		from_predikat: DF.Data | None
		gap: DF.Float
		hasil_kerja_rating: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		perilaku_rating: DF.Data | None
		reason: DF.SmallText | None
		status: DF.Literal["Usulan", "Diterima", "Ditolak"]
		to_predikat: DF.Data | None
	# end: auto-generated types
	pass
