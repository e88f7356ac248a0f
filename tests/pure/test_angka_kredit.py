import pytest

from kinerja_asn.scoring.angka_kredit import (
	AK_KENAIKAN_JENJANG,
	AK_KENAIKAN_PANGKAT,
	DEFAULT_JF_COEFFICIENTS,
	PREDIKAT_PERCENT,
	angka_kredit,
	jf_coefficient,
)
from kinerja_asn.scoring.competency import JOB_GROUPS
from kinerja_asn.scoring.errors import RuleError


# Peraturan BKN 3/2023 (reference §1.3).
@pytest.mark.parametrize(
	"value, percent",
	[
		("Sangat Baik", 150),
		("Baik", 100),
		("Butuh Perbaikan", 75),
		("Kurang/Misconduct", 50),
		("Sangat Kurang", 25),
	],
)
def test_predikat_percent(value, percent):
	assert PREDIKAT_PERCENT[value] == percent
	assert angka_kredit(value, 100) == percent


@pytest.mark.parametrize(
	"job_group, value",
	[
		("JF Ahli Utama", 50),
		("JF Ahli Madya", 37.5),
		("JF Ahli Muda", 25),
		("JF Ahli Pertama", 12.5),
		("JF Penyelia", 25),
		("JF Mahir", 12.5),
		("JF Terampil", 5),
		("JF Pemula", 3.75),
	],
)
def test_coefficients(job_group, value):
	assert jf_coefficient(job_group) == value
	assert job_group in JOB_GROUPS


def test_coefficients_only_for_jf():
	assert len(DEFAULT_JF_COEFFICIENTS) == 8
	with pytest.raises(RuleError):
		jf_coefficient("Administrator")
	assert jf_coefficient("Administrator", {"Administrator": 1}) == 1


def test_reference_examples():
	assert angka_kredit("Sangat Baik", 12.5) == 18.75
	assert angka_kredit("Baik", 12.5, months=2) == 2.083
	assert round(angka_kredit("Baik", 12.5, months=2), 2) == 2.08


@pytest.mark.parametrize("months", [0, 13, -1, 1.5, True])
def test_months_range(months):
	with pytest.raises(RuleError):
		angka_kredit("Baik", 12.5, months=months)


def test_bad_predikat_or_coefficient():
	with pytest.raises(RuleError):
		angka_kredit("Cukup", 12.5)
	with pytest.raises(RuleError):
		angka_kredit("Baik", -1)


def test_cumulative_ak_keahlian():
	assert AK_KENAIKAN_PANGKAT == {
		"JF Ahli Pertama": 50,
		"JF Ahli Muda": 100,
		"JF Ahli Madya": 150,
		"JF Ahli Utama": 200,
	}
	assert AK_KENAIKAN_JENJANG == {
		"JF Ahli Pertama": 100,
		"JF Ahli Muda": 200,
		"JF Ahli Madya": 450,
		"JF Ahli Utama": None,
	}
