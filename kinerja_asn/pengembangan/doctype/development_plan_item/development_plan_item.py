# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

from frappe.model.document import Document


class DevelopmentPlanItem(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		assessed_level: DF.Float
		competency: DF.Link | None
		description: DF.SmallText | None
		development_method: DF.Literal[
			"Pelatihan",
			"Bimbingan Teknis",
			"Seminar",
			"Workshop",
			"Kursus",
			"E-Learning",
			"Coaching",
			"Mentoring",
			"Magang",
			"Penugasan Khusus",
			"Detasering",
			"Patok Banding",
			"Belajar Mandiri",
			"Komunitas Belajar",
			"Tugas Belajar",
		]
		gap: DF.Float
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		planned_jp: DF.Float
		realised_jp: DF.Float
		required_level: DF.Int
		status: DF.Literal["Direncanakan", "Berjalan", "Selesai"]
		training_event: DF.Link | None
		training_program: DF.Link | None
	# end: auto-generated types
	pass
