"""Distribution groups (kelompok distribusi): who is calibrated together under SE MenPANRB 3/2023.

The SE applies the distribution pattern to the employees whose predikat one leader sets. In a regency that
is the whole perangkat daerah (a Dinas, Badan or Kecamatan with all its bidang and seksi), not each section
on its own; the heads of perangkat daerah (JPT Pratama) are set together by the leader above them (Sekda or
Bupati). These are the default groups HR starts from; HR may then move people or split groups.

Local choices (UNCONFIRMED, hence parameters and settings):

* ``split_from``: a sub-unit with at least this many employees becomes a group of its own; a smaller
  one is pooled into its parent. 0 (the default) never splits: one group per perangkat daerah.
* ``leader_job_groups``: the job groups whose holders form the group of heads of perangkat daerah.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kinerja_asn.scoring.errors import RuleError, _

DEFAULT_SPLIT_FROM = 0
DEFAULT_LEADER_JOB_GROUPS = ("JPT Pratama",)
UNIT = "Unit"
LEADERS = "Pimpinan"


@dataclass(frozen=True)
class Member:
	employee: str
	unit: str
	job_group: str | None = None


@dataclass
class Group:
	"""One distribution group. ``unit`` is the unit it is named after (None for the leaders' group);
	``pooled`` the smaller sub-units whose employees it took in."""

	kind: str
	unit: str | None
	employees: list[str] = field(default_factory=list)
	pooled: list[str] = field(default_factory=list)


def perangkat_daerah(unit: str, parents: Mapping[str, str | None]) -> str:
	"""The top unit of ``unit``: its ancestor just below a root of the tree (a root itself when it has none)."""
	seen = {unit}
	while parents.get(unit) and parents.get(parents[unit]):
		unit = parents[unit]
		if unit in seen:
			raise RuleError(_("The unit tree has a loop at {0}; fix the parent of that unit"), unit)
		seen.add(unit)
	return unit


def _chain(unit: str, top: str, parents: Mapping[str, str | None]) -> list[str]:
	"""``unit`` and its ancestors up to ``top``."""
	chain = [unit]
	while chain[-1] != top:
		chain.append(parents[chain[-1]])
	return chain


def default_groups(
	members: Iterable[Member],
	parents: Mapping[str, str | None],
	split_from: int = DEFAULT_SPLIT_FROM,
	leader_job_groups: Iterable[str] = DEFAULT_LEADER_JOB_GROUPS,
) -> list[Group]:
	"""The default distribution groups of a company's employees.

	``parents`` maps each unit (Department) to its parent (None for a root). Holders of a leader job group
	form one group of their own; everyone else is grouped by perangkat daerah, or, with ``split_from``, by the
	deepest unit that has at least ``split_from`` employees in its subtree not taken by a deeper group.
	Every employee is in exactly one group; groups come sorted by unit, the leaders' group first.
	"""
	if isinstance(split_from, bool) or not isinstance(split_from, int) or split_from < 0:
		raise RuleError(
			_("The size from which a sub-unit is its own group must be 0 or more, got {0}"), split_from
		)
	leader_groups = set(leader_job_groups)
	leaders = Group(LEADERS, None)
	by_unit: dict[str, list[str]] = defaultdict(list)
	for member in members:
		if member.unit not in parents:
			raise RuleError(
				_("Employee {0} is in unit {1}, which is not in the unit tree"), member.employee, member.unit
			)
		if member.job_group and member.job_group in leader_groups:
			leaders.employees.append(member.employee)
		else:
			by_unit[member.unit].append(member.employee)

	groups: dict[str, Group] = {}
	by_top: dict[str, list[str]] = defaultdict(list)
	for unit in by_unit:
		by_top[perangkat_daerah(unit, parents)].append(unit)
	for top, units in by_top.items():
		if not split_from:
			groups[top] = Group(UNIT, top, [e for u in units for e in by_unit[u]], sorted(set(units) - {top}))
			continue
		# bottom-up: a unit keeps what reaches it; at split_from or more it is a group, else it passes it up
		depth = {u: len(_chain(u, top, parents)) for u in units}
		waiting: dict[str, list[str]] = defaultdict(list)
		pooled: dict[str, list[str]] = defaultdict(list)
		for unit in units:
			waiting[unit] += by_unit[unit]
			for ancestor in _chain(unit, top, parents):
				depth.setdefault(ancestor, len(_chain(ancestor, top, parents)))
		for unit in sorted(depth, key=lambda u: (-depth[u], u)):
			employees = waiting.pop(unit, [])
			if not employees:
				continue
			if unit == top or len(employees) >= split_from:
				groups[unit] = Group(UNIT, unit, employees, sorted(pooled.pop(unit, [])))
			else:
				parent = parents[unit]
				waiting[parent] += employees
				pooled[parent] += [unit, *pooled.pop(unit, [])]
	result = [groups[u] for u in sorted(groups)]
	for group in result:
		group.employees.sort()
	if leaders.employees:
		leaders.employees.sort()
		result.insert(0, leaders)
	return result
