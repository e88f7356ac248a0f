import math

import pytest

from kinerja_asn.scoring.distribution import (
	ORGANISATION_PREDICATES,
	RULES,
	allowed_pattern,
	check_distribution,
)
from kinerja_asn.scoring.errors import RuleError
from kinerja_asn.scoring.ratings import BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_BAIK, SANGAT_KURANG


def unit(**counts):
	"""Build a list of predikat, one per employee, from short keyword counts."""
	names = {"sb": SANGAT_BAIK, "b": BAIK, "bp": BUTUH_PERBAIKAN, "k": KURANG, "sk": SANGAT_KURANG}
	result = []
	for key, number in counts.items():
		result += [names[key]] * number
	return result


def codes(result):
	return {violation.rule.code for violation in result.violations}


def test_organisation_predicates():
	assert ORGANISATION_PREDICATES == ("Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang")
	assert set(RULES) == set(ORGANISATION_PREDICATES)


def test_rule_table_matches_se_3_2023():
	table = {
		org: [(r.kind, r.predicates, r.percent, r.min_count) for r in rules] for org, rules in RULES.items()
	}
	assert table == {
		"Istimewa": [("max", (SANGAT_BAIK,), 70, 0)],
		"Baik": [("max", (BAIK,), 70, 0), ("min", (BUTUH_PERBAIKAN, KURANG), 0, 1)],
		"Butuh Perbaikan": [("min", (BUTUH_PERBAIKAN,), 60, 0), ("max", (SANGAT_BAIK,), 10, 0)],
		"Kurang": [
			("min", (KURANG,), 60, 0),
			("min", (BUTUH_PERBAIKAN,), 10, 0),
			("max", (SANGAT_BAIK,), 10, 0),
		],
		"Sangat Kurang": [
			("min", (SANGAT_KURANG,), 60, 0),
			("min", (KURANG, BUTUH_PERBAIKAN), 10, 0),
			("max", (SANGAT_BAIK,), 0, 0),
		],
	}
	for rules in RULES.values():
		for rule in rules:
			assert rule.description and rule.code


# Istimewa: Sangat Baik at most 70%.
def test_istimewa_boundary():
	assert check_distribution("Istimewa", unit(sb=7, b=3)).ok
	result = check_distribution("Istimewa", unit(sb=8, b=2))
	assert not result.ok
	[violation] = result.violations
	assert (violation.actual, violation.limit, violation.over, violation.under) == (8, 7, 1, 0)
	assert violation.rule.code == "ISTIMEWA_SANGAT_BAIK_MAX"
	assert violation.text == violation.message.format(*violation.args)
	assert "at most 7" in violation.text and "1 too many" in violation.text


def test_istimewa_all_others_allowed():
	assert check_distribution("Istimewa", unit(b=2, bp=1, k=1, sk=1)).ok


# Baik: Baik at most 70%; at least one Butuh Perbaikan or Kurang/Misconduct.
def test_baik_max_boundary():
	assert check_distribution("Baik", unit(b=7, bp=1, sb=2)).ok
	result = check_distribution("Baik", unit(b=8, bp=1, sb=1))
	assert codes(result) == {"BAIK_BAIK_MAX"}
	assert result.violations[0].over == 1


def test_baik_requires_butuh_perbaikan_or_kurang():
	result = check_distribution("Baik", unit(b=7, sb=2, sk=1))
	assert codes(result) == {"BAIK_BUTUH_PERBAIKAN_OR_KURANG_REQUIRED"}
	violation = result.violations[0]
	assert (violation.actual, violation.limit, violation.under) == (0, 1, 1)
	assert "{3}" in violation.message and len(violation.args) == 4
	assert check_distribution("Baik", unit(b=7, k=1, sb=2)).ok
	assert check_distribution("Baik", unit(b=7, bp=1, sb=2)).ok


# Butuh Perbaikan: Butuh Perbaikan at least 60%; Sangat Baik at most 10%.
def test_butuh_perbaikan_min_boundary():
	assert check_distribution("Butuh Perbaikan", unit(bp=6, b=4)).ok
	result = check_distribution("Butuh Perbaikan", unit(bp=5, b=5))
	assert codes(result) == {"BUTUH_PERBAIKAN_BUTUH_PERBAIKAN_MIN"}
	violation = result.violations[0]
	assert (violation.actual, violation.limit, violation.under, violation.over) == (5, 6, 1, 0)
	assert "1 too few" in violation.text


def test_butuh_perbaikan_sangat_baik_boundary():
	assert check_distribution("Butuh Perbaikan", unit(bp=6, sb=1, b=3)).ok
	result = check_distribution("Butuh Perbaikan", unit(bp=6, sb=2, b=2))
	assert codes(result) == {"BUTUH_PERBAIKAN_SANGAT_BAIK_MAX"}
	assert result.violations[0].over == 1


# Kurang: Kurang/Misconduct at least 60%; Butuh Perbaikan at least 10%; Sangat Baik at most 10%.
def test_kurang_min_boundary():
	assert check_distribution("Kurang", unit(k=6, bp=1, b=3)).ok
	result = check_distribution("Kurang", unit(k=5, bp=1, b=4))
	assert codes(result) == {"KURANG_KURANG_MIN"}


