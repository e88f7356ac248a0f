"""NIP (PNS) and NI PPPK: 18 digits = birth date YYYYMMDD + appointment YYYYMM + gender (1/2) + serial (3).

Structure as set by BKN for the Nomor Induk Pegawai. NI PPPK as issued by BKN carries the code "21" in
place of the appointment month (e.g. 19951231 202321 2 005); such codes are accepted
through ``pppk_codes`` (default DEFAULT_PPPK_CODES, observed practice, not confirmed in the reference).
"""

import datetime

from kinerja_asn.scoring.errors import RuleError, _

NIP_LENGTH = 18
MIN_BIRTH_YEAR = 1900
MIN_APPOINTMENT_YEAR = 1950
GENDER_DIGITS = {"1": "Laki-laki", "2": "Perempuan"}
DEFAULT_PPPK_CODES: tuple[str, ...] = ("21",)

_SEPARATORS = str.maketrans("", "", " .-\t\n\r\u00a0")


def normalize_nip(raw: str) -> str:
	"""Remove spaces, dots and dashes."""
	return (raw or "").translate(_SEPARATORS)


def validate_nip(raw: str, pppk_codes: tuple[str, ...] = DEFAULT_PPPK_CODES) -> str:
	"""Return the normalised NIP, or raise RuleError saying what is wrong.

	Digits 13-14 are the appointment month 01-12, or one of ``pppk_codes`` (NI PPPK).
	"""
	nip = normalize_nip(raw)
	if not nip:
		raise RuleError(_("NIP is empty; enter the 18-digit NIP"))
	wrong = sorted({char for char in nip if not ("0" <= char <= "9")})
	if wrong:
		raise RuleError(_("NIP may contain only digits; remove {0}"), " ".join(wrong))
	if len(nip) != NIP_LENGTH:
		raise RuleError(_("NIP must have 18 digits; {0} digits were given"), len(nip))
	try:
		birth = datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
	except ValueError:
		birth = None
	if birth is None or birth.year < MIN_BIRTH_YEAR:
		raise RuleError(
			_("The first 8 digits of the NIP must be a valid birth date YYYYMMDD, got {0}"), nip[0:8]
		)
	year, month = int(nip[8:12]), int(nip[12:14])
	if not 1 <= month <= 12 and nip[12:14] not in pppk_codes:
		raise RuleError(
			_("Digits 9 to 14 of the NIP must be the appointment year and month YYYYMM, got {0}"), nip[8:14]
		)
	if year < MIN_APPOINTMENT_YEAR or year <= birth.year:
		raise RuleError(
			_("The appointment year {0} in the NIP must be 1950 or later and after the birth year {1}"),
			year,
			birth.year,
		)
	if nip[14] not in GENDER_DIGITS:
		raise RuleError(_("Digit 15 of the NIP must be 1 (male) or 2 (female), got {0}"), nip[14])
	return nip


def format_nip(nip: str) -> str:
	"""Display form "19800101 200501 1 001"; the input unchanged if it is not 18 digits."""
	digits = normalize_nip(nip)
	if len(digits) != NIP_LENGTH or not digits.isascii() or not digits.isdigit():
		return nip
	return f"{digits[0:8]} {digits[8:14]} {digits[14]} {digits[15:18]}"


def is_pppk_nip(nip: str, pppk_codes: tuple[str, ...] = DEFAULT_PPPK_CODES) -> bool:
	"""Whether a valid number is an NI PPPK (digits 13-14 hold a PPPK code instead of a month)."""
	return validate_nip(nip, pppk_codes)[12:14] in pppk_codes


def gender_from_nip(nip: str) -> str:
	"""Laki-laki or Perempuan from a valid NIP."""
	return GENDER_DIGITS[validate_nip(nip)[14]]


def birth_date_from_nip(nip: str) -> datetime.date:
	"""Birth date encoded in a valid NIP."""
	digits = validate_nip(nip)
	return datetime.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
