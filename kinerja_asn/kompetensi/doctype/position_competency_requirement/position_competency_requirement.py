# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PositionCompetencyRequirement(Document):
	pass
