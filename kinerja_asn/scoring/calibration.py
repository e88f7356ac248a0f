"""Calibration assistant: the fewest changes of predikat that make a distribution group satisfy SE 3/2023.

A predikat is never set by hand: it is the kuadran of the two ratings (PermenPANRB 6/2022). So a proposal
changes a rating (hasil kerja or perilaku, or both when nothing less reaches the target), and the kuadran
gives the new predikat. The Pejabat Penilai accepts or rejects each proposal; an accepted one becomes a rating
override with the proposal's reason.

How it chooses:

1. The rules of one organisation predicate (CKO) limit disjoint sets of predikat (e.g. CKO Baik: Baik at most
   70%; Butuh Perbaikan or Kurang at least one). Each change moves one employee out of one set and into one
   other, so at least max(total excess, total shortfall) employees must change; the assistant changes exactly
   that many (``minimum_changes``). When no distribution of the group can satisfy the rules (a group of one
   with CKO Kurang needs 60% Kurang *and* 10% Butuh Perbaikan), it proposes nothing and says why.
2. Each change goes to the employee closest to the rating boundary that must be crossed: the gap between the
   employee's score (hasil kerja achievement %, behaviour score 1-5) and the threshold of the new rating,
   measured in widths of the "Sesuai" band so that both axes compare. Without a score, one band per step.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kinerja_asn.scoring.distribution import (
	DEFAULT_MAX_ROUNDING,
	DEFAULT_MIN_ROUNDING,
	DistributionRule,
	Rounding,
	rules_for,
)
from kinerja_asn.scoring.errors import RuleError, _
from kinerja_asn.scoring.ratings import (
	DEFAULT_ABOVE_THRESHOLD,
	DEFAULT_BELOW_THRESHOLD,
	DEFAULT_PERILAKU_ABOVE,
	DEFAULT_PERILAKU_BELOW,
	DI_ATAS,
	DI_BAWAH,
	KUADRAN,
	PREDIKAT,
	RATINGS,
	SESUAI,
)

HASIL = "hasil_kerja"
PERILAKU = "perilaku"


@dataclass(frozen=True)
class Candidate:
	"""One employee of the group as the calibration sees them."""

	key: str
	hasil_kerja_rating: str
	perilaku_rating: str
	hasil_kerja_score: float | None = None  # achievement of the results, percent
	perilaku_score: float | None = None  # weighted behaviour score, 1-5

	@property
	def predikat(self) -> str:
		return KUADRAN[(self.hasil_kerja_rating, self.perilaku_rating)]


@dataclass(frozen=True)
class Thresholds:
	hasil_above: float = DEFAULT_ABOVE_THRESHOLD
	hasil_below: float = DEFAULT_BELOW_THRESHOLD
	perilaku_above: float = DEFAULT_PERILAKU_ABOVE
	perilaku_below: float = DEFAULT_PERILAKU_BELOW


@dataclass(frozen=True)
class Proposal:
	"""Change ``key`` from ``from_predikat`` to ``to_predikat`` by setting the two ratings as given, because of
	``rule``; ``gap`` is how far the employee's scores are from the new ratings (see the module docstring)."""

	key: str
	from_predikat: str
	to_predikat: str
	hasil_kerja_rating: str
	perilaku_rating: str
	old_hasil_kerja_rating: str
	old_perilaku_rating: str
	hasil_kerja_score: float | None
	perilaku_score: float | None
	gap: float
	rule: DistributionRule

	def reason(self, name: str, translate=lambda text: text) -> str:
		"""The reason shown to the Pejabat Penilai and recorded with the override; ``translate`` is ``_``."""
		changes = [
			translate(label) + " " + translate(new)
			for label, new, old in (
				(HASIL_LABEL, self.hasil_kerja_rating, self.old_hasil_kerja_rating),
				(PERILAKU_LABEL, self.perilaku_rating, self.old_perilaku_rating),
			)
			if new != old
		]
		return translate(REASON).format(
			name,
			_number(self.hasil_kerja_score),
			_number(self.perilaku_score),
			translate(self.to_predikat),
			f"{self.gap:.2f}",
			", ".join(changes),
			translate(self.rule.description),
		)


