"""Competency standards, levels, gaps and Job Person Match.

PermenPANRB 38/2017 (Standar Kompetensi Jabatan ASN: 8 manajerial + 1 sosial kultural, levels 1-5, teknis
per instansi) and the JPM definition/categories of the uji kompetensi regulation (No. 35/2020) and
assessment-centre practice (Peraturan BKN 26/2019).
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from kinerja_asn.scoring.errors import RuleError, _

MANAJERIAL = "Manajerial"
SOSIAL_KULTURAL = "Sosial Kultural"
TEKNIS = "Teknis"
COMPETENCY_TYPES = (MANAJERIAL, SOSIAL_KULTURAL, TEKNIS)

# PermenPANRB 38/2017, Lampiran: Kamus Kompetensi Manajerial dan Sosial Kultural.
MANAGERIAL_COMPETENCIES = (
	"Integritas",
	"Kerja Sama",
	"Komunikasi",
	"Orientasi pada Hasil",
	"Pelayanan Publik",
	"Pengembangan Diri dan Orang Lain",
	"Mengelola Perubahan",
	"Pengambilan Keputusan",
)
SOCIO_CULTURAL_COMPETENCIES = ("Perekat Bangsa",)
MIN_LEVEL = 1
MAX_LEVEL = 5
ALL_LEVELS = tuple(range(MIN_LEVEL, MAX_LEVEL + 1))

JOB_GROUPS = (
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
)

# UNCONFIRMED (the PermenPANRB 38/2017 table was not retrieved): only a default seeded into settings; the
# required level is stored per jabatan x competency. JF Mahir is given as "1-2" in common use; 1 is chosen
# (the lower value, so nobody is flagged for a requirement that is not confirmed).
DEFAULT_STANDARD_LEVELS: dict[str, int] = {
	"JPT Utama": 5,
	"JPT Madya": 5,
	"JPT Pratama": 4,
	"Administrator": 3,
	"Pengawas": 2,
	"Pelaksana": 1,
	"JF Ahli Utama": 4,
	"JF Ahli Madya": 3,
	"JF Ahli Muda": 2,
	"JF Ahli Pertama": 1,
	"JF Penyelia": 2,
	"JF Mahir": 1,
	"JF Terampil": 1,
	"JF Pemula": 1,
}

# Uji kompetensi JF (regulation No. 35/2020): weight in percent of (Teknis, Manajerial + Sosial Kultural);
# passing needs an overall JPM of at least 68 (Masih Memenuhi Syarat).
UJI_KOMPETENSI_WEIGHTS: dict[str, tuple[float, float]] = {
	"JF Ahli Madya": (40, 60),
	"JF Ahli Muda": (50, 50),
	"JF Ahli Pertama": (60, 40),
}
UJI_KOMPETENSI_PASS = 68.0


def validate_level(level: int) -> int:
	"""Return the level as int if it is a whole number 1-5 (PermenPANRB 38/2017: levels 1 to 5)."""
	value = level
	if isinstance(value, str) and value.strip().isdigit():
		value = int(value.strip())
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	if isinstance(value, bool) or not isinstance(value, int) or not MIN_LEVEL <= value <= MAX_LEVEL:
		raise RuleError(_("Level must be a whole number between 1 and 5, got {0}"), level)
	return value


def validate_levels(levels: Sequence[int], competency_type: str) -> list[int]:
	"""Check the levels defined for one competency; return them as ints.

	PermenPANRB 38/2017: manajerial and sosial kultural competencies have all five levels; a teknis
	competency has at least one level.
	"""
	if competency_type not in COMPETENCY_TYPES:
		raise RuleError(
			_("Unknown competency type {0}; use Manajerial, Sosial Kultural or Teknis"), competency_type
		)
	values = [validate_level(level) for level in levels]
	seen: set[int] = set()
	for value in values:
		if value in seen:
			raise RuleError(_("Level {0} is defined more than once; keep one row per level"), value)
		seen.add(value)
	if competency_type in (MANAJERIAL, SOSIAL_KULTURAL):
		missing = [str(level) for level in ALL_LEVELS if level not in seen]
		if missing:
			raise RuleError(
				_("A {0} competency needs all five levels 1 to 5; add the missing level(s) {1}"),
				competency_type,
				", ".join(missing),
			)
	elif not values:
		raise RuleError(_("A Teknis competency needs at least one level; add a level"))
	return values


def validate_required_level(required: int, available_levels: Sequence[int]) -> int:
	"""The required (standard) level must be 1-5 and defined for the competency."""
	value = validate_level(required)
	defined = [validate_level(level) for level in available_levels]
	if not defined:
		raise RuleError(
			_("The competency has no levels defined; add its levels before requiring level {0}"), value
		)
	highest = max(defined)
	if value > highest:
		raise RuleError(
			_("Required level {0} is above the highest level defined for this competency ({1})"),
			value,
			highest,
		)
	return value


def standard_level(job_group: str, levels: Mapping[str, int] | None = None) -> int:
	"""Default required level for a job group (PermenPANRB 38/2017; UNCONFIRMED table, see settings)."""
	table = DEFAULT_STANDARD_LEVELS if levels is None else levels
	if job_group not in table:
		raise RuleError(
			_("No standard competency level is set for job group {0}; set it in the settings"), job_group
		)
	try:
		return validate_level(table[job_group])
	except RuleError:
		raise RuleError(
			_("The standard level of job group {0} must be a whole number between 1 and 5, got {1}"),
			job_group,
			table[job_group],
		) from None


def gap(assessed: float, required: int) -> float:
	"""Competency gap = assessed level - required level (negative = development need; PP 11/2017 Ps. 206)."""
	return round(assessed - required, 2)


@dataclass(frozen=True)
class CompetencyScore:
	"""One competency of one person: standard level, assessed level (None = not assessed), weight."""

	competency: str
	required: int
	assessed: float | None
	weight: float = 1.0


@dataclass
class JPMResult:
	"""Job Person Match in percent: raw (may exceed 100) and capped per competency at the standard."""

	raw: float
	capped: float


def _assessed_rows(rows: Iterable[CompetencyScore]) -> list[CompetencyScore]:
	assessed = []
	for row in rows:
		validate_level(row.required)
		if row.weight is None or not math.isfinite(row.weight) or row.weight < 0:
			raise RuleError(
				_("The weight of competency {0} must be 0 or more, got {1}"), row.competency, row.weight
			)
		if row.assessed is None:
			continue
		if not math.isfinite(row.assessed) or row.assessed < 0:
			raise RuleError(
				_("The assessed level of competency {0} must be 0 or more, got {1}"),
				row.competency,
				row.assessed,
			)
		assessed.append(row)
	return assessed


def job_person_match(rows: Iterable[CompetencyScore]) -> JPMResult | None:
	"""JPM (%) = sum of assessed levels / sum of standard levels x 100 (uji kompetensi reg. 35/2020).

	Only assessed rows count. Weights default to 1 (then it is exactly the regulation formula).
	``capped`` counts each competency at most at its standard level (whether the official method caps
	is UNCONFIRMED, so both are kept). None when nothing is assessed or all weights are 0.
	"""
	assessed = _assessed_rows(rows)
	denominator = sum(row.weight * row.required for row in assessed)
	if not assessed or denominator == 0:
		return None
	raw = sum(row.weight * row.assessed for row in assessed) / denominator * 100
	capped = sum(row.weight * min(row.assessed, row.required) for row in assessed) / denominator * 100
	return JPMResult(raw=round(raw, 2), capped=round(capped, 2))


@dataclass(frozen=True)
class Band:
	"""A category that applies from ``minimum`` (inclusive) up to the next band's minimum."""

	label: str
	minimum: float


