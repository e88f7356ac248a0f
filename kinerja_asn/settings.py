"""Typed access to Kinerja ASN Settings, with the pure core's defaults where a value is unset."""

import frappe
from frappe.utils import flt

from kinerja_asn.scoring import aggregation, competency, talent
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
