import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_asn.scoring.aggregation import (
	ATASAN,
	BAWAHAN,
	DEFAULT_ROLE_WEIGHTS,
	DIRI,
	POOLED,
	RATER_ROLES,
	REKAN,
	RoleStat,
	combine,
	effective_weights,
	meets_minimum,
	scored_groups,
	summarise_roles,
	validate_weights,
	visible_groups,
)
from kinerja_asn.scoring.errors import RuleError


def test_roles_and_defaults():
	assert RATER_ROLES == ("Atasan Langsung", "Rekan Kerja", "Bawahan", "Diri Sendiri")
	assert DEFAULT_ROLE_WEIGHTS == {ATASAN: 50, REKAN: 30, BAWAHAN: 20, DIRI: 0}
	assert POOLED == "Rekan Kerja dan Bawahan"


@pytest.mark.parametrize(
	"weights",
	[{ATASAN: -1, REKAN: 30}, {"Pimpinan": 10}, {ATASAN: 0, REKAN: 0}, {}],
)
def test_validate_weights_bad(weights):
	with pytest.raises(RuleError):
		validate_weights(weights)


def test_validate_weights_ok():
	validate_weights(DEFAULT_ROLE_WEIGHTS)


def test_effective_weights_all_present():
	weights = effective_weights(DEFAULT_ROLE_WEIGHTS, RATER_ROLES)
	assert weights == pytest.approx({ATASAN: 0.5, REKAN: 0.3, BAWAHAN: 0.2})


def test_effective_weights_no_subordinates():
	weights = effective_weights(DEFAULT_ROLE_WEIGHTS, [ATASAN, REKAN, DIRI])
	assert weights == pytest.approx({ATASAN: 50 / 80, REKAN: 30 / 80})
	assert math.isclose(sum(weights.values()), 1)


def test_effective_weights_only_self():
	assert effective_weights(DEFAULT_ROLE_WEIGHTS, [DIRI]) == {}
	assert effective_weights(DEFAULT_ROLE_WEIGHTS, []) == {}


def test_combine():
	stats = [
		RoleStat(ATASAN, 4.0, 1),
		RoleStat(REKAN, 3.0, 3),
		RoleStat(BAWAHAN, 5.0, 4),
		RoleStat(DIRI, 1.0, 1),
	]
	assert combine(stats) == 3.9  # 0.5*4 + 0.3*3 + 0.2*5
	no_subordinates = [RoleStat(ATASAN, 4.0, 1), RoleStat(REKAN, 3.0, 3), RoleStat(BAWAHAN, 5.0, 0)]
	assert combine(no_subordinates) == round(4 * 50 / 80 + 3 * 30 / 80, 2)
	assert combine([RoleStat(DIRI, 5.0, 1)]) is None
	assert combine([]) is None
	assert combine([RoleStat(DIRI, 5.0, 1)], {DIRI: 1}) == 5.0


def test_combine_bad_input():
	with pytest.raises(RuleError):
		combine([RoleStat("Pimpinan", 4.0, 1)])
	with pytest.raises(RuleError):
		combine([RoleStat(ATASAN, 4.0, -1)])


def test_visible_groups_examples():
	stats = [RoleStat(ATASAN, 4, 1), RoleStat(REKAN, 3, 3), RoleStat(BAWAHAN, 5, 2), RoleStat(DIRI, 4, 1)]
	# Bawahan (2) alone below the threshold and cannot be pooled with a visible group -> hidden
	assert [g.role for g in visible_groups(stats)] == [ATASAN, REKAN, DIRI]
	pooled = visible_groups([RoleStat(ATASAN, 4, 1), RoleStat(REKAN, 3, 2), RoleStat(BAWAHAN, 4.5, 2)])
	assert pooled == [RoleStat(ATASAN, 4, 1), RoleStat(POOLED, 3.75, 4)]
	hidden = visible_groups([RoleStat(REKAN, 3, 1), RoleStat(BAWAHAN, 4, 1)])
	assert hidden == []
	assert visible_groups([RoleStat(REKAN, 3, 1)], threshold=1) == [RoleStat(REKAN, 3, 1)]
	with pytest.raises(RuleError):
		visible_groups([], threshold=0)


role_stat = st.builds(
	RoleStat,
	role=st.sampled_from(RATER_ROLES),
	mean=st.floats(min_value=1, max_value=5, allow_nan=False),
	count=st.integers(min_value=0, max_value=8),
)


@given(st.lists(role_stat, max_size=8), st.integers(min_value=1, max_value=6))
def test_anonymity_property(stats, threshold):
	groups = visible_groups(stats, threshold)
	roles = [group.role for group in groups]
	for group in groups:
		if group.role not in (ATASAN, DIRI):
			assert group.count >= threshold
	assert len(roles) == len(set(roles))
	# a pooled group never sits next to one of its own members (no disclosure by subtraction)
	if POOLED in roles:
		assert REKAN not in roles and BAWAHAN not in roles
		pooled = next(group for group in groups if group.role == POOLED)
		assert pooled.count == sum(stat.count for stat in stats if stat.role in (REKAN, BAWAHAN))