@dataclass
class Assistance:
	"""The assistant's answer for one group. ``feasible`` False: no distribution satisfies the rules."""

	minimum_changes: int
	proposals: list[Proposal] = field(default_factory=list)
	feasible: bool = True
	infeasible_reason: tuple[str, tuple[Any, ...]] | None = None


REASON = _(
	"{0} (hasil kerja {1}%, behaviour score {2}) is the closest in the group to the boundary of {3}: "
	"{4} of a rating band. Proposed: {5}, so the predikat becomes {3}. Needed because: {6}"
)
HASIL_LABEL = _("Rating Hasil Kerja")
PERILAKU_LABEL = _("Rating Perilaku Kerja")
INFEASIBLE = _(
	"No distribution of {0} employees satisfies the rules of CKO {1}: together they require at least {2} "
	"employees. Pool the group into a larger one or check the CKO."
)
NOT_WITHOUT_FIXED = _(
	"The group cannot meet the rules without changing one of the {0} employees whose proposal was already "
	"decided. Change one of them by hand with a reason, or check the CKO."
)

_LEVEL = {DI_BAWAH: 0, SESUAI: 1, DI_ATAS: 2}


def _gap(score: float | None, current: str, target: str, above: float, below: float, hasil: bool) -> float:
	"""Distance (in widths of the Sesuai band) from ``score`` to the range of rating ``target``."""
	if target == current:
		return 0.0
	if score is None:
		return float(abs(_LEVEL[target] - _LEVEL[current]))
	width = above - below
	if target == DI_ATAS:
		distance = max(0.0, above - score)
	elif target == DI_BAWAH:
		distance = max(0.0, score - below)
	else:
		distance = max(0.0, below - score, score - above)
	# a rating override may have left the score inside the target's range already: crossing is then free,
	# but still costs a hair more than no change, and hasil kerja edges are open (> above, < below)
	return distance / width + (1e-6 if hasil or distance == 0 else 0.0)


@dataclass(frozen=True)
class _Move:
	cost: tuple[float, int, str]
	hasil: str
	perilaku: str


def _best_move(candidate: Candidate, target: str, thresholds: Thresholds) -> _Move:
	best = None
	for (hasil, perilaku), predikat in KUADRAN.items():
		if predikat != target:
			continue
		gap = _gap(
			candidate.hasil_kerja_score,
			candidate.hasil_kerja_rating,
			hasil,
			thresholds.hasil_above,
			thresholds.hasil_below,
			True,
		) + _gap(
			candidate.perilaku_score,
			candidate.perilaku_rating,
			perilaku,
			thresholds.perilaku_above,
			thresholds.perilaku_below,
			False,
		)
		changes = (hasil != candidate.hasil_kerja_rating) + (perilaku != candidate.perilaku_rating)
		move = _Move((round(gap, 9), changes, candidate.key), hasil, perilaku)
		if best is None or move.cost < best.cost:
			best = move
	return best


@dataclass
class _Bucket:
	"""The predikat limited by one rule (or the free rest), with the head counts the rule allows."""

	predicates: tuple[str, ...]
	low: int
	high: int
	rule: DistributionRule | None
	count: int = 0


def _buckets(cko: str, total: int, max_rounding: Rounding, min_rounding: Rounding, rules) -> list[_Bucket]:
	buckets: list[_Bucket] = []
	used: set[str] = set()
	for rule in rules_for(cko, rules):
		if used & set(rule.predicates):
			raise RuleError(
				_("The assistant needs rules on separate predikat; rules of CKO {0} overlap"), cko
			)
		used |= set(rule.predicates)
		limit = rule.limit(total, max_rounding, min_rounding)
		low, high = (0, limit) if rule.kind == "max" else (limit, total)
		buckets.append(_Bucket(rule.predicates, low, high, rule))
	free = tuple(p for p in PREDIKAT if p not in used)
	if free:
		buckets.append(_Bucket(free, 0, total, None))
	return buckets


