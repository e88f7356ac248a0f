"""Typed access to Kinerja ASN Settings, with the pure core's defaults where a value is unset."""

import frappe
from frappe.utils import cint, flt

from kinerja_asn.scoring import aggregation, calibration, competency, distribution, ratings, talent
from kinerja_asn.scoring.competency import Band


def get_settings():
	return frappe.get_cached_doc("Kinerja ASN Settings")


def standard_levels() -> dict[str, int]:
	levels = dict(competency.DEFAULT_STANDARD_LEVELS)
	levels.update({row.job_group: row.standard_level for row in get_settings().job_group_levels})
	return levels


def ak_coefficients() -> dict[str, float]:
	return {
		row.job_group: flt(row.ak_coefficient)
		for row in get_settings().job_group_levels
		if row.ak_coefficient
	}


def role_weights() -> dict[str, float]:
	s = get_settings()
	return {
		aggregation.ATASAN: flt(s.weight_atasan),
		aggregation.REKAN: flt(s.weight_rekan),
		aggregation.BAWAHAN: flt(s.weight_bawahan),
		aggregation.DIRI: flt(s.weight_diri),
	}


def anonymity_threshold() -> int:
	return get_settings().anonymity_threshold or aggregation.DEFAULT_ANONYMITY_THRESHOLD


def jpm_bands() -> tuple[Band, ...]:
	s = get_settings()
	labels = [band.label for band in competency.DEFAULT_JPM_CATEGORIES]
	return (Band(labels[0], flt(s.jpm_ms_min)), Band(labels[1], flt(s.jpm_mms_min)), Band(labels[2], 0))


def potential_bands() -> tuple[Band, ...]:
	s = get_settings()
	return (
		Band(talent.TINGGI, flt(s.potential_high_min)),
		Band(talent.MENENGAH, flt(s.potential_medium_min)),
		Band(talent.RENDAH, 0),
	)


def distribution_options() -> dict:
	"""Keyword arguments of ``scoring.distribution.check_distribution`` / ``scoring.calibration.propose`` from
	the settings: rounding of maxima and minima."""
	s = get_settings()
	return distribution.rounding_options(s.distribution_max_rounding, s.distribution_min_rounding)


def min_group_size() -> int:
	value = get_settings().min_group_size
	return distribution.DEFAULT_MIN_GROUP_SIZE if value is None else cint(value)


def group_defaults() -> dict:
	"""Keyword arguments of ``scoring.groups.default_groups`` from the settings."""
	s = get_settings()
	lines = [line.strip() for line in (s.leader_job_groups or "").splitlines() if line.strip()]
	return {"split_from": cint(s.split_sub_units_from), "leader_job_groups": tuple(lines)}


def thresholds() -> calibration.Thresholds:
	s = get_settings()
	return calibration.Thresholds(
		flt(s.hasil_above_threshold) or ratings.DEFAULT_ABOVE_THRESHOLD,
		flt(s.hasil_below_threshold) or ratings.DEFAULT_BELOW_THRESHOLD,
		flt(s.perilaku_above_threshold) or ratings.DEFAULT_PERILAKU_ABOVE,
		flt(s.perilaku_below_threshold) or ratings.DEFAULT_PERILAKU_BELOW,
	)
