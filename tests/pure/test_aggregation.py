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
