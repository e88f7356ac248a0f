"""Distribution of predikat kinerja within a unit. SE MenPANRB 3/2023 (kurva distribusi predikat kinerja).

The organisation predicate (Capaian Kinerja Organisasi) fixes how many employees may/must get each predikat.
The SE gives percentages only; how a percentage becomes a head count for a small unit is not in the SE
(BKN's calculator logic was not retrieved). Default, documented here and changeable by parameter:

* a maximum of p% allows floor(p x n / 100) employees (never more than p%);
* a minimum of p% requires max(ceil(p x n / 100), min_count) employees (never less than p%).

With these defaults some very small units cannot satisfy every rule (e.g. organisation predicate Kurang
with one employee needs 60% Kurang/Misconduct *and* 10% Butuh Perbaikan); pass other rounding functions
if the instansi decides so.
"""

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

from kinerja_asn.scoring.errors import RuleError, _
from kinerja_asn.scoring.ratings import (
	BAIK,
	BUTUH_PERBAIKAN,
	KURANG,
	PREDIKAT,
	SANGAT_BAIK,
	SANGAT_KURANG,
	validate_predikat,
)

ISTIMEWA = "Istimewa"
ORG_BAIK = "Baik"
ORG_BUTUH_PERBAIKAN = "Butuh Perbaikan"
ORG_KURANG = "Kurang"
ORG_SANGAT_KURANG = "Sangat Kurang"
ORGANISATION_PREDICATES = (ISTIMEWA, ORG_BAIK, ORG_BUTUH_PERBAIKAN, ORG_KURANG, ORG_SANGAT_KURANG)

Rounding = Callable[[Fraction], int]
DEFAULT_MAX_ROUNDING: Rounding = math.floor
DEFAULT_MIN_ROUNDING: Rounding = math.ceil


def _round_half_up(value: Fraction) -> int:
	return math.floor(value + Fraction(1, 2))


# The rounding rules HR may choose in Kinerja ASN Settings (the SE gives none; BKN's calculator is unknown).
ROUND_DOWN = "Round down"
ROUND_NEAREST = "Round to nearest"
ROUND_UP = "Round up"
ROUNDINGS: dict[str, Rounding] = {ROUND_DOWN: math.floor, ROUND_NEAREST: _round_half_up, ROUND_UP: math.ceil}

# A group smaller than this is not checked: the percentages mean nothing for 1-3 people (local choice,
# UNCONFIRMED; a setting). Such a group is reported as too small, never as failing.
DEFAULT_MIN_GROUP_SIZE = 10


def rounding_options(max_name: str | None = None, min_name: str | None = None) -> dict[str, Rounding]:
	"""``max_rounding``/``min_rounding`` keyword arguments of the checks, from rounding names of the settings."""
	return {
		"max_rounding": rounding(max_name, DEFAULT_MAX_ROUNDING),
		"min_rounding": rounding(min_name, DEFAULT_MIN_ROUNDING),
	}


def rounding(name: str | None, default: Rounding) -> Rounding:
	"""The rounding function for a settings value; ``default`` when unset."""
	if not name:
		return default
	if name not in ROUNDINGS:
		raise RuleError(_("Unknown rounding rule {0}; use one of: {1}"), name, ", ".join(ROUNDINGS))
	return ROUNDINGS[name]


@dataclass(frozen=True)
class DistributionRule:
	"""One limit of SE MenPANRB 3/2023: the share of employees with one of ``predicates``."""

	code: str
	kind: Literal["max", "min"]
	predicates: tuple[str, ...]
	percent: float
	min_count: int = 0
	description: str = ""

	def limit(
		self,
		total: int,
		max_rounding: Rounding = DEFAULT_MAX_ROUNDING,
		min_rounding: Rounding = DEFAULT_MIN_ROUNDING,
	) -> int:
		"""Head count allowed (max) or required (min) in a unit of ``total`` employees."""
		exact = Fraction(str(self.percent)) * total / 100
		if self.kind == "max":
			return int(max_rounding(exact))
		return max(int(min_rounding(exact)), self.min_count)


