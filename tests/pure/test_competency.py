import pytest

from kinerja_asn.scoring.competency import (
	COMPETENCY_TYPES,
	DEFAULT_JPM_CATEGORIES,
	DEFAULT_STANDARD_LEVELS,
	JOB_GROUPS,
	MANAGERIAL_COMPETENCIES,
	MAPPING_JPM_CATEGORIES,
	SOCIO_CULTURAL_COMPETENCIES,
	UJI_KOMPETENSI_WEIGHTS,
	Band,
	CompetencyScore,
	JPMResult,
	categorise,
	gap,
	job_person_match,
	standard_level,
	strengths_and_development_areas,
	uji_kompetensi_jpm,
	validate_level,
	validate_levels,
	validate_required_level,
)
from kinerja_asn.scoring.errors import RuleError


def test_competency_names():
	assert COMPETENCY_TYPES == ("Manajerial", "Sosial Kultural", "Teknis")
	assert MANAGERIAL_COMPETENCIES == (
		"Integritas",
		"Kerja Sama",
		"Komunikasi",
		"Orientasi pada Hasil",
		"Pelayanan Publik",
		"Pengembangan Diri dan Orang Lain",
		"Mengelola Perubahan",
		"Pengambilan Keputusan",
	)
	assert SOCIO_CULTURAL_COMPETENCIES == ("Perekat Bangsa",)


# Reference §1.4 (UNCONFIRMED defaults; JF Mahir "1-2" -> 1).
@pytest.mark.parametrize(
	"job_group, level",
	[
		("JPT Utama", 5),
		("JPT Madya", 5),
		("JPT Pratama", 4),
		("Administrator", 3),
		("Pengawas", 2),
		("Pelaksana", 1),
		("JF Ahli Utama", 4),
		("JF Ahli Madya", 3),
		("JF Ahli Muda", 2),
		("JF Ahli Pertama", 1),
		("JF Penyelia", 2),
		("JF Mahir", 1),
		("JF Terampil", 1),
		("JF Pemula", 1),
	],
)
def test_default_standard_levels(job_group, level):
	assert standard_level(job_group) == level


def test_job_groups_order_and_table():
	assert JOB_GROUPS[0] == "JPT Utama" and JOB_GROUPS[-1] == "JF Pemula" and len(JOB_GROUPS) == 14
	assert list(DEFAULT_STANDARD_LEVELS) == list(JOB_GROUPS)


def test_standard_level_override_and_errors():
	assert standard_level("JF Mahir", {"JF Mahir": 2}) == 2
	with pytest.raises(RuleError):
		standard_level("Eselon II")
	with pytest.raises(RuleError):
		standard_level("JF Mahir", {"JF Mahir": 6})
	with pytest.raises(RuleError):
		standard_level("JF Mahir", {"Pelaksana": 1})


@pytest.mark.parametrize("level", [1, 3, 5, "4", 2.0])
def test_validate_level_ok(level):
	assert validate_level(level) == int(level)


@pytest.mark.parametrize("level", [0, 6, -1, 2.5, None, True, "tiga"])
def test_validate_level_bad(level):
	with pytest.raises(RuleError) as info:
		validate_level(level)
	assert info.value.message == "Level must be a whole number between 1 and 5, got {0}"


def test_validate_levels():
	assert validate_levels([1, 2, 3, 4, 5], "Manajerial") == [1, 2, 3, 4, 5]
	assert validate_levels([5, 4, 3, 2, 1], "Sosial Kultural") == [5, 4, 3, 2, 1]
	assert validate_levels([1, 2, 3], "Teknis") == [1, 2, 3]
	assert validate_levels([3], "Teknis") == [3]


def test_validate_levels_missing_names_levels():
	with pytest.raises(RuleError) as info:
		validate_levels([1, 2, 4], "Manajerial")
	assert "3, 5" in str(info.value)


@pytest.mark.parametrize(
	"levels, competency_type",
	[
		([1, 2, 2, 3, 4, 5], "Manajerial"),
		([], "Teknis"),
		([1, 6], "Teknis"),
		([1, 1], "Teknis"),
		([1], "Umum"),
	],
)
def test_validate_levels_bad(levels, competency_type):
	with pytest.raises(RuleError):
		validate_levels(levels, competency_type)


def test_validate_required_level():
	assert validate_required_level(3, [1, 2, 3]) == 3
	with pytest.raises(RuleError):
		validate_required_level(4, [1, 2, 3])
	with pytest.raises(RuleError):
		validate_required_level(0, [1, 2, 3])
	with pytest.raises(RuleError):
		validate_required_level(1, [])


