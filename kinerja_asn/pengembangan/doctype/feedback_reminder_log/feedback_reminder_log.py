# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""Marker of one reminder stage sent for one Rater Feedback task (named "<task>-<stage>", so never twice)."""

from frappe.model.document import Document


class FeedbackReminderLog(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		appraisal_cycle: DF.Link | None
		deadline: DF.Date | None
		rater_feedback: DF.Data | None
		recipient: DF.Data | None
		sent_on: DF.Datetime | None
		stage: DF.Data | None
	# end: auto-generated types

	def autoname(self) -> None:
		self.name = marker_name(self.rater_feedback, self.stage)


def marker_name(rater_feedback: str, stage: str) -> str:
	return f"{rater_feedback}-{stage}"
