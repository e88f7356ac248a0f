"""Who rates whom: raters assigned from the reporting hierarchy (PP 30/2019: supervisor, peers of the
same level, direct subordinates; plus a self-assessment that is shown but, by default, not counted)."""

import hashlib
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from kinerja_asn.scoring.aggregation import ATASAN, BAWAHAN, DIRI, REKAN


@dataclass(frozen=True)
class Person:
	employee: str
	reports_to: str | None = None
	department: str | None = None


@dataclass
class Directory:
	"""The people of an agency indexed once, so that assigning raters to all of them costs O(N log N)."""

	people: dict[str, Person] = field(default_factory=dict)
	by_supervisor: dict[str | None, list[Person]] = field(default_factory=lambda: defaultdict(list))
	by_department: dict[str | None, list[Person]] = field(default_factory=lambda: defaultdict(list))

	@classmethod
	def of(cls, people: Sequence[Person]) -> "Directory":
		directory = cls()
		for person in sorted(people, key=lambda p: p.employee):
			directory.people[person.employee] = person
			directory.by_supervisor[person.reports_to].append(person)
			directory.by_department[person.department].append(person)
		return directory


def assign_raters(
	person: Person, directory: "Directory | Sequence[Person]", peers_to_assign: int = 4, seed: str = ""
) -> list[tuple[str, str]]:
	"""(rater, role) pairs for `person`: supervisor, self, peers (same supervisor, else same department) and
	direct subordinates. Give a Directory when assigning many people (a plain list is indexed each call).

	When there are more peer candidates than `peers_to_assign`, the peers are drawn at random, reproducibly
	from `seed` (give a secret of the site and the cycle): the person rated must not be able to predict who
	rates them, and assigning again gives the same peers."""
	if not isinstance(directory, Directory):
		directory = Directory.of(directory)
	pairs: list[tuple[str, str]] = [(person.employee, DIRI)]
	if person.reports_to:
		pairs.append((person.reports_to, ATASAN))

	def other(p: Person) -> bool:
		return p.employee not in (person.employee, person.reports_to)

	peers = [p for p in directory.by_supervisor.get(person.reports_to, []) if person.reports_to and other(p)]
	if not peers and person.department:
		peers = [
			p
			for p in directory.by_department.get(person.department, [])
			if other(p) and p.reports_to != person.employee
		]
	wanted = min(max(peers_to_assign, 0), len(peers))
	draw = random.Random(hashlib.sha256(f"{seed}\x1f{person.employee}".encode()).digest())
	for peer in sorted(draw.sample(peers, wanted), key=lambda p: p.employee):
		pairs.append((peer.employee, REKAN))

	for subordinate in directory.by_supervisor.get(person.employee, []):
		if other(subordinate):
			pairs.append((subordinate.employee, BAWAHAN))
	return pairs
