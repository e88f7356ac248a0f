import pytest

from kinerja_asn.scoring.errors import RuleError
from kinerja_asn.scoring.ratings import (
	BAIK,
	BUTUH_PERBAIKAN,
	DI_ATAS,
	DI_BAWAH,
	KUADRAN,
	KURANG,
	PREDIKAT,
	RATINGS,
	SANGAT_BAIK,
	SANGAT_KURANG,
	SESUAI,
	GoalResult,
	classify_achievement,
	performance_axis,
	predikat,
	propose_hasil_kerja,
	propose_perilaku,
)


def test_option_strings():
	assert RATINGS == ("Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi")
	assert PREDIKAT == ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang")


# PermenPANRB 6/2022, Lampiran: kuadran kinerja (reference §1.1).
@pytest.mark.parametrize(
	"hasil_kerja, perilaku, expected",
	[
		("Di Atas Ekspektasi", "Di Bawah Ekspektasi", "Kurang/Misconduct"),
		("Di Atas Ekspektasi", "Sesuai Ekspektasi", "Baik"),
		("Di Atas Ekspektasi", "Di Atas Ekspektasi", "Sangat Baik"),
		("Sesuai Ekspektasi", "Di Bawah Ekspektasi", "Kurang/Misconduct"),
		("Sesuai Ekspektasi", "Sesuai Ekspektasi", "Baik"),
		("Sesuai Ekspektasi", "Di Atas Ekspektasi", "Baik"),
		("Di Bawah Ekspektasi", "Di Bawah Ekspektasi", "Sangat Kurang"),
		("Di Bawah Ekspektasi", "Sesuai Ekspektasi", "Butuh Perbaikan"),
		("Di Bawah Ekspektasi", "Di Atas Ekspektasi", "Butuh Perbaikan"),
	],
)
def test_kuadran(hasil_kerja, perilaku, expected):
	assert predikat(hasil_kerja, perilaku) == expected
	assert KUADRAN[(hasil_kerja, perilaku)] == expected


def test_kuadran_is_complete():
	assert set(KUADRAN) == {(h, p) for h in RATINGS for p in RATINGS}
	assert set(KUADRAN.values()) == set(PREDIKAT)


@pytest.mark.parametrize("hasil_kerja, perilaku", [("Baik", SESUAI), (SESUAI, "Cukup"), ("", "")])
def test_kuadran_unknown_rating(hasil_kerja, perilaku):
	with pytest.raises(RuleError) as info:
		predikat(hasil_kerja, perilaku)
	assert "{0}" in info.value.message
	assert info.value.args_


@pytest.mark.parametrize(
	"pct, expected",
	[(100.01, DI_ATAS), (100, SESUAI), (95, SESUAI), (90, SESUAI), (89.99, DI_BAWAH), (0, DI_BAWAH)],
)
def test_classify_achievement_default_thresholds(pct, expected):
	assert classify_achievement(pct) == expected


def test_classify_achievement_custom_thresholds():
	assert classify_achievement(110, above=115, below=90) == SESUAI
	assert classify_achievement(116, above=115, below=90) == DI_ATAS


@pytest.mark.parametrize("above, below", [(90, 90), (80, 90)])
def test_thresholds_must_be_ordered(above, below):
	with pytest.raises(RuleError):
		classify_achievement(95, above=above, below=below)
	with pytest.raises(RuleError):
		propose_hasil_kerja([GoalResult(95)], above=above, below=below)


def test_propose_hasil_kerja_empty():
	with pytest.raises(RuleError):
		propose_hasil_kerja([])


def _goals(*spec):
	return [GoalResult(pct, utama) for pct, utama in spec]


@pytest.mark.parametrize(
	"goals, expected",
	[
		# most above, no utama below -> Di Atas
		(_goals((120, True), (110, True), (95, False)), DI_ATAS),
		# all above
		(_goals((101, True)), DI_ATAS),
		# most above but one utama below -> Sesuai
		(_goals((120, True), (110, False), (120, False), (80, True), (100, True)), SESUAI),
		# exactly half above is not "most" -> Sesuai
		(_goals((120, True), (100, True)), SESUAI),
		# all meet expectation
		(_goals((100, True), (90, True), (95, False)), SESUAI),
		# more than half of all results below -> Di Bawah
		(_goals((80, False), (85, False), (100, True)), DI_BAWAH),
		# exactly half below overall and half of utama below -> Sesuai
		(_goals((80, True), (100, True)), SESUAI),
		# more than half of utama below although most results overall are fine -> Di Bawah
		(_goals((80, True), (100, False), (100, False), (100, False), (100, False)), DI_BAWAH),
		# no utama rows: only the overall rule applies
		(_goals((120, False), (120, False), (80, False)), DI_ATAS),
	],
)
def test_propose_hasil_kerja(goals, expected):
	assert propose_hasil_kerja(goals) == expected


@pytest.mark.parametrize(
	"score, expected",
	[
		(None, None),
		(5, DI_ATAS),
		(4.0, DI_ATAS),
		(3.99, SESUAI),
		(3.0, SESUAI),
		(2.99, DI_BAWAH),
		(1, DI_BAWAH),
	],
)
def test_propose_perilaku(score, expected):
	assert propose_perilaku(score) == expected


def test_propose_perilaku_parameters_and_range():
	assert propose_perilaku(3.5, above=3.5, below=2.5) == DI_ATAS
	with pytest.raises(RuleError):
		propose_perilaku(0)
	with pytest.raises(RuleError):
		propose_perilaku(5.5)
	with pytest.raises(RuleError):
		propose_perilaku(3, above=3, below=3)


@pytest.mark.parametrize(
	"value, axis",
	[
		(SANGAT_BAIK, DI_ATAS),
		(BAIK, SESUAI),
		(BUTUH_PERBAIKAN, DI_BAWAH),
		(KURANG, DI_BAWAH),
		(SANGAT_KURANG, DI_BAWAH),
	],
)
def test_performance_axis(value, axis):
	assert performance_axis(value) == axis


def test_performance_axis_unknown():
	with pytest.raises(RuleError):
		performance_axis("Cukup")
