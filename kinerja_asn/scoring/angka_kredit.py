"""Angka kredit of Jabatan Fungsional from the predikat kinerja.

PermenPANRB 1/2023 and Peraturan BKN 3/2023: konversi predikat kinerja ke angka kredit.
"""

from collections.abc import Mapping

from kinerja_asn.scoring.errors import RuleError, _
from kinerja_asn.scoring.ratings import (
	BAIK,
	BUTUH_PERBAIKAN,
	KURANG,
	SANGAT_BAIK,
	SANGAT_KURANG,
	validate_predikat,
)

# Peraturan BKN 3/2023: percent of the annual coefficient per predikat (CONFIRMED).
PREDIKAT_PERCENT: dict[str, float] = {
	SANGAT_BAIK: 150,
	BAIK: 100,
	BUTUH_PERBAIKAN: 75,
	KURANG: 50,
	SANGAT_KURANG: 25,
}

# PermenPANRB 1/2023: annual coefficient per jenjang (CORROBORATED, official table not retrieved).
DEFAULT_JF_COEFFICIENTS: dict[str, float] = {
	"JF Ahli Utama": 50,
	"JF Ahli Madya": 37.5,
	"JF Ahli Muda": 25,
	"JF Ahli Pertama": 12.5,
	"JF Penyelia": 25,
	"JF Mahir": 12.5,
	"JF Terampil": 5,
	"JF Pemula": 3.75,
}

# Peraturan BKN 3/2023, cumulative AK needed, Keahlian (the Keterampilan rows are UNCONFIRMED, left out).
# Jenjang -> AK for kenaikan pangkat / kenaikan jenjang (None: highest jenjang).
AK_KENAIKAN_PANGKAT: dict[str, float] = {
	"JF Ahli Pertama": 50,
	"JF Ahli Muda": 100,
	"JF Ahli Madya": 150,
	"JF Ahli Utama": 200,
}
AK_KENAIKAN_JENJANG: dict[str, float | None] = {
	"JF Ahli Pertama": 100,
	"JF Ahli Muda": 200,
	"JF Ahli Madya": 450,
	"JF Ahli Utama": None,
}


def jf_coefficient(job_group: str, coefficients: Mapping[str, float] | None = None) -> float:
	"""Annual AK coefficient of a JF jenjang (PermenPANRB 1/2023; default table, overridable)."""
	table = DEFAULT_JF_COEFFICIENTS if coefficients is None else coefficients
	if job_group not in table:
		raise RuleError(
			_("No angka kredit coefficient is set for job group {0}; only JF jenjang have one"), job_group
		)
	return table[job_group]


def angka_kredit(predikat: str, coefficient: float, months: int = 12) -> float:
	"""AK = months/12 x % predikat x annual coefficient, rounded to 3 decimals (Peraturan BKN 3/2023)."""
	validate_predikat(predikat)
	if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 12:
		raise RuleError(_("Months must be a whole number between 1 and 12, got {0}"), months)
	if coefficient is None or coefficient < 0:
		raise RuleError(_("The angka kredit coefficient must be 0 or more, got {0}"), coefficient)
	return round(months / 12 * PREDIKAT_PERCENT[predikat] / 100 * coefficient, 3)