def test_kurang_butuh_perbaikan_10_percent_boundary():
	assert check_distribution("Kurang", unit(k=6, bp=1, b=3)).ok
	result = check_distribution("Kurang", unit(k=7, b=3))
	assert codes(result) == {"KURANG_BUTUH_PERBAIKAN_MIN"}
	assert result.violations[0].under == 1
	# 11 employees: 10% is 1.1 employees, so 2 are required
	assert codes(check_distribution("Kurang", unit(k=7, bp=1, b=3))) == {"KURANG_BUTUH_PERBAIKAN_MIN"}
	assert check_distribution("Kurang", unit(k=7, bp=2, b=2)).ok


def test_kurang_sangat_baik_boundary():
	assert check_distribution("Kurang", unit(k=6, bp=1, sb=1, b=2)).ok
	result = check_distribution("Kurang", unit(k=6, bp=1, sb=2, b=1))
	assert codes(result) == {"KURANG_SANGAT_BAIK_MAX"}


# Sangat Kurang: Sangat Kurang at least 60%; Kurang/Misconduct + Butuh Perbaikan at least 10%; no Sangat Baik.
def test_sangat_kurang_min_boundary():
	assert check_distribution("Sangat Kurang", unit(sk=6, k=1, b=3)).ok
	assert codes(check_distribution("Sangat Kurang", unit(sk=5, k=1, b=4))) == {
		"SANGAT_KURANG_SANGAT_KURANG_MIN"
	}


def test_sangat_kurang_combined_share():
	assert check_distribution("Sangat Kurang", unit(sk=6, bp=1, b=3)).ok
	assert check_distribution("Sangat Kurang", unit(sk=6, k=1, b=3)).ok
	result = check_distribution("Sangat Kurang", unit(sk=7, b=3))
	assert codes(result) == {"SANGAT_KURANG_KURANG_OR_BUTUH_PERBAIKAN_MIN"}
	assert result.violations[0].limit == 1


def test_sangat_kurang_no_sangat_baik():
	assert check_distribution("Sangat Kurang", unit(sk=6, k=1, b=3)).ok
	result = check_distribution("Sangat Kurang", unit(sk=6, k=1, sb=1, b=2))
	assert codes(result) == {"SANGAT_KURANG_SANGAT_BAIK_NONE"}
	assert (result.violations[0].limit, result.violations[0].over) == (0, 1)


def test_several_violations_reported():
	result = check_distribution("Kurang", unit(sb=5, b=5))
	assert codes(result) == {"KURANG_KURANG_MIN", "KURANG_BUTUH_PERBAIKAN_MIN", "KURANG_SANGAT_BAIK_MAX"}


def test_counts_mapping_and_percentages():
	result = check_distribution("Istimewa", {SANGAT_BAIK: 3, BAIK: 1})
	assert result.total == 4
	assert result.counts == {SANGAT_BAIK: 3, BAIK: 1, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0}
	assert result.percentages[SANGAT_BAIK] == 75.0
	assert math.isclose(sum(result.percentages.values()), 100)
	# floor(0.7 x 4) = 2 allowed
	assert result.violations[0].limit == 2


def test_empty_unit_is_ok():
	result = check_distribution("Baik", [])
	assert result.ok and result.total == 0
	assert check_distribution("Sangat Kurang", {}).ok


def test_unknown_values():
	with pytest.raises(RuleError):
		check_distribution("Cukup", [])
	with pytest.raises(RuleError):
		check_distribution("Baik", ["Baik", "Cukup"])
	with pytest.raises(RuleError):
		check_distribution("Baik", {"Baik": -1})
	with pytest.raises(RuleError):
		check_distribution("Baik", "Baik")


def test_rounding_is_a_parameter():
	# 70% of 5 is 3.5: strict rounding allows 3, rounding half up allows 4
	assert not check_distribution("Istimewa", unit(sb=4, b=1)).ok
	assert check_distribution("Istimewa", unit(sb=4, b=1), max_rounding=math.ceil).ok


def test_exact_percentages_have_no_float_artefacts():
	# 70% of 30 is exactly 21; 60% of 15 exactly 9; 10% of 30 exactly 3
	assert check_distribution("Istimewa", unit(sb=21, b=9)).ok
	assert check_distribution("Butuh Perbaikan", unit(bp=9, b=6)).ok
	assert check_distribution("Kurang", unit(k=18, bp=3, sb=3, b=6)).ok


def test_allowed_pattern():
	pattern = allowed_pattern("Kurang", 10)
	assert [(row["code"], row["min"], row["max"]) for row in pattern] == [
		("KURANG_KURANG_MIN", 6, None),
		("KURANG_BUTUH_PERBAIKAN_MIN", 1, None),
		("KURANG_SANGAT_BAIK_MAX", None, 1),
	]
	assert pattern[0]["predicates"] == [KURANG]
	assert pattern[0]["description"]
	baik = allowed_pattern("Baik", 3)
	assert [(row["min"], row["max"]) for row in baik] == [(None, 2), (1, None)]
	with pytest.raises(RuleError):
		allowed_pattern("Baik", -1)
	with pytest.raises(RuleError):
		allowed_pattern("Cukup", 3)