def test_gap():
	assert gap(2, 3) == -1
	assert gap(3.333, 3) == 0.33
	assert gap(4, 3) == 1


def test_jpm_reference_formula():
	rows = [
		CompetencyScore("Integritas", 3, 3),
		CompetencyScore("Kerja Sama", 3, 2),
		CompetencyScore("Komunikasi", 3, 4),
		CompetencyScore("Perekat Bangsa", 3, None),  # not assessed: ignored
	]
	# raw = 9 / 9; capped = (3 + 2 + 3) / 9
	assert job_person_match(rows) == JPMResult(raw=100.0, capped=88.89)


def test_jpm_weights():
	rows = [CompetencyScore("A", 4, 2, weight=3), CompetencyScore("B", 2, 2, weight=1)]
	# raw = (6 + 2) / (12 + 2)
	assert job_person_match(rows).raw == 57.14


def test_jpm_raw_may_exceed_100_capped_not():
	result = job_person_match([CompetencyScore("A", 2, 4)])
	assert result.raw == 200.0 and result.capped == 100.0


def test_jpm_none_and_errors():
	assert job_person_match([]) is None
	assert job_person_match([CompetencyScore("A", 3, None)]) is None
	with pytest.raises(RuleError):
		job_person_match([CompetencyScore("A", 3, 3, weight=-1)])
	with pytest.raises(RuleError):
		job_person_match([CompetencyScore("A", 6, 3)])
	with pytest.raises(RuleError):
		job_person_match([CompetencyScore("A", 0, 3)])


# Set A (uji kompetensi reg. 35/2020).
@pytest.mark.parametrize(
	"value, label",
	[
		(100, "Memenuhi Syarat"),
		(80, "Memenuhi Syarat"),
		(79.99, "Masih Memenuhi Syarat"),
		(68, "Masih Memenuhi Syarat"),
		(67.99, "Kurang Memenuhi Syarat"),
		(0, "Kurang Memenuhi Syarat"),
		(138.89, "Memenuhi Syarat"),
	],
)
def test_jpm_categories_set_a(value, label):
	assert categorise(value) == label
	assert categorise(value, DEFAULT_JPM_CATEGORIES) == label


# Set B (mapping / talent pool).
@pytest.mark.parametrize(
	"value, label",
	[
		(90, "Optimal"),
		(89.99, "Cukup Optimal"),
		(78, "Cukup Optimal"),
		(77.99, "Kurang Optimal"),
		(0, "Kurang Optimal"),
	],
)
def test_jpm_categories_set_b(value, label):
	assert categorise(value, MAPPING_JPM_CATEGORIES) == label


def test_categorise_bands_validation():
	assert categorise(50, [Band("Low", 0), Band("High", 50)]) == "High"  # any order
	with pytest.raises(RuleError):
		categorise(50, [])
	with pytest.raises(RuleError):
		categorise(50, [Band("A", 50), Band("B", 10)])  # lowest is not 0
	with pytest.raises(RuleError):
		categorise(50, [Band("A", 50), Band("B", 50), Band("C", 0)])
	with pytest.raises(RuleError):
		categorise(-1)


def test_uji_kompetensi_weighting():
	assert UJI_KOMPETENSI_WEIGHTS == {
		"JF Ahli Madya": (40, 60),
		"JF Ahli Muda": (50, 50),
		"JF Ahli Pertama": (60, 40),
	}
	assert uji_kompetensi_jpm(70, 80, "JF Ahli Madya") == 76.0
	assert uji_kompetensi_jpm(70, 80, "JF Ahli Muda") == 75.0
	assert uji_kompetensi_jpm(70, 80, "JF Ahli Pertama") == 74.0
	with pytest.raises(RuleError):
		uji_kompetensi_jpm(70, 80, "JF Ahli Utama")


def test_strengths_and_development_areas():
	rows = [
		CompetencyScore("Integritas", 3, 4),
		CompetencyScore("Kerja Sama", 3, 3),
		CompetencyScore("Komunikasi", 3, 5),
		CompetencyScore("Pelayanan Publik", 3, 2),
		CompetencyScore("Mengelola Perubahan", 3, 1),
		CompetencyScore("Perekat Bangsa", 3, None),
	]
	strengths, development = strengths_and_development_areas(rows)
	assert strengths == ["Komunikasi", "Integritas", "Kerja Sama"]
	assert development == ["Mengelola Perubahan", "Pelayanan Publik"]
