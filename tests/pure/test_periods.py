from datetime import date

import pytest

from kinerja_asn.scoring.errors import RuleError
from kinerja_asn.scoring.periods import (
	BULAN,
	PERIOD_LABELS,
	PERIOD_TYPES,
	format_date_id,
	period_label,
	periode_penilaian,
)


def test_constants():
	assert PERIOD_TYPES == ("Periodik", "Tahunan")
	assert PERIOD_LABELS == (
		"Triwulan I",
		"Triwulan II",
		"Triwulan III",
		"Triwulan IV",
		"Semester I",
		"Semester II",
		"Akhir",
	)
	assert BULAN[0] == "Januari" and BULAN[4] == "Mei" and BULAN[11] == "Desember" and len(BULAN) == 12


@pytest.mark.parametrize(
	"start, end, label",
	[
		(date(2026, 1, 1), date(2026, 3, 31), "Triwulan I"),
		(date(2026, 4, 1), date(2026, 6, 30), "Triwulan II"),
		(date(2026, 7, 1), date(2026, 9, 30), "Triwulan III"),
		(date(2026, 10, 1), date(2026, 12, 31), "Triwulan IV"),
		(date(2026, 1, 1), date(2026, 6, 30), "Semester I"),
		(date(2026, 7, 1), date(2026, 12, 31), "Semester II"),
		(date(2026, 1, 1), date(2026, 12, 31), "Akhir"),
		(date(2024, 1, 1), date(2024, 3, 31), "Triwulan I"),
		(date(2026, 1, 1), date(2026, 3, 30), ""),
		(date(2026, 2, 1), date(2026, 4, 30), ""),
		(date(2026, 1, 2), date(2026, 12, 31), ""),
		(date(2025, 7, 1), date(2026, 6, 30), ""),
		(date(2026, 1, 1), date(2026, 1, 31), ""),
	],
)
def test_period_label(start, end, label):
	assert period_label(start, end) == label


def test_format_date_id():
	assert format_date_id(date(2026, 12, 31)) == "31 Desember 2026"
	assert format_date_id(date(2026, 5, 2)) == "2 Mei 2026"
	assert format_date_id(date(2024, 2, 29)) == "29 Februari 2024"


def test_periode_penilaian():
	assert periode_penilaian(date(2026, 1, 1), date(2026, 12, 31)) == "1 Januari s.d. 31 Desember 2026"
	assert periode_penilaian(date(2025, 7, 1), date(2026, 6, 30)) == "1 Juli 2025 s.d. 30 Juni 2026"
	assert periode_penilaian(date(2026, 3, 5), date(2026, 3, 5)) == "5 Maret s.d. 5 Maret 2026"
	with pytest.raises(RuleError):
		periode_penilaian(date(2026, 12, 31), date(2026, 1, 1))
