"""The calibration assistant: valid and minimal (against a brute force over all distributions)."""

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_asn.scoring.calibration import Candidate, apply, minimum_changes, propose
from kinerja_asn.scoring.distribution import ORGANISATION_PREDICATES, check_distribution
from kinerja_asn.scoring.errors import RuleError
from kinerja_asn.scoring.ratings import (
	BAIK,
	BUTUH_PERBAIKAN,
	DI_ATAS,
	DI_BAWAH,
	KURANG,
	PREDIKAT,
	RATINGS,
	SANGAT_BAIK,
	SESUAI,
)


def brute_force_minimum(cko, counts, **rounding):
	"""Fewest changes over every distribution of the same head count (any employee may get any predikat)."""
	total = sum(counts.values())
	best = None
	for split in itertools.product(range(total + 1), repeat=len(PREDIKAT) - 1):
		if sum(split) > total:
			continue
		target = dict(zip(PREDIKAT, (*split, total - sum(split)), strict=True))
		if not check_distribution(cko, target, **rounding).ok:
			continue
		changes = total - sum(min(counts.get(p, 0), n) for p, n in target.items())
		best = changes if best is None else min(best, changes)
	return best


candidate = st.builds(
	Candidate,
	key=st.uuids().map(str),
	hasil_kerja_rating=st.sampled_from(RATINGS),
	perilaku_rating=st.sampled_from(RATINGS),
	hasil_kerja_score=st.one_of(st.none(), st.floats(50, 130)),
	perilaku_score=st.one_of(st.none(), st.floats(1, 5)),
)


@settings(max_examples=300, deadline=None)
@given(
	cko=st.sampled_from(ORGANISATION_PREDICATES),
	group=st.lists(candidate, min_size=1, max_size=7, unique_by=lambda c: c.key),
	rounding=st.sampled_from([{}, {"max_rounding": math.ceil}, {"min_rounding": math.floor}]),
)
def test_proposal_is_valid_and_minimal(cko, group, rounding):
	counts = {p: sum(1 for c in group if c.predikat == p) for p in PREDIKAT}
	expected = brute_force_minimum(cko, counts, **rounding)
	assert minimum_changes(cko, counts, **rounding) == expected
	result = propose(cko, group, **rounding)
	if expected is None:
		assert not result.feasible and not result.proposals and result.infeasible_reason
		return
	assert result.feasible
	assert len(result.proposals) == expected == result.minimum_changes
	assert check_distribution(cko, apply(group, result.proposals), **rounding).ok
	assert len({p.key for p in result.proposals}) == len(result.proposals)  # nobody changed twice
	for p in result.proposals:
		assert p.from_predikat != p.to_predikat


def staff(key, hasil, perilaku, hasil_score=None, perilaku_score=None):
	return Candidate(key, hasil, perilaku, hasil_score, perilaku_score)


def test_chooses_the_employee_closest_to_the_boundary():
	# CKO Baik needs one Butuh Perbaikan or Kurang: of ten Baik, the one whose achievement (90.5%) is closest
	# to the Di Bawah boundary (90%) gets hasil kerja Di Bawah, which makes the predikat Butuh Perbaikan
	group = [staff(f"E{i}", SESUAI, SESUAI, 95 + i, 3.9) for i in range(9)] + [
		staff("NEAR", SESUAI, SESUAI, 90.5, 3.9)
	]
	result = propose("Baik", group)
	assert result.minimum_changes == 3  # 10 Baik, at most 7 allowed, and one BP/K needed
	first = result.proposals[0]
	assert (first.key, first.to_predikat, first.hasil_kerja_rating, first.perilaku_rating) == (
		"NEAR",
		BUTUH_PERBAIKAN,
		DI_BAWAH,
		SESUAI,
	)
	assert first.gap == pytest.approx(0.05, abs=1e-3)
	text = first.reason("Ani")
	assert "Ani" in text and "90.5" in text and BUTUH_PERBAIKAN in text and "Di Bawah" in text
	# behaviour 3.9 is 0.9 of a band above 3.0: the remaining two go by their lowest gap on either axis
	assert check_distribution("Baik", apply(group, result.proposals)).ok


def test_behaviour_boundary_counts_too():
	group = [staff(f"E{i}", SESUAI, SESUAI, 99, 3.8) for i in range(6)] + [
		staff("LOWBEHAVIOUR", SESUAI, SESUAI, 99, 3.05)
	]
	proposals = propose("Baik", group).proposals
	# 7 Baik where at most 4 are allowed, and one Butuh Perbaikan or Kurang needed: three changes; the first
	# is the behaviour score 0.05 above its boundary; the others can just as well go up (3.8 -> 4, 99 -> 100)
	assert len(proposals) == 3
	assert (proposals[0].key, proposals[0].to_predikat, proposals[0].perilaku_rating) == (
		"LOWBEHAVIOUR",
		KURANG,
		DI_BAWAH,
	)
	assert {p.to_predikat for p in proposals[1:]} == {SANGAT_BAIK}


def test_too_many_sangat_baik_moves_the_lowest_down_one_step():
	group = [staff(f"E{i}", DI_ATAS, DI_ATAS, 105 + i, 4.5) for i in range(9)] + [
		staff("B", SESUAI, SESUAI, 95, 3.5)
	]
	result = propose("Istimewa", group)  # at most 70% = 7 Sangat Baik
	assert [(p.key, p.to_predikat) for p in result.proposals] == [("E0", BAIK), ("E1", BAIK)]


def test_a_group_that_passes_needs_nothing():
	group = [staff("A", SESUAI, SESUAI), staff("B", DI_BAWAH, SESUAI), staff("C", DI_ATAS, DI_ATAS)]
	assert check_distribution("Baik", apply(group, [])).ok
	assert propose("Baik", group).proposals == []
	assert propose("Baik", []).proposals == []


def test_infeasible_group_says_why():
	result = propose("Kurang", [staff("A", SESUAI, SESUAI)])
	assert not result.feasible
	template, args = result.infeasible_reason
	assert template.format(*args).startswith("No distribution of 1 employees")


def test_bad_ratings_are_refused():
	with pytest.raises(RuleError):
		propose("Baik", [Candidate("A", "Cukup", SESUAI)])
	with pytest.raises(RuleError):
		propose("Cukup", [staff("A", SESUAI, SESUAI)])


def test_sangat_baik_is_reachable_only_with_both_ratings():
	group = [staff("A", DI_ATAS, SESUAI, 120, 4.9)] + [staff(f"K{i}", SESUAI, DI_BAWAH) for i in range(9)]
	result = propose("Istimewa", group)
	assert result.proposals == []  # nothing to change: Istimewa only caps Sangat Baik
	assert SANGAT_BAIK not in apply(group, result.proposals)


def test_rejected_employees_are_never_proposed_again():
	group = [staff(f"E{i}", SESUAI, SESUAI, 95 + i, 3.9) for i in range(9)] + [
		staff("NEAR", SESUAI, SESUAI, 90.5, 3.9)
	]
	result = propose("Baik", group, fixed={"NEAR"})
	assert result.feasible and "NEAR" not in {p.key for p in result.proposals}
	assert len(result.proposals) == 3
	assert check_distribution("Baik", apply(group, result.proposals)).ok
	# everyone rejected: nothing left to propose, and it says why
	stuck = propose("Baik", group, fixed={c.key for c in group})
	assert not stuck.feasible and not stuck.proposals
	template, args = stuck.infeasible_reason
	assert "already decided" in template.format(*args)