# SE MenPANRB 3/2023, pola distribusi per predikat kinerja organisasi.
RULES: dict[str, tuple[DistributionRule, ...]] = {
	ISTIMEWA: (
		DistributionRule(
			code="ISTIMEWA_SANGAT_BAIK_MAX",
			kind="max",
			predicates=(SANGAT_BAIK,),
			percent=70,
			description=_("At most 70% of the employees may be rated Sangat Baik."),
		),
	),
	ORG_BAIK: (
		DistributionRule(
			code="BAIK_BAIK_MAX",
			kind="max",
			predicates=(BAIK,),
			percent=70,
			description=_("At most 70% of the employees may be rated Baik."),
		),
		DistributionRule(
			code="BAIK_BUTUH_PERBAIKAN_OR_KURANG_REQUIRED",
			kind="min",
			predicates=(BUTUH_PERBAIKAN, KURANG),
			percent=0,
			min_count=1,
			description=_("At least one employee must be rated Butuh Perbaikan or Kurang/Misconduct."),
		),
	),
	ORG_BUTUH_PERBAIKAN: (
		DistributionRule(
			code="BUTUH_PERBAIKAN_BUTUH_PERBAIKAN_MIN",
			kind="min",
			predicates=(BUTUH_PERBAIKAN,),
			percent=60,
			description=_("At least 60% of the employees must be rated Butuh Perbaikan."),
		),
		DistributionRule(
			code="BUTUH_PERBAIKAN_SANGAT_BAIK_MAX",
			kind="max",
			predicates=(SANGAT_BAIK,),
			percent=10,
			description=_("At most 10% of the employees may be rated Sangat Baik."),
		),
	),
	ORG_KURANG: (
		DistributionRule(
			code="KURANG_KURANG_MIN",
			kind="min",
			predicates=(KURANG,),
			percent=60,
			description=_("At least 60% of the employees must be rated Kurang/Misconduct."),
		),
		DistributionRule(
			code="KURANG_BUTUH_PERBAIKAN_MIN",
			kind="min",
			predicates=(BUTUH_PERBAIKAN,),
			percent=10,
			description=_("At least 10% of the employees must be rated Butuh Perbaikan."),
		),
		DistributionRule(
			code="KURANG_SANGAT_BAIK_MAX",
			kind="max",
			predicates=(SANGAT_BAIK,),
			percent=10,
			description=_("At most 10% of the employees may be rated Sangat Baik."),
		),
	),
	ORG_SANGAT_KURANG: (
		DistributionRule(
			code="SANGAT_KURANG_SANGAT_KURANG_MIN",
			kind="min",
			predicates=(SANGAT_KURANG,),
			percent=60,
			description=_("At least 60% of the employees must be rated Sangat Kurang."),
		),
		DistributionRule(
			code="SANGAT_KURANG_KURANG_OR_BUTUH_PERBAIKAN_MIN",
			kind="min",
			predicates=(KURANG, BUTUH_PERBAIKAN),
			percent=10,
			description=_(
				"At least 10% of the employees must be rated Kurang/Misconduct or Butuh Perbaikan."
			),
		),
		DistributionRule(
			code="SANGAT_KURANG_SANGAT_BAIK_NONE",
			kind="max",
			predicates=(SANGAT_BAIK,),
			percent=0,
			description=_("No employee may be rated Sangat Baik."),
		),
	),
}

MAX_MESSAGE = _("{0} employees are rated {1}, but at most {2} ({3}% of the unit) are allowed; {4} too many")
MIN_MESSAGE = _("{0} employees are rated {1}, but at least {2} ({3}% of the unit) are required; {4} too few")
MIN_COUNT_MESSAGE = _("{0} employees are rated {1}, but at least {2} are required; {3} too few")


def _predicates_text(predicates: tuple[str, ...]) -> str:
	return " / ".join(predicates)


def _percent_text(percent: float) -> str:
	return f"{percent:g}"


@dataclass
class Violation:
	"""A distribution rule that the unit breaks. ``message``/``args`` are ready for translation."""

	rule: DistributionRule
	actual: int
	limit: int
	over: int = 0
	under: int = 0

	@property
	def message(self) -> str:
		"""Untranslated English template."""
		if self.rule.kind == "max":
			return MAX_MESSAGE
		if self.rule.percent == 0:
			return MIN_COUNT_MESSAGE
		return MIN_MESSAGE

	@property
	def args(self) -> tuple[Any, ...]:
		"""Values for the placeholders of ``message``."""
		names = _predicates_text(self.rule.predicates)
		if self.rule.kind == "max":
			return (self.actual, names, self.limit, _percent_text(self.rule.percent), self.over)
		if self.rule.percent == 0:
			return (self.actual, names, self.limit, self.under)
		return (self.actual, names, self.limit, _percent_text(self.rule.percent), self.under)

	@property
	def text(self) -> str:
		"""English text, for logs and tests."""
		return self.message.format(*self.args)


@dataclass
class DistributionResult:
	"""Outcome of checking one distribution group against SE MenPANRB 3/2023.

	``too_small`` (a group below the minimum size) means not checked: no violations, and never failing.
	"""

	organisation_predicate: str
	total: int
	counts: dict[str, int] = field(default_factory=dict)
	percentages: dict[str, float] = field(default_factory=dict)
	violations: list[Violation] = field(default_factory=list)
	too_small: bool = False
	min_size: int = 0

	@property
	def ok(self) -> bool:
		return not self.violations

	@property
	def status(self) -> str:
		"""``too_small``, ``ok`` or ``fail``."""
		if self.too_small:
			return "too_small"
		return "ok" if self.ok else "fail"

	@property
	def too_small_reason(self) -> tuple[str, tuple[Any, ...]]:
		"""Untranslated template and its values: why the group was not checked."""
		return TOO_SMALL_MESSAGE, (self.total, self.min_size)