def test_meets_minimum():
	stats = [RoleStat(REKAN, 3, 2), RoleStat(ATASAN, 4, 1)]
	assert meets_minimum(stats) == {REKAN: False}
	assert meets_minimum([RoleStat(REKAN, 3, 3)]) == {REKAN: True}
	assert meets_minimum([], {REKAN: 3, ATASAN: 1}) == {REKAN: False, ATASAN: False}


def test_pooled_group_weighs_as_one():
	"""Peers and subordinates below the threshold count as one group with the sum of their weights, so the
	combined score, the pooled mean and the Atasan mean cannot be solved for one peer's rating."""
	stats = [RoleStat(ATASAN, 4.0, 1), RoleStat(REKAN, 2.0, 2), RoleStat(BAWAHAN, 5.0, 1)]
	pooled = (2.0 * 2 + 5.0) / 3
	assert combine(stats) == round((4.0 * 50 + pooled * 50) / 100, 2)
	[(atasan, w_atasan), (pool, w_pool)] = scored_groups(stats)
	assert (atasan.role, pool.role, pool.count) == (ATASAN, POOLED, 3)
	assert (w_atasan, w_pool) == (0.5, 0.5)


def test_group_too_small_even_pooled_does_not_count():
	stats = [RoleStat(ATASAN, 4.0, 1), RoleStat(REKAN, 1.0, 1), RoleStat(BAWAHAN, 1.0, 1)]
	assert combine(stats) == 4.0
	assert [g.role for g, _w in scored_groups(stats)] == [ATASAN]


# Two rater sets with the same visible groups must give the same combined score: nothing beyond the
# visible group means leaks through it, whatever the weights.
weights_strategy = st.fixed_dictionaries(
	{role: st.integers(min_value=0, max_value=100) for role in RATER_ROLES}
).filter(lambda w: sum(w.values()) > 0)


@given(
	st.lists(st.integers(min_value=1, max_value=5), min_size=0, max_size=4),
	st.lists(st.integers(min_value=1, max_value=5), min_size=0, max_size=4),
	st.integers(min_value=1, max_value=5),
	weights_strategy,
	st.integers(min_value=1, max_value=4),
)
def test_combined_score_reveals_nothing_beyond_visible_groups(
	peers, subordinates, atasan, weights, threshold
):
	def stats(rekan, bawahan):
		out = [RoleStat(ATASAN, float(atasan), 1)]
		if rekan:
			out.append(RoleStat(REKAN, sum(rekan) / len(rekan), len(rekan)))
		if bawahan:
			out.append(RoleStat(BAWAHAN, sum(bawahan) / len(bawahan), len(bawahan)))
		return out

	original = stats(peers, subordinates)
	visible = visible_groups(original, threshold)
	# move one rating between a small peer group and a small subordinate group, keeping the pooled mean
	if 0 < len(peers) < threshold and 0 < len(subordinates) < threshold and len(peers) > 1:
		moved = stats(peers[1:], [*subordinates, peers[0]])
		if visible_groups(moved, threshold) == visible:
			assert combine(moved, weights, threshold) == combine(original, weights, threshold)
	# replace every hidden rating by another value: the score must not move
	if len(peers) + len(subordinates) < threshold:
		changed = stats([6 - p for p in peers], [6 - b for b in subordinates])
		assert combine(changed, weights, threshold) == combine(original, weights, threshold)


def test_summarise_roles_keeps_small_groups_to_counts():
	competency = {
		"Integritas": [RoleStat(ATASAN, 4.0, 1), RoleStat(REKAN, 3.0, 3), RoleStat(BAWAHAN, 1.0, 1)]
	}
	behaviour = {
		"Berorientasi Pelayanan": [
			RoleStat(ATASAN, 5.0, 1),
			RoleStat(REKAN, 4.0, 3),
			RoleStat(BAWAHAN, 2.0, 1),
		]
	}
	assigned = {ATASAN: 1, REKAN: 4, BAWAHAN: 2, DIRI: 1}
	submitted = {ATASAN: 1, REKAN: 3, BAWAHAN: 1}
	rows = {r.role: r for r in summarise_roles(competency, behaviour, assigned, submitted)}
	assert list(rows) == [ATASAN, REKAN, BAWAHAN, DIRI]
	assert (rows[REKAN].competency_mean, rows[REKAN].behaviour_mean) == (3.0, 4.0)
	assert (rows[BAWAHAN].submitted, rows[BAWAHAN].competency_mean, rows[BAWAHAN].weight) == (1, None, 0)
	assert rows[DIRI].submitted == 0 and rows[DIRI].competency_mean is None
	assert rows[ATASAN].weight == round(50 / 80 * 100, 2)


def test_summarise_roles_pooled_row():
	competency = {"Integritas": [RoleStat(REKAN, 3.0, 2), RoleStat(BAWAHAN, 5.0, 1)]}
	rows = {
		r.role: r for r in summarise_roles(competency, {}, {REKAN: 2, BAWAHAN: 1}, {REKAN: 2, BAWAHAN: 1})
	}
	assert rows[POOLED].submitted == 3 and rows[POOLED].assigned == 3
	assert rows[POOLED].competency_mean == round(11 / 3, 2) and rows[POOLED].weight == 100
	assert rows[REKAN].competency_mean is None and rows[BAWAHAN].competency_mean is None
