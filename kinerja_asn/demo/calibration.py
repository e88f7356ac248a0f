"""The sample agency's calibration, with the pure core only: its distribution groups (the defaults of
``scoring.groups``), each checked against SE MenPANRB 3/2023 with the default settings, and the calibration
assistant (``scoring.calibration``) on a group that breaks the pattern. Used by the no-bench sample job."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from kinerja_asn.scoring import calibration, distribution
from kinerja_asn.scoring.groups import LEADERS, Member, default_groups

ROOT = "Pemerintah Daerah"  # above the sample's perangkat daerah, as ERPNext's "All Departments" on a bench
LEADERS_NAME = "Pimpinan Perangkat Daerah"
# the CKO of the what-if the sample prints when its own groups all pass: the organisation missed its targets
WHAT_IF_CKO = distribution.ORG_BUTUH_PERBAIKAN


@dataclass(frozen=True)
class Rated:
	"""One employee as the calibration sees them."""

	department: str
	job_group: str | None
	hasil_kerja_rating: str | None
	perilaku_rating: str | None
	predikat: str | None
	achievement: float | None  # mean achievement of the SKP results, percent
	behaviour_score: float | None


@dataclass
class GroupEvaluation:
	"""One distribution group of the sample; ``leader`` sets the predikat (None: the Bupati)."""

	name: str
	kind: str
	unit: str | None
	organisation_predicate: str
	members: list[str]
	leader: str | None
	result: distribution.DistributionResult
	pattern: list[dict]
	proposals: list[calibration.Proposal] = field(default_factory=list)
	infeasible: str | None = None

	@property
	def status(self) -> str:
		return self.result.status


def unit_tree(departments: Sequence[Mapping[str, str | None]]) -> dict[str, str | None]:
	"""Unit -> parent, the sample's top units under ``ROOT``."""
	return {ROOT: None, **{d["department_name"]: d.get("parent") or ROOT for d in departments}}


def evaluate_group(
	name: str,
	kind: str,
	unit: str | None,
	cko: str,
	members: list[str],
	leader: str | None,
	people: Mapping[str, Rated],
) -> GroupEvaluation:
	"""One group checked (default rounding and minimum size), with the assistant's proposals when it fails."""
	predikats = [people[m].predikat for m in members if people[m].predikat]
	result = distribution.check_distribution(cko, predikats, min_size=distribution.DEFAULT_MIN_GROUP_SIZE)
	group = GroupEvaluation(
		name, kind, unit, cko, members, leader, result, distribution.allowed_pattern(cko, result.total)
	)
	if result.status == "fail":
		candidates = [
			calibration.Candidate(
				key, p.hasil_kerja_rating, p.perilaku_rating, p.achievement, p.behaviour_score
			)
			for key, p in ((m, people[m]) for m in members)
			if p.hasil_kerja_rating and p.perilaku_rating
		]
		answer = calibration.propose(cko, candidates)
		group.proposals = answer.proposals
		if not answer.feasible:
			template, args = answer.infeasible_reason
			group.infeasible = template.format(*args)
	return group


def agency_groups(
	people: Mapping[str, Rated],
	departments: Sequence[Mapping[str, str | None]],
	cko: Mapping[str, str],
	head_of: Callable[[str], str | None],
) -> list[GroupEvaluation]:
	"""The default groups of the sample agency, the heads of perangkat daerah first. ``cko``: group name ->
	Capaian Kinerja Organisasi (default Baik); ``head_of``: unit -> its head, who sets its staff's predikat."""
	members = [Member(key, p.department, p.job_group) for key, p in sorted(people.items())]
	out = []
	for g in default_groups(members, unit_tree(departments)):
		name = LEADERS_NAME if g.kind == LEADERS else g.unit
		leader = None if g.kind == LEADERS else head_of(g.unit)
		org = cko.get(name) or distribution.ORG_BAIK
		out.append(evaluate_group(name, g.kind, g.unit, org, g.employees, leader, people))
	return out


def what_if(groups: Sequence[GroupEvaluation], people: Mapping[str, Rated]) -> GroupEvaluation | None:
	"""When no group of the sample fails: its largest group under the stricter ``WHAT_IF_CKO``, to show
	the assistant; None when a group already fails (its own proposals show it)."""
	if any(g.status == "fail" for g in groups) or not groups:
		return None
	g = max(groups, key=lambda g: len(g.members))
	return evaluate_group(g.name, g.kind, g.unit, WHAT_IF_CKO, g.members, g.leader, people)