# Set A, selection/placement (uji kompetensi reg. 35/2020): MS >= 80, MMS 68 to < 80, KMS < 68.
DEFAULT_JPM_CATEGORIES = (
	Band("Memenuhi Syarat", 80),
	Band("Masih Memenuhi Syarat", 68),
	Band("Kurang Memenuhi Syarat", 0),
)
# Set B, mapping/talent pool (assessment-centre practice; attribution to Peraturan BKN 26/2019 UNCONFIRMED).
MAPPING_JPM_CATEGORIES = (
	Band("Optimal", 90),
	Band("Cukup Optimal", 78),
	Band("Kurang Optimal", 0),
)


def validate_bands(bands: Sequence[Band]) -> list[Band]:
	"""Return the bands sorted by minimum, highest first, after checking they form a clean scale from 0."""
	if not bands:
		raise RuleError(_("Define at least one category band"))
	ordered = sorted(bands, key=lambda band: band.minimum, reverse=True)
	for higher, lower in pairwise(ordered):
		if higher.minimum == lower.minimum:
			raise RuleError(
				_("Category bands {0} and {1} have the same minimum {2}; give each band its own minimum"),
				higher.label,
				lower.label,
				higher.minimum,
			)
	if ordered[-1].minimum != 0:
		raise RuleError(
			_("The lowest category band {0} must start at 0, not {1}"), ordered[-1].label, ordered[-1].minimum
		)
	return ordered


def categorise(value: float, bands: Sequence[Band] = DEFAULT_JPM_CATEGORIES) -> str:
	"""Label of the highest band whose minimum is at most ``value`` (e.g. JPM 79.99 -> Masih Memenuhi Syarat)."""
	ordered = validate_bands(bands)
	if value is None or not math.isfinite(value) or value < 0:
		raise RuleError(_("The value to categorise must be a number of 0 or more, got {0}"), value)
	for band in ordered:
		if value >= band.minimum:
			return band.label
	return ordered[-1].label  # unreachable: the lowest minimum is 0


def uji_kompetensi_jpm(teknis: float, manajerial_sosial_kultural: float, job_group: str) -> float:
	"""Overall JPM of a JF uji kompetensi: weighted Teknis and Manajerial+Sosial Kultural JPM (reg. 35/2020)."""
	if job_group not in UJI_KOMPETENSI_WEIGHTS:
		raise RuleError(
			_(
				"Job group {0} has no uji kompetensi weighting; use JF Ahli Madya, JF Ahli Muda or JF Ahli Pertama"
			),
			job_group,
		)
	teknis_weight, managerial_weight = UJI_KOMPETENSI_WEIGHTS[job_group]
	return round((teknis * teknis_weight + manajerial_sosial_kultural * managerial_weight) / 100, 2)


def strengths_and_development_areas(rows: Iterable[CompetencyScore]) -> tuple[list[str], list[str]]:
	"""Kekuatan (assessed >= standard, largest surplus first) and area pengembangan (largest gap first)."""
	assessed = _assessed_rows(rows)
	strengths = [row for row in assessed if row.assessed >= row.required]
	development = [row for row in assessed if row.assessed < row.required]
	strengths.sort(key=lambda row: row.assessed - row.required, reverse=True)
	development.sort(key=lambda row: row.assessed - row.required)
	return [row.competency for row in strengths], [row.competency for row in development]
