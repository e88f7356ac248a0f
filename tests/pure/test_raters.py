"""Who rates whom (kinerja_asn.scoring.raters): supervisor, self, peers drawn at random, subordinates."""

from kinerja_asn.scoring.aggregation import ATASAN, BAWAHAN, DIRI, REKAN
from kinerja_asn.scoring.raters import Person, assign_raters

BOSS = Person("E00")
TEAM = [Person(f"E{i:02d}", "E00", "Unit") for i in range(1, 11)]
DIRECTORY = [BOSS, *TEAM, Person("E99", "E01", "Unit")]


def peers(pairs):
	return [rater for rater, role in pairs if role == REKAN]


def test_roles():
	pairs = assign_raters(TEAM[0], DIRECTORY, peers_to_assign=4, seed="s")
	assert pairs[:2] == [("E01", DIRI), ("E00", ATASAN)]
	assert len(peers(pairs)) == 4 and "E01" not in peers(pairs)
	assert [r for r, role in pairs if role == BAWAHAN] == ["E99"]


def test_peers_are_drawn_not_the_lowest_ids():
	"""The person rated cannot predict their peers: over a team they are not always the first IDs."""
	chosen = {tuple(peers(assign_raters(person, DIRECTORY, 3, seed="rahasia-situs"))) for person in TEAM}
	lowest = {tuple(p.employee for p in TEAM if p != person)[:3] for person in TEAM}
	assert chosen - lowest


def test_the_draw_is_reproducible_and_depends_on_the_seed():
	person = TEAM[4]
	first = assign_raters(person, DIRECTORY, 3, seed="a")
	assert assign_raters(person, DIRECTORY, 3, seed="a") == first
	draws = {tuple(peers(assign_raters(person, DIRECTORY, 3, seed=str(n)))) for n in range(20)}
	assert len(draws) > 1


def test_fewer_candidates_than_wanted_takes_them_all():
	small = [BOSS, Person("A", "E00"), Person("B", "E00")]
	assert peers(assign_raters(small[1], small, 4, seed="x")) == ["B"]
	assert peers(assign_raters(small[1], small, 0, seed="x")) == []
