"""Evaluation periods and Indonesian dates. PermenPANRB 6/2022: evaluasi kinerja periodik dan tahunan."""

import calendar
import datetime

from kinerja_asn.scoring.errors import RuleError, _

PERIOD_TYPES = ("Periodik", "Tahunan")
TRIWULAN = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")
SEMESTER = ("Semester I", "Semester II")
AKHIR = "Akhir"
PERIOD_LABELS = (*TRIWULAN, *SEMESTER, AKHIR)

BULAN = (
	"Januari",
	"Februari",
	"Maret",
	"April",
	"Mei",
	"Juni",
	"Juli",
	"Agustus",
	"September",
	"Oktober",
	"November",
	"Desember",
)


def _last_day(year: int, month: int) -> datetime.date:
	return datetime.date(year, month, calendar.monthrange(year, month)[1])


def period_label(start: datetime.date, end: datetime.date) -> str:
	"""Triwulan I-IV (calendar quarter), Semester I/II (Jan-Jun, Jul-Dec), Akhir (calendar year), else ""."""
	if start.year != end.year or start.day != 1:
		return ""
	year = start.year
	if start.month == 1 and end == datetime.date(year, 12, 31):
		return AKHIR
	for index, first_month in enumerate((1, 7)):
		if start.month == first_month and end == _last_day(year, first_month + 5):
			return SEMESTER[index]
	for index, first_month in enumerate((1, 4, 7, 10)):
		if start.month == first_month and end == _last_day(year, first_month + 2):
			return TRIWULAN[index]
	return ""


def format_date_id(d: datetime.date) -> str:
	"""Indonesian long date, e.g. "31 Desember 2026"."""
	return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def periode_penilaian(start: datetime.date, end: datetime.date) -> str:
	"""E.g. "1 Januari s.d. 31 Desember 2026"; the start year is shown when the years differ."""
	if end < start:
		raise RuleError(
			_("The period end {0} is before its start {1}; correct the dates"),
			end.isoformat(),
			start.isoformat(),
		)
	if start.year == end.year:
		return f"{start.day} {BULAN[start.month - 1]} s.d. {format_date_id(end)}"
	return f"{format_date_id(start)} s.d. {format_date_id(end)}"
