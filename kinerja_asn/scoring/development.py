"""Competency development (pengembangan kompetensi) targets and suggested methods.

PP 11/2017 Ps. 203(4): PNS at least 20 JP per year. PPPK at most 24 JP per contract year (Perlan 15/2020,
corroborated). Both are parameters; suggested methods per gap are local practice.
"""

import math
from collections.abc import Mapping
from typing import Any

from kinerja_asn.scoring.errors import RuleError, _

PNS = "PNS"
PPPK = "PPPK"
ASN_STATUSES = (PNS, PPPK)

DEFAULT_JP_TARGET: dict[str, float] = {PNS: 20}
DEFAULT_JP_CAP: dict[str, float] = {PPPK: 24}

# Local practice: (largest gap, methods) checked from the most negative; any other negative gap -> small.
DEFAULT_METHOD_RULES: tuple[tuple[float, tuple[str, ...]], ...] = (
	(-2.0, ("Pelatihan", "Coaching")),
	(-1.0, ("Coaching", "E-Learning")),
)
DEFAULT_SMALL_GAP_METHODS: tuple[str, ...] = ("Mentoring",)


def jp_progress(
	realised: float,
	asn_status: str,
	target: Mapping[str, float] = DEFAULT_JP_TARGET,
	cap: Mapping[str, float] = DEFAULT_JP_CAP,
) -> dict[str, Any]:
	"""Progress of the year's jam pelajaran: target, realised, remaining, percent, over_cap, met.

	Statuses without a target get target/percent None and remaining 0; without a cap, over_cap is False.
	"""
	if realised is None or not math.isfinite(realised) or realised < 0:
		raise RuleError(_("The realised jam pelajaran must be 0 or more, got {0}"), realised)
	goal = target.get(asn_status)
	limit = cap.get(asn_status)
	return {
		"asn_status": asn_status,
		"target": goal,
		"cap": limit,
		"realised": realised,
		"remaining": max(goal - realised, 0) if goal else 0,
		"percent": round(realised / goal * 100, 2) if goal else None,
		"met": realised >= goal if goal else True,
		"over_cap": limit is not None and realised > limit,
	}


def suggest_methods(
	gap: float,
	rules: tuple[tuple[float, tuple[str, ...]], ...] = DEFAULT_METHOD_RULES,
	small_gap_methods: tuple[str, ...] = DEFAULT_SMALL_GAP_METHODS,
) -> list[str]:
	"""Suggested development methods for a competency gap (assessed - required); [] if no gap."""
	if gap is None or not math.isfinite(gap):
		raise RuleError(_("The competency gap must be a number, got {0}"), gap)
	if gap >= 0:
		return []
	for largest_gap, methods in sorted(rules):
		if gap <= largest_gap:
			return list(methods)
	return list(small_gap_methods)