def minimum_changes(
	cko: str,
	counts: Mapping[str, int],
	max_rounding: Rounding = DEFAULT_MAX_ROUNDING,
	min_rounding: Rounding = DEFAULT_MIN_ROUNDING,
	rules=None,
) -> int | None:
	"""The fewest employees whose predikat must change for ``counts`` to satisfy CKO ``cko``; None when no
	distribution of that many employees can."""
	total = sum(counts.values())
	buckets = _buckets(cko, total, max_rounding, min_rounding, rules)
	if sum(b.low for b in buckets) > total:
		return None
	excess = sum(max(0, sum(counts.get(p, 0) for p in b.predicates) - b.high) for b in buckets)
	shortfall = sum(max(0, b.low - sum(counts.get(p, 0) for p in b.predicates)) for b in buckets)
	return max(excess, shortfall)


def propose(
	cko: str,
	candidates: Sequence[Candidate],
	thresholds: Thresholds = Thresholds(),
	max_rounding: Rounding = DEFAULT_MAX_ROUNDING,
	min_rounding: Rounding = DEFAULT_MIN_ROUNDING,
	rules=None,
	fixed: Iterable[str] = (),
) -> Assistance:
	"""Propose the fewest predikat changes that make the group satisfy SE 3/2023 under CKO ``cko``.

	``fixed``: keys of employees never to change (their proposal was already accepted or rejected). When the
	rules cannot be met without them, the answer is not feasible and says so.
	"""
	for c in candidates:
		for rating in (c.hasil_kerja_rating, c.perilaku_rating):
			if rating not in RATINGS:
				raise RuleError(
					_("Employee {0} has no valid rating ({1}); rate both axes first"), c.key, rating
				)
	total = len(candidates)
	if not total:
		return Assistance(0)
	buckets = _buckets(cko, total, max_rounding, min_rounding, rules)
	needed = sum(b.low for b in buckets)
	if needed > total:
		return Assistance(0, feasible=False, infeasible_reason=(INFEASIBLE, (total, cko, needed)))
	where = {p: b for b in buckets for p in b.predicates}
	members: dict[int, list[Candidate]] = {id(b): [] for b in buckets}
	for c in candidates:
		members[id(where[c.predikat])].append(c)
	for b in buckets:
		b.count = len(members[id(b)])
	counts = {p: sum(1 for c in candidates if c.predikat == p) for p in PREDIKAT}
	result = Assistance(
		minimum_changes(cko, counts, max_rounding=max_rounding, min_rounding=min_rounding, rules=rules)
	)
	moved: set[str] = set(fixed)
	while True:
		excess = [b for b in buckets if b.count > b.high]
		short = [b for b in buckets if b.count < b.low]
		if not excess and not short:
			break
		sources = excess or [b for b in buckets if b.count > b.low and b.count <= b.high]
		targets = short or [b for b in buckets if b.count < b.high and b.count >= b.low]
		best = None
		for source in sources:
			for c in members[id(source)]:
				if c.key in moved:
					continue
				for target in targets:
					if target is source:
						continue
					for predikat in target.predicates:
						move = _best_move(c, predikat, thresholds)
						if best is None or move.cost < best[0].cost:
							best = (move, c, source, target, predikat)
		if best is None:  # only when the employees that could change are all fixed
			return Assistance(
				result.minimum_changes,
				feasible=False,
				infeasible_reason=(NOT_WITHOUT_FIXED, (len(set(fixed)),)),
			)
		move, c, source, target, predikat = best
		moved.add(c.key)
		members[id(source)].remove(c)
		source.count -= 1
		target.count += 1
		result.proposals.append(
			Proposal(
				key=c.key,
				from_predikat=c.predikat,
				to_predikat=predikat,
				hasil_kerja_rating=move.hasil,
				perilaku_rating=move.perilaku,
				old_hasil_kerja_rating=c.hasil_kerja_rating,
				old_perilaku_rating=c.perilaku_rating,
				hasil_kerja_score=c.hasil_kerja_score,
				perilaku_score=c.perilaku_score,
				gap=move.cost[0],
				rule=(source if source in excess else target).rule,
			)
		)
	return result


def _number(value: float | None) -> str:
	return "-" if value is None else f"{value:g}"


def apply(candidates: Iterable[Candidate], proposals: Iterable[Proposal]) -> list[str]:
	"""The predikat of each candidate after the proposals (for checking them)."""
	new = {p.key: (p.hasil_kerja_rating, p.perilaku_rating) for p in proposals}
	return [KUADRAN[new.get(c.key, (c.hasil_kerja_rating, c.perilaku_rating))] for c in candidates]
