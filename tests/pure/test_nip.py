import datetime

import pytest

from kinerja_asn.scoring.errors import RuleError
from kinerja_asn.scoring.nip import (
	birth_date_from_nip,
	format_nip,
	gender_from_nip,
	is_pppk_nip,
	normalize_nip,
	validate_nip,
)

GOOD = "198001012005011001"


@pytest.mark.parametrize(
	"raw",
	[GOOD, "19800101 200501 1 001", "19800101.200501.1.001", "19800101-200501-1-001", " 198001012005011001 "],
)
def test_good(raw):
	assert validate_nip(raw) == GOOD


def test_female_and_pppk():
	# NI PPPK: "21" in place of the appointment month
	assert validate_nip("199512312023212005") == "199512312023212005"
	assert is_pppk_nip("199512312023212005") is True
	assert is_pppk_nip(GOOD) is False
	assert format_nip("199512312023212005") == "19951231 202321 2 005"
	with pytest.raises(RuleError):
		validate_nip("199512312023212005", pppk_codes=())
	assert gender_from_nip("199512312023212005") == "Perempuan"
	assert gender_from_nip(GOOD) == "Laki-laki"
	assert birth_date_from_nip(GOOD) == datetime.date(1980, 1, 1)


def test_normalize():
	assert normalize_nip("19800101 200501-1.001") == GOOD
	assert normalize_nip(None) == ""


def _message(raw):
	with pytest.raises(RuleError) as info:
		validate_nip(raw)
	return info.value


def test_wrong_length_says_how_many():
	error = _message("19800101200501100")
	assert error.args_ == (17,)
	assert "18 digits" in str(error) and "17" in str(error)
	assert _message("1980010120050110011").args_ == (19,)


def test_empty():
	assert "empty" in str(_message(""))


def test_letters():
	error = _message("19800101200501100A")
	assert "only digits" in str(error) and "A" in str(error)


@pytest.mark.parametrize("raw", ["198013012005011001", "198002302005011001", "180001012005011001"])
def test_bad_birth_date(raw):
	assert "birth date" in str(_message(raw))


@pytest.mark.parametrize("raw", ["198001012005131001", "198001012005001001", "198001012005221001"])
def test_bad_appointment_month(raw):
	assert "appointment" in str(_message(raw))


@pytest.mark.parametrize("raw", ["198001011949011001", "198001011980011001", "198001011975011001"])
def test_bad_appointment_year(raw):
	assert "appointment year" in str(_message(raw))


@pytest.mark.parametrize("digit", ["0", "3", "9"])
def test_bad_gender_digit(digit):
	error = _message(f"19800101200501{digit}001")
	assert "Digit 15" in str(error) and error.args_ == (digit,)


def test_format():
	assert format_nip(GOOD) == "19800101 200501 1 001"
	assert format_nip("19800101.200501.1.001") == "19800101 200501 1 001"
	assert format_nip("12345") == "12345"
	assert format_nip("ABCDEFGHIJKLMNOPQR") == "ABCDEFGHIJKLMNOPQR"
