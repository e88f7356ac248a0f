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


def combine(
	role_stats: Iterable[RoleStat], weights: Mapping[str, float] = DEFAULT_ROLE_WEIGHTS
) -> float | None:
	"""Weighted mean of the role means (effective weights); None if no weighted role has raters."""
	stats = _merge(role_stats)
	used = effective_weights(weights, stats)
	if not used:
		return None
	return round(sum(stats[role].mean * weight for role, weight in used.items()), 2)


def visible_groups(
	role_stats: Iterable[RoleStat], threshold: int = DEFAULT_ANONYMITY_THRESHOLD
) -> list[RoleStat]:
	"""Groups the rated person may see, protecting the anonymity of peers and subordinates.

	Atasan Langsung and Diri Sendiri are shown as themselves. Rekan Kerja and Bawahan are each shown when
	they have at least ``threshold`` raters; the ones below are pooled as "Rekan Kerja dan Bawahan"
	(count-weighted mean) when the pool reaches the threshold, otherwise hidden.
	"""
	if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
		raise RuleError(_("The anonymity threshold must be a whole number of 1 or more, got {0}"), threshold)
	stats = _merge(role_stats)
	shown: list[RoleStat] = []
	if ATASAN in stats:
		shown.append(stats[ATASAN])
	small: list[RoleStat] = []
	for role in ANONYMOUS_ROLES:
		if role not in stats:
			continue
		if stats[role].count >= threshold:
			shown.append(stats[role])
		else:
			small.append(stats[role])
	pooled_count = sum(stat.count for stat in small)
	if small and pooled_count >= threshold:
		pooled_mean = sum(stat.mean * stat.count for stat in small) / pooled_count
		shown.append(RoleStat(POOLED, round(pooled_mean, 2), pooled_count))
	if DIRI in stats:
		shown.append(stats[DIRI])
	return shown


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
