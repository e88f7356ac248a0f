"""The score chain of one ASN Appraisal, in one place.

Inputs: the competency rows (standard level, assessed level from the raters, weight), the weighted behaviour
score, the SKP results, and what the Pejabat Penilai Kinerja decided (ratings that differ from the proposal,
each with a reason). Output: every derived value stored on the appraisal.

	SKP results ──propose_hasil_kerja──▶ hasil kerja proposed ─┐ (evaluator may override, with a reason)
	behaviour score ──propose_perilaku──▶ perilaku proposed ───┤
	                                                            ├─kuadran──▶ predikat ──▶ angka kredit (JF)
	competency rows ──job_person_match──▶ JPM ─▶ category      │
	                                        └──▶ potential ────┴─9-box──▶ talent box
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kinerja_asn.scoring import angka_kredit as ak
from kinerja_asn.scoring import competency, ratings, talent
from kinerja_asn.scoring.competency import Band, CompetencyScore


@dataclass(frozen=True)
class Config:
	"""Agency settings (Kinerja ASN Settings); defaults are the pure core's defaults."""

	hasil_above: float = ratings.DEFAULT_ABOVE_THRESHOLD
	hasil_below: float = ratings.DEFAULT_BELOW_THRESHOLD
	perilaku_above: float = ratings.DEFAULT_PERILAKU_ABOVE
	perilaku_below: float = ratings.DEFAULT_PERILAKU_BELOW
	jpm_bands: Sequence[Band] = competency.DEFAULT_JPM_CATEGORIES
	potential_bands: Sequence[Band] = talent.DEFAULT_POTENTIAL_BANDS
	ak_coefficients: Mapping[str, float] = field(default_factory=lambda: dict(ak.DEFAULT_JF_COEFFICIENTS))


@dataclass
class Derived:
	hasil_kerja_proposed: str | None = None
	hasil_kerja_rating: str | None = None
	perilaku_proposed: str | None = None
	perilaku_rating: str | None = None
	predikat: str | None = None
	jpm: float | None = None
	jpm_capped: float | None = None
	jpm_category: str | None = None
	potential: str | None = None
	talent_box: int | None = None
	angka_kredit: float | None = None


def derive(
	*,
	competencies: Sequence[CompetencyScore],
	behaviour_score: float | None,
	results: Sequence[ratings.GoalResult],
	hasil_kerja_override: str | None = None,
	perilaku_override: str | None = None,
	job_group: str | None = None,
	months: int = 12,
	config: Config = Config(),
) -> Derived:
	"""Every derived score of one appraisal; overrides are the evaluator's ratings where a reason was given."""
	out = Derived()
	if results:
		out.hasil_kerja_proposed = ratings.propose_hasil_kerja(
			results, above=config.hasil_above, below=config.hasil_below
		)
	out.hasil_kerja_rating = hasil_kerja_override or out.hasil_kerja_proposed
	out.perilaku_proposed = ratings.propose_perilaku(
		behaviour_score, above=config.perilaku_above, below=config.perilaku_below
	)
	out.perilaku_rating = perilaku_override or out.perilaku_proposed
	if out.hasil_kerja_rating and out.perilaku_rating:
		out.predikat = ratings.predikat(out.hasil_kerja_rating, out.perilaku_rating)

	jpm = competency.job_person_match(competencies)
	if jpm:
		out.jpm, out.jpm_capped = jpm.raw, jpm.capped
		out.jpm_category = competency.categorise(jpm.capped, config.jpm_bands)
		out.potential = talent.potential_from_jpm(jpm.capped, config.potential_bands)
		if out.predikat:
			out.talent_box = talent.nine_box(ratings.performance_axis(out.predikat), out.potential)

	if out.predikat and job_group in config.ak_coefficients:
		out.angka_kredit = ak.angka_kredit(out.predikat, config.ak_coefficients[job_group], months)
	return out