TOO_SMALL_MESSAGE = _(
	"Too small to check: the group has {0} employees with a predikat, and the distribution is checked from "
	"{1} employees (Kinerja ASN Settings). Pool it into a larger distribution group if one leader sets "
	"their predikat together."
)


def rules_for(
	organisation_predicate: str, rules: Mapping[str, tuple[DistributionRule, ...]] | None = None
) -> tuple[DistributionRule, ...]:
	"""The SE MenPANRB 3/2023 rules for an organisation predicate (CKO)."""
	table = RULES if rules is None else rules
	if organisation_predicate not in table:
		raise RuleError(
			_(
				"Unknown organisation predicate {0}; use Istimewa, Baik, Butuh Perbaikan, Kurang "
				"or Sangat Kurang"
			),
			organisation_predicate,
		)
	return tuple(table[organisation_predicate])


def _count(predicates: Iterable[str] | Mapping[str, int]) -> dict[str, int]:
	counts = dict.fromkeys(PREDIKAT, 0)
	if isinstance(predicates, Mapping):
		for name, number in predicates.items():
			validate_predikat(name)
			if isinstance(number, bool) or not isinstance(number, int) or number < 0:
				raise RuleError(
					_("The number of employees rated {0} must be a whole number of 0 or more, got {1}"),
					name,
					number,
				)
			counts[name] += number
		return counts
	if isinstance(predicates, str):
		raise RuleError(_("Pass a list of predikat, one per employee, not a single text {0}"), predicates)
	for name, number in Counter(predicates).items():
		validate_predikat(name)
		counts[name] += number
	return counts


def check_distribution(
	organisation_predicate: str,
	predicates: Iterable[str] | Mapping[str, int],
	max_rounding: Rounding = DEFAULT_MAX_ROUNDING,
	min_rounding: Rounding = DEFAULT_MIN_ROUNDING,
	rules: Mapping[str, tuple[DistributionRule, ...]] | None = None,
	min_size: int = 0,
) -> DistributionResult:
	"""Check the employees' predikat of one distribution group against the pattern of SE MenPANRB 3/2023.

	``predicates`` is either one predikat per employee or a mapping predikat -> count.
	An empty group has nothing to check and is ok; a group of fewer than ``min_size`` is too small to check.
	"""
	unit_rules = rules_for(organisation_predicate, rules)
	counts = _count(predicates)
	total = sum(counts.values())
	percentages = {
		name: (round(number * 100 / total, 2) if total else 0.0) for name, number in counts.items()
	}
	result = DistributionResult(organisation_predicate, total, counts, percentages, min_size=min_size)
	if not total:
		return result
	if total < min_size:
		result.too_small = True
		return result
	for rule in unit_rules:
		actual = sum(counts[name] for name in rule.predicates)
		limit = rule.limit(total, max_rounding, min_rounding)
		if rule.kind == "max" and actual > limit:
			result.violations.append(Violation(rule, actual, limit, over=actual - limit))
		elif rule.kind == "min" and actual < limit:
			result.violations.append(Violation(rule, actual, limit, under=limit - actual))
	return result


def allowed_pattern(
	organisation_predicate: str,
	total: int,
	max_rounding: Rounding = DEFAULT_MAX_ROUNDING,
	min_rounding: Rounding = DEFAULT_MIN_ROUNDING,
	rules: Mapping[str, tuple[DistributionRule, ...]] | None = None,
) -> list[dict[str, Any]]:
	"""For display: each SE MenPANRB 3/2023 rule with the head count it allows or requires for ``total``.

	Each dict has code, kind, predicates, percent, min_count, description (untranslated), limit,
	and min/max (the limit under the matching key, None under the other).
	"""
	if isinstance(total, bool) or not isinstance(total, int) or total < 0:
		raise RuleError(_("The number of employees must be a whole number of 0 or more, got {0}"), total)
	pattern = []
	for rule in rules_for(organisation_predicate, rules):
		limit = rule.limit(total, max_rounding, min_rounding)
		pattern.append(
			{
				"code": rule.code,
				"kind": rule.kind,
				"predicates": list(rule.predicates),
				"percent": rule.percent,
				"min_count": rule.min_count,
				"description": rule.description,
				"limit": limit,
				"min": limit if rule.kind == "min" else None,
				"max": limit if rule.kind == "max" else None,
			}
		)
	return pattern
