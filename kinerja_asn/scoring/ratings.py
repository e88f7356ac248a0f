"""Ratings and predikat kinerja pegawai.

PermenPANRB 6/2022, Lampiran: kuadran kinerja (Rating Hasil Kerja x Rating Perilaku Kerja -> Predikat).
The numeric thresholds used to *propose* a rating are local practice, not regulation: they are parameters.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from kinerja_asn.scoring.errors import RuleError, _

DI_ATAS = "Di Atas Ekspektasi"
SESUAI = "Sesuai Ekspektasi"
DI_BAWAH = "Di Bawah Ekspektasi"
RATINGS = (DI_ATAS, SESUAI, DI_BAWAH)

SANGAT_BAIK = "Sangat Baik"
BAIK = "Baik"
BUTUH_PERBAIKAN = "Butuh Perbaikan"
KURANG = "Kurang/Misconduct"
SANGAT_KURANG = "Sangat Kurang"
PREDIKAT = (SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)

# PermenPANRB 6/2022, Lampiran: kuadran kinerja. Key: (rating hasil kerja, rating perilaku kerja).
KUADRAN: dict[tuple[str, str], str] = {
	(DI_ATAS, DI_ATAS): SANGAT_BAIK,
	(DI_ATAS, SESUAI): BAIK,
	(DI_ATAS, DI_BAWAH): KURANG,
	(SESUAI, DI_ATAS): BAIK,
	(SESUAI, SESUAI): BAIK,
	(SESUAI, DI_BAWAH): KURANG,
	(DI_BAWAH, DI_ATAS): BUTUH_PERBAIKAN,
	(DI_BAWAH, SESUAI): BUTUH_PERBAIKAN,
	(DI_BAWAH, DI_BAWAH): SANGAT_KURANG,
}

# Local practice (public e-Kinerja code: "Di atas > 100, Sesuai 90-100, Di bawah < 90"), not regulation.
DEFAULT_ABOVE_THRESHOLD = 100.0
DEFAULT_BELOW_THRESHOLD = 90.0

# Local choice on the 1-5 weighted behaviour (BerAKHLAK) score, not regulation.
DEFAULT_PERILAKU_ABOVE = 4.0
DEFAULT_PERILAKU_BELOW = 3.0
PERILAKU_MIN_SCORE = 1.0
PERILAKU_MAX_SCORE = 5.0


def validate_rating(rating: str) -> str:
	"""Return the rating if it is one of the three ratings of PermenPANRB 6/2022."""
	if rating not in RATINGS:
		raise RuleError(
			_("Unknown rating {0}; use Di Atas Ekspektasi, Sesuai Ekspektasi or Di Bawah Ekspektasi"),
			rating,
		)
	return rating


def validate_predikat(value: str) -> str:
	"""Return the value if it is one of the five predikat kinerja pegawai (PermenPANRB 6/2022)."""
	if value not in PREDIKAT:
		raise RuleError(
			_(
				"Unknown predikat kinerja {0}; use Sangat Baik, Baik, Butuh Perbaikan, "
				"Kurang/Misconduct or Sangat Kurang"
			),
			value,
		)
	return value


def predikat(hasil_kerja: str, perilaku: str) -> str:
	"""Predikat kinerja from the two ratings. PermenPANRB 6/2022, Lampiran: kuadran kinerja."""
	validate_rating(hasil_kerja)
	validate_rating(perilaku)
	return KUADRAN[(hasil_kerja, perilaku)]


@dataclass(frozen=True)
class GoalResult:
	"""Outcome of one rencana hasil kerja (SKP row)."""

	achievement: float  # realisasi/target in percent
	utama: bool = True


def _check_thresholds(above: float, below: float) -> None:
	if not (math.isfinite(above) and math.isfinite(below)):
		raise RuleError(_("Thresholds must be finite numbers, got {0} and {1}"), above, below)
	if above <= below:
		raise RuleError(
			_(
				"The above-expectation threshold ({0}) must be greater than the below-expectation threshold ({1})"
			),
			above,
			below,
		)


def classify_achievement(
	pct: float, above: float = DEFAULT_ABOVE_THRESHOLD, below: float = DEFAULT_BELOW_THRESHOLD
) -> str:
	"""Rating of one goal from its achievement percent: > above -> Di Atas, < below -> Di Bawah.

	The thresholds are local practice (not in PermenPANRB 6/2022), hence parameters.
	"""
	_check_thresholds(above, below)
	if pct is None or not math.isfinite(pct):
		raise RuleError(_("Achievement must be a number (realisasi/target in percent), got {0}"), pct)
	if pct > above:
		return DI_ATAS
	if pct < below:
		return DI_BAWAH
	return SESUAI


def propose_hasil_kerja(
	results: Sequence[GoalResult],
	above: float = DEFAULT_ABOVE_THRESHOLD,
	below: float = DEFAULT_BELOW_THRESHOLD,
) -> str:
	"""Propose the Rating Hasil Kerja from goal results (BKN e-Kinerja definitions, PermenPANRB 6/2022).

	Di Bawah: more than half of all results, or more than half of the utama results, are below.
	Di Atas: more than half of all results are above and no utama result is below.
	Otherwise Sesuai. The evaluator may still override the proposal.
	"""
	_check_thresholds(above, below)
	if not results:
		raise RuleError(
			_("Add at least one rencana hasil kerja with its realisasi before proposing a rating")
		)
	ratings = [(classify_achievement(r.achievement, above, below), r.utama) for r in results]
	total = len(ratings)
	below_count = sum(1 for rating, _utama in ratings if rating == DI_BAWAH)
	above_count = sum(1 for rating, _utama in ratings if rating == DI_ATAS)
	utama_total = sum(1 for _rating, utama in ratings if utama)
	utama_below = sum(1 for rating, utama in ratings if utama and rating == DI_BAWAH)
	if below_count * 2 > total or (utama_total and utama_below * 2 > utama_total):
		return DI_BAWAH
	if above_count * 2 > total and utama_below == 0:
		return DI_ATAS
	return SESUAI


def propose_perilaku(
	score: float | None,
	above: float = DEFAULT_PERILAKU_ABOVE,
	below: float = DEFAULT_PERILAKU_BELOW,
) -> str | None:
	"""Propose the Rating Perilaku Kerja from the 1-5 weighted behaviour score (local practice).

	score >= above -> Di Atas, score < below -> Di Bawah, else Sesuai; None (no score yet) -> None.
	"""
	_check_thresholds(above, below)
	if score is None:
		return None
	if not math.isfinite(score) or not PERILAKU_MIN_SCORE <= score <= PERILAKU_MAX_SCORE:
		raise RuleError(_("Behaviour score must be between 1 and 5, got {0}"), score)
	if score >= above:
		return DI_ATAS
	if score < below:
		return DI_BAWAH
	return SESUAI


def performance_axis(predikat: str) -> str:
	"""Kinerja axis of the 9-box (PermenPANRB 3/2020): Sangat Baik -> Di Atas, Baik -> Sesuai, else Di Bawah."""
	validate_predikat(predikat)
	if predikat == SANGAT_BAIK:
		return DI_ATAS
	if predikat == BAIK:
		return SESUAI
	return DI_BAWAH
