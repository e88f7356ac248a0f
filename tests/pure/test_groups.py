"""Distribution groups: perangkat daerah with sub-units, pooling of small sub-units, the JPT group, too small."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_asn.scoring.distribution import (
	DEFAULT_MIN_GROUP_SIZE,
	ROUND_DOWN,
	ROUND_NEAREST,
	ROUND_UP,
	check_distribution,
	rounding,
)
from kinerja_asn.scoring.errors import RuleError
from kinerja_asn.scoring.groups import LEADERS, UNIT, Member, default_groups, perangkat_daerah
from kinerja_asn.scoring.ratings import BAIK, BUTUH_PERBAIKAN

# A regency: Dinas Kesehatan with a one-person root (the Kepala Dinas), a Sekretariat and two bidang with
# seksi; Dinas Pendidikan; all under the company root.
PARENTS = {
	"All Departments": None,
	"Dinas Kesehatan": "All Departments",
	"Sekretariat Dinkes": "Dinas Kesehatan",
	"Bidang Yankes": "Dinas Kesehatan",
	"Seksi Rujukan": "Bidang Yankes",
	"Bidang P2P": "Dinas Kesehatan",
	"Dinas Pendidikan": "All Departments",
}


def people(unit, count, prefix, job_group="Pelaksana"):
	return [Member(f"{prefix}{i}", unit, job_group) for i in range(count)]


STAFF = [
	Member("KADINKES", "Dinas Kesehatan", "JPT Pratama"),
	Member("KADISDIK", "Dinas Pendidikan", "JPT Pratama"),
	*people("Sekretariat Dinkes", 3, "SEK"),
	*people("Bidang Yankes", 8, "YAN"),
	*people("Seksi Rujukan", 4, "RUJ"),
	*people("Bidang P2P", 12, "P2P"),
	*people("Dinas Pendidikan", 20, "DIK"),
]


def test_perangkat_daerah_is_the_unit_below_the_root():
	assert perangkat_daerah("Seksi Rujukan", PARENTS) == "Dinas Kesehatan"
	assert perangkat_daerah("Dinas Kesehatan", PARENTS) == "Dinas Kesehatan"
	assert perangkat_daerah("All Departments", PARENTS) == "All Departments"
	with pytest.raises(RuleError):
		perangkat_daerah("A", {"A": "B", "B": "A", "R": None})


def test_default_is_one_group_per_perangkat_daerah_and_the_heads_apart():
	groups = default_groups(STAFF, PARENTS)
	assert [(g.kind, g.unit, len(g.employees)) for g in groups] == [
		(LEADERS, None, 2),
		(UNIT, "Dinas Kesehatan", 27),
		(UNIT, "Dinas Pendidikan", 20),
	]
	assert groups[0].employees == ["KADINKES", "KADISDIK"]
	assert groups[1].pooled == ["Bidang P2P", "Bidang Yankes", "Sekretariat Dinkes", "Seksi Rujukan"]


def test_sub_units_from_a_size_are_groups_and_smaller_ones_pool_into_their_parent():
	groups = {g.unit: g for g in default_groups(STAFF, PARENTS, split_from=10)}
	# Seksi Rujukan (4) pools into Bidang Yankes (8 + 4 = 12 >= 10): a group; Bidang P2P (12) a group;
	# Sekretariat (3) pools into the Dinas, which keeps it (the top unit always keeps the rest)
	assert {u: len(g.employees) for u, g in groups.items()} == {
		None: 2,
		"Bidang Yankes": 12,
		"Bidang P2P": 12,
		"Dinas Kesehatan": 3,
		"Dinas Pendidikan": 20,
	}
	assert groups["Bidang Yankes"].pooled == ["Seksi Rujukan"]
	assert groups["Dinas Kesehatan"].pooled == ["Sekretariat Dinkes"]


def test_leader_job_groups_are_a_parameter():
	groups = default_groups(STAFF, PARENTS, leader_job_groups=())
	assert [g.unit for g in groups] == ["Dinas Kesehatan", "Dinas Pendidikan"]
	assert "KADINKES" in groups[0].employees


def test_bad_input():
	with pytest.raises(RuleError):
		default_groups([Member("X", "Nowhere")], PARENTS)
	with pytest.raises(RuleError):
		default_groups(STAFF, PARENTS, split_from=-1)


@given(
	st.lists(st.sampled_from(sorted(PARENTS)), max_size=40),
	st.integers(0, 15),
	st.booleans(),
)
def test_everyone_is_in_exactly_one_group(units, split_from, leaders):
	members = [
		Member(f"E{i}", u, "JPT Pratama" if leaders and i % 7 == 0 else None) for i, u in enumerate(units)
	]
	groups = default_groups(members, PARENTS, split_from=split_from)
	placed = [e for g in groups for e in g.employees]
	assert sorted(placed) == sorted(m.employee for m in members)
	for g in groups:
		assert g.employees
		if split_from and g.kind == UNIT and g.unit != perangkat_daerah(g.unit, PARENTS):
			assert len(g.employees) >= split_from


def test_one_person_group_is_too_small_never_failing():
	# the Kepala Dinas alone with CKO Baik: "1 pegawai Baik, paling banyak 0" was nonsense
	result = check_distribution("Baik", [BAIK], min_size=DEFAULT_MIN_GROUP_SIZE)
	assert result.too_small and result.ok and result.status == "too_small"
	template, args = result.too_small_reason
	assert template.format(*args).startswith("Too small to check: the group has 1 employees")
	assert check_distribution("Baik", [BAIK], min_size=0).status == "fail"
	assert check_distribution("Baik", [BAIK] * 7 + [BUTUH_PERBAIKAN] * 3, min_size=10).status == "ok"


def test_rounding_rules_by_name():
	assert rounding(None, math.floor) is math.floor
	assert rounding(ROUND_DOWN, math.ceil) is math.floor
	assert rounding(ROUND_UP, math.floor) is math.ceil
	from fractions import Fraction

	assert [rounding(ROUND_NEAREST, math.floor)(Fraction(x, 10)) for x in (34, 35, 36)] == [3, 4, 4]
	with pytest.raises(RuleError):
		rounding("Banker's", math.floor)
	# 70% of 5 = 3.5: round to nearest allows 4 Baik
	assert check_distribution(
		"Baik", [BAIK] * 4 + [BUTUH_PERBAIKAN], max_rounding=rounding(ROUND_NEAREST, math.floor)
	).ok
