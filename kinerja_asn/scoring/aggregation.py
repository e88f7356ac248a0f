"""Multi-rater (360) roll-up of behaviour scores.

PermenPANRB 6/2022 lets the evaluator take input from peers and subordinates (umpan balik berkelanjutan);
the weights, minimum rater counts and anonymity threshold are local choices, hence parameters.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kinerja_asn.scoring.errors import RuleError, _

ATASAN = "Atasan Langsung"
REKAN = "Rekan Kerja"
BAWAHAN = "Bawahan"
DIRI = "Diri Sendiri"
RATER_ROLES = (ATASAN, REKAN, BAWAHAN, DIRI)
POOLED = "Rekan Kerja dan Bawahan"

DEFAULT_ROLE_WEIGHTS: dict[str, float] = {ATASAN: 50, REKAN: 30, BAWAHAN: 20, DIRI: 0}
DEFAULT_MIN_RATERS: dict[str, int] = {REKAN: 3}
DEFAULT_ANONYMITY_THRESHOLD = 3

# Shown as themselves whatever their count (the person knows who they are).
ALWAYS_VISIBLE = (ATASAN, DIRI)
# Shown only from the anonymity threshold on; below it they are pooled.
ANONYMOUS_ROLES = (REKAN, BAWAHAN)


def _validate_role(role: str) -> str:
	if role not in RATER_ROLES:
		raise RuleError(
			_("Unknown rater role {0}; use Atasan Langsung, Rekan Kerja, Bawahan or Diri Sendiri"), role
		)
	return role


def validate_weights(weights: Mapping[str, float]) -> None:
	"""Role weights must be for known roles, 0 or more, and not all 0."""
	for role, weight in weights.items():
		_validate_role(role)
		if weight is None or weight < 0:
			raise RuleError(_("The weight of rater role {0} must be 0 or more, got {1}"), role, weight)
	if not sum(weights.values()) > 0:
		raise RuleError(_("The rater role weights add up to zero; give at least one role a positive weight"))


def effective_weights(weights: Mapping[str, float], present_roles: Iterable[str]) -> dict[str, float]:
	"""Weights of the present roles with weight > 0, normalised to sum 1 (absent roles' weight is spread)."""
	validate_weights(weights)
	present = {_validate_role(role) for role in present_roles}
	used = {
		role: weights.get(role, 0) for role in RATER_ROLES if role in present and weights.get(role, 0) > 0
	}
	total = sum(used.values())
	if not total:
		return {}
	return {role: weight / total for role, weight in used.items()}


@dataclass(frozen=True)
class RoleStat:
	"""Mean score and number of raters of one rater role."""

	role: str
	mean: float
	count: int


def _merge(role_stats: Iterable[RoleStat]) -> dict[str, RoleStat]:
	"""Validate and merge the stats per role (count-weighted mean if a role appears twice)."""
	merged: dict[str, RoleStat] = {}
	for stat in role_stats:
		_validate_role(stat.role)
		if isinstance(stat.count, bool) or not isinstance(stat.count, int) or stat.count < 0:
			raise RuleError(
				_("The number of raters for {0} must be 0 or more, got {1}"), stat.role, stat.count
			)
		if stat.count == 0:
			continue
		previous = merged.get(stat.role)
		if previous is None:
			merged[stat.role] = stat
		else:
			count = previous.count + stat.count
			mean = (previous.mean * previous.count + stat.mean * stat.count) / count
			merged[stat.role] = RoleStat(stat.role, mean, count)
	return merged


def _groups(stats: dict[str, RoleStat], threshold: int) -> tuple[list[RoleStat], tuple[str, ...]]:
	"""The groups the person rated may know of (unrounded means) and the roles pooled into POOLED."""
	if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
		raise RuleError(_("The anonymity threshold must be a whole number of 1 or more, got {0}"), threshold)
	shown = [stats[ATASAN]] if ATASAN in stats else []
	small = []
	for role in ANONYMOUS_ROLES:
		if role in stats:
			(shown if stats[role].count >= threshold else small).append(stats[role])
	pooled: tuple[str, ...] = ()
	pooled_count = sum(stat.count for stat in small)
	if small and pooled_count >= threshold:
		pooled_mean = sum(stat.mean * stat.count for stat in small) / pooled_count
		shown.append(RoleStat(POOLED, pooled_mean, pooled_count))
		pooled = tuple(stat.role for stat in small)
	if DIRI in stats:
		shown.append(stats[DIRI])
	return shown, pooled


def scored_groups(
	role_stats: Iterable[RoleStat],
	weights: Mapping[str, float] = DEFAULT_ROLE_WEIGHTS,
	threshold: int = DEFAULT_ANONYMITY_THRESHOLD,
) -> list[tuple[RoleStat, float]]:
	"""(group, effective weight) of the groups that make a combined score; the weights add up to 1.

	Only groups the person rated may see count (see ``visible_groups``): a pooled group weighs the sum of the
	weights of the roles in it, and a peer or subordinate group too small even when pooled does not count at
	all. So a combined score reveals nothing beyond the visible group means, whatever weights are set.
	"""
	validate_weights(weights)
	groups, pooled = _groups(_merge(role_stats), threshold)
	weight_of = {role: weights.get(role, 0) for role in RATER_ROLES}
	weight_of[POOLED] = sum(weights.get(role, 0) for role in pooled)
	used = [(g, weight_of[g.role]) for g in groups if weight_of[g.role] > 0]
	total = sum(weight for _g, weight in used)
	return [(g, weight / total) for g, weight in used] if total else []


def combine(
	role_stats: Iterable[RoleStat],
	weights: Mapping[str, float] = DEFAULT_ROLE_WEIGHTS,
	threshold: int = DEFAULT_ANONYMITY_THRESHOLD,
) -> float | None:
	"""Weighted mean of the visible group means (``scored_groups``); None if no weighted group has raters."""
	return combine_counted(role_stats, weights, threshold)[0]


def combine_counted(
	role_stats: Iterable[RoleStat],
	weights: Mapping[str, float] = DEFAULT_ROLE_WEIGHTS,
	threshold: int = DEFAULT_ANONYMITY_THRESHOLD,
) -> tuple[float | None, int]:
	"""``combine`` and the number of raters whose ratings make it (0 when it is None), from one grouping."""
	used = scored_groups(role_stats, weights, threshold)
	if not used:
		return None, 0
	return round(sum(g.mean * weight for g, weight in used), 2), sum(g.count for g, _weight in used)


def visible_groups(
	role_stats: Iterable[RoleStat], threshold: int = DEFAULT_ANONYMITY_THRESHOLD
) -> list[RoleStat]:
	"""Groups the rated person may see, protecting the anonymity of peers and subordinates.

	Atasan Langsung and Diri Sendiri are shown as themselves. Rekan Kerja and Bawahan are each shown when
	they have at least ``threshold`` raters; the ones below are pooled as "Rekan Kerja dan Bawahan"
	(count-weighted mean) when the pool reaches the threshold, otherwise hidden.
	"""
	groups, _pooled = _groups(_merge(role_stats), threshold)
	return [RoleStat(g.role, round(g.mean, 2), g.count) if g.role == POOLED else g for g in groups]


@dataclass(frozen=True)
class RoleSummary:
	"""One row of an appraisal's rater summary: counts always; means and weight only of a visible group."""

	role: str
	assigned: int
	submitted: int
	competency_mean: float | None
	behaviour_mean: float | None
	weight: float  # effective weight in %, 0 for a group that does not count


SUMMARY_ORDER = (ATASAN, REKAN, BAWAHAN, POOLED, DIRI)


def summarise_roles(
	competency: Mapping[str, Iterable[RoleStat]],
	behaviour: Mapping[str, Iterable[RoleStat]],
	assigned: Mapping[str, int],
	submitted: Mapping[str, int],
	weights: Mapping[str, float] = DEFAULT_ROLE_WEIGHTS,
	threshold: int = DEFAULT_ANONYMITY_THRESHOLD,
) -> list[RoleSummary]:
	"""Per rater role (and the pooled group when there is one): raters assigned and submitted, the mean over
	items of the group's means, and its effective weight. A peer or subordinate group below the anonymity
	threshold gets counts only, so nothing stored or printed reveals its ratings."""
	counts = [RoleStat(role, 0, n) for role, n in submitted.items()]
	groups = {g.role: g for g in visible_groups(counts, threshold)}
	weight_of = {g.role: weight for g, weight in scored_groups(counts, weights, threshold)}
	# the visible groups of every item, once (not once per role)
	competency_groups = [visible_groups(stats, threshold) for stats in competency.values()]
	behaviour_groups = [visible_groups(stats, threshold) for stats in behaviour.values()]

	def mean(item_groups: list[list[RoleStat]], role: str) -> float | None:
		means = [g.mean for item in item_groups for g in item if g.role == role]
		return round(sum(means) / len(means), 2) if means else None

	rows = []
	for role in SUMMARY_ORDER:
		visible = role in groups
		if role == POOLED:
			if not visible:
				continue
			n_assigned = sum(assigned.get(r, 0) for r in ANONYMOUS_ROLES if r not in groups)
		elif not assigned.get(role) and not submitted.get(role):
			continue
		else:
			n_assigned = assigned.get(role, 0)
		rows.append(
			RoleSummary(
				role=role,
				assigned=n_assigned,
				submitted=groups[role].count if visible else submitted.get(role, 0),
				competency_mean=mean(competency_groups, role) if visible else None,
				behaviour_mean=mean(behaviour_groups, role) if visible else None,
				weight=round(weight_of.get(role, 0) * 100, 2),
			)
		)
	return rows


def meets_minimum(
	role_stats: Iterable[RoleStat], minimum: Mapping[str, int] = DEFAULT_MIN_RATERS
) -> dict[str, bool]:
	"""For each role with a minimum number of raters, whether it is reached."""
	stats = _merge(role_stats)
	result = {}
	for role, needed in minimum.items():
		_validate_role(role)
		result[role] = (stats[role].count if role in stats else 0) >= needed
	return result
