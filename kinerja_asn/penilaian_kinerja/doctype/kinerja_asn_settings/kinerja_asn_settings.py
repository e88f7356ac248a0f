# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt

from kinerja_asn.rules import rule_errors
from kinerja_asn.scoring.aggregation import validate_weights
from kinerja_asn.scoring.competency import validate_level


class KinerjaASNSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from kinerja_asn.kompetensi.doctype.job_group_standard_level.job_group_standard_level import (
			JobGroupStandardLevel,
		)

		anonymity_threshold: DF.Int
		city: DF.Data | None
		disable_feedback_escalation: DF.Check
		disable_feedback_reminders: DF.Check
		distribution_max_rounding: DF.Literal["Round down", "Round to nearest", "Round up"]
		distribution_min_rounding: DF.Literal["Round up", "Round to nearest", "Round down"]
		feedback_reminder_days: DF.Data | None
		hasil_above_threshold: DF.Float
		hasil_below_threshold: DF.Float
		instansi_logo: DF.AttachImage | None
		instansi_name: DF.Data | None
		job_group_levels: DF.Table[JobGroupStandardLevel]
		jp_cap_pppk: DF.Float
		jp_target_pns: DF.Float
		jpm_mms_min: DF.Float
		jpm_ms_min: DF.Float
		leader_job_groups: DF.SmallText | None
		min_group_size: DF.Int
		min_peer_raters: DF.Int
		minutes_per_jp: DF.Int
		peers_to_assign: DF.Int
		perilaku_above_threshold: DF.Float
		perilaku_below_threshold: DF.Float
		potential_high_min: DF.Float
		potential_medium_min: DF.Float
		split_sub_units_from: DF.Int
		weight_atasan: DF.Float
		weight_bawahan: DF.Float
		weight_diri: DF.Float
		weight_rekan: DF.Float

	# end: auto-generated types
	def validate(self) -> None:
		self.validate_job_group_levels()
		with rule_errors(_("Invalid Rater Weights")):
			validate_weights(
				{
					"Atasan Langsung": flt(self.weight_atasan),
					"Rekan Kerja": flt(self.weight_rekan),
					"Bawahan": flt(self.weight_bawahan),
					"Diri Sendiri": flt(self.weight_diri),
				}
			)
		self.validate_thresholds()

	def validate_job_group_levels(self) -> None:
		seen: set[str] = set()
		for row in self.job_group_levels:
			if row.job_group in seen:
				frappe.throw(
					_("Row {0}: job group {1} is listed twice. Keep one row per job group.").format(
						row.idx, row.job_group
					)
				)
			seen.add(row.job_group)
			with rule_errors(_("Invalid Standard Level")):
				validate_level(row.standard_level)
			if flt(row.ak_coefficient) < 0:
				frappe.throw(_("Row {0}: the angka kredit coefficient cannot be negative.").format(row.idx))

	def validate_thresholds(self) -> None:
		pairs = (
			("hasil_above_threshold", "hasil_below_threshold"),
			("perilaku_above_threshold", "perilaku_below_threshold"),
			("jpm_ms_min", "jpm_mms_min"),
			("potential_high_min", "potential_medium_min"),
		)
		for upper, lower in pairs:
			if flt(self.get(upper)) <= flt(self.get(lower)):
				frappe.throw(
					_("{0} must be greater than {1}.").format(
						_(self.meta.get_label(upper)), _(self.meta.get_label(lower))
					),
					title=_("Invalid Thresholds"),
				)
		for fieldname in ("anonymity_threshold", "min_peer_raters", "peers_to_assign"):
			if (self.get(fieldname) or 0) < 0:
				frappe.throw(_("{0} cannot be negative.").format(_(self.meta.get_label(fieldname))))
