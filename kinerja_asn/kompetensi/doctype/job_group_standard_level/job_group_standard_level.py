# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

from frappe.model.document import Document


class JobGroupStandardLevel(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		ak_coefficient: DF.Float
		job_group: DF.Literal[
			"JPT Utama",
			"JPT Madya",
			"JPT Pratama",
			"Administrator",
			"Pengawas",
			"Pelaksana",
			"JF Ahli Utama",
			"JF Ahli Madya",
			"JF Ahli Muda",
			"JF Ahli Pertama",
			"JF Penyelia",
			"JF Mahir",
			"JF Terampil",
			"JF Pemula",
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		standard_level: DF.Int
	# end: auto-generated types
	pass
