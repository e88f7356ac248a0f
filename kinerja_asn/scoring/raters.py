"""Who rates whom: raters assigned from the reporting hierarchy (PP 30/2019: supervisor, peers of the
same level, direct subordinates; plus a self-assessment that is shown but, by default, not counted)."""

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass

from kinerja_asn.scoring.aggregation import ATASAN, BAWAHAN, DIRI, REKAN


@dataclass(frozen=True)
class Person:
	employee: str
	reports_to: str | None = None
	department: str | None = None


def assign_raters(
	person: Person, directory: Sequence[Person], peers_to_assign: int = 4, seed: str = ""
) -> list[tuple[str, str]]:
	"""(rater, role) pairs for `person`: supervisor, self, peers (same supervisor, else same department) and
	direct subordinates.

	When there are more peer candidates than `peers_to_assign`, the peers are drawn at random, reproducibly
	from `seed` (give a secret of the site and the cycle): the person rated must not be able to predict who
	rates them, and assigning again gives the same peers."""
	pairs: list[tuple[str, str]] = [(person.employee, DIRI)]
	if person.reports_to:
		pairs.append((person.reports_to, ATASAN))

	others = [p for p in directory if p.employee not in (person.employee, person.reports_to)]
	peers = [p for p in others if person.reports_to and p.reports_to == person.reports_to]
	if not peers and person.department:
		peers = [p for p in others if p.department == person.department and p.reports_to != person.employee]
	peers = sorted(peers, key=lambda p: p.employee)
	wanted = min(max(peers_to_assign, 0), len(peers))
	draw = random.Random(hashlib.sha256(f"{seed}\x1f{person.employee}".encode()).digest())
	for peer in sorted(draw.sample(peers, wanted), key=lambda p: p.employee):
		pairs.append((peer.employee, REKAN))

	for subordinate in sorted(others, key=lambda p: p.employee):
		if subordinate.reports_to == person.employee:
			pairs.append((subordinate.employee, BAWAHAN))
	return pairs
