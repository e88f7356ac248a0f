"""The sample agency's calibration, with the pure core only: its distribution groups, each checked against
SE MenPANRB 3/2023 with the default settings, and the calibration assistant on a group that breaks the
pattern (a what-if CKO when the sample's own groups all pass). Used by the no-bench sample job."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kinerja_asn.scoring import calibration, distribution
from kinerja_asn.scoring.groups import LEADERS, Member, default_groups

LEADERS_NAME = "Pimpinan Perangkat Daerah"
WHAT_IF_CKO = distribution.ORG_BUTUH_PERBAIKAN


@dataclass
class GroupCheck:
	name: str
	kind: str
	unit: str | None
	organisation_predicate: str
	members: list[str]
	result: distribution.DistributionResult
	pattern: list[dict]
	proposals: list[calibration.Proposal] = field(default_factory=list)
	infeasible: str | None = None

	@property
	def status(self) -> str:
		return self.result.status


def _candidates(members: Sequence[str], people: Mapping[str, Any]) -> list[calibration.Candidate]:
	out = []
	for key in members:
		p = people[key]
		if not (p.hasil_kerja_rating and p.perilaku_rating):
			continue
		achievements = [r["achievement"] for r in p.results if r.get("achievement") is not None]
		out.append(
			calibration.Candidate(
				key,
				p.hasil_kerja_rating,
				p.perilaku_rating,
				round(sum(achievements) / len(achievements), 2) if achievements else None,
				p.behaviour_score,
			)
		)
	return out


def check_group(
	name: str, kind: str, unit: str | None, cko: str, members: list[str], people: Mapping[str, Any]
) -> GroupCheck:
	"""One group checked (default rounding and minimum size), with the assistant's proposals when it fails."""
	predikats = [people[m].predikat for m in members if people[m].predikat]
	result = distribution.check_distribution(cko, predikats, min_size=distribution.DEFAULT_MIN_GROUP_SIZE)
	group = GroupCheck(
		name, kind, unit, cko, members, result, distribution.allowed_pattern(cko, result.total)
	)
	if result.status == "fail":
		answer = calibration.propose(cko, _candidates(members, people))
		group.proposals = answer.proposals
		if not answer.feasible:
			template, args = answer.infeasible_reason
			group.infeasible = template.format(*args)
	return group


def agency_groups(
	people: Mapping[str, Any], parents: Mapping[str, str | None], cko: Mapping[str, str]
) -> list[GroupCheck]:
	"""The default groups of the sample agency. ``people`` maps an id to an object with department, job_group,
	predikat, the two ratings, results (with achievement) and behaviour_score; ``cko`` a unit to its CKO."""
	members = [Member(key, p.department, p.job_group) for key, p in sorted(people.items())]
	checks = []
	for g in default_groups(members, parents):
		name = LEADERS_NAME if g.kind == LEADERS else g.unit
		organisation_predicate = cko.get(name) or distribution.ORG_BAIK
		checks.append(check_group(name, g.kind, g.unit, organisation_predicate, g.employees, people))
	return checks


def what_if(group: GroupCheck, people: Mapping[str, Any]) -> GroupCheck:
	"""The same group under the stricter CKO, to show the assistant when every real group passes."""
	return check_group(group.name, group.kind, group.unit, WHAT_IF_CKO, group.members, people)
