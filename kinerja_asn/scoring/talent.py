"""9-box talent matrix. PermenPANRB 3/2020 (Manajemen Talenta ASN), Lampiran: kotak manajemen talenta.

Axes: kinerja (Di Bawah / Sesuai / Di Atas Ekspektasi) x potensial (Rendah / Menengah / Tinggi).
Where an employee falls on the axes (the cut-offs) is instansi practice, hence parameters.
"""

from collections.abc import Sequence

from kinerja_asn.scoring.competency import Band, categorise
from kinerja_asn.scoring.errors import RuleError, _
from kinerja_asn.scoring.ratings import DI_ATAS, DI_BAWAH, SESUAI, validate_rating

RENDAH = "Rendah"
MENENGAH = "Menengah"
TINGGI = "Tinggi"
POTENTIALS = (RENDAH, MENENGAH, TINGGI)

# PermenPANRB 3/2020: key (potensial, kinerja) -> kotak.
NINE_BOX: dict[tuple[str, str], int] = {
	(TINGGI, DI_BAWAH): 6,
	(TINGGI, SESUAI): 8,
	(TINGGI, DI_ATAS): 9,
	(MENENGAH, DI_BAWAH): 3,
	(MENENGAH, SESUAI): 5,
	(MENENGAH, DI_ATAS): 7,
	(RENDAH, DI_BAWAH): 1,
	(RENDAH, SESUAI): 2,
	(RENDAH, DI_ATAS): 4,
}

BOX_DEFINITION: dict[int, str] = {
	9: "Kinerja di atas ekspektasi, potensial tinggi",
	8: "Kinerja sesuai ekspektasi, potensial tinggi",
	7: "Kinerja di atas ekspektasi, potensial menengah",
	6: "Kinerja di bawah ekspektasi, potensial tinggi",
	5: "Kinerja sesuai ekspektasi, potensial menengah",
	4: "Kinerja di atas ekspektasi, potensial rendah",
	3: "Kinerja di bawah ekspektasi, potensial menengah",
	2: "Kinerja sesuai ekspektasi, potensial rendah",
	1: "Kinerja di bawah ekspektasi, potensial rendah",
}

BOX_FOLLOW_UP: dict[int, str] = {
	9: ("Dipromosikan dan dipertahankan; masuk Kelompok Rencana Suksesi Instansi/Nasional; penghargaan"),
	8: (
		"Dipertahankan; masuk Kelompok Rencana Suksesi Instansi; rotasi/perluasan jabatan; bimbingan kinerja"
	),
	7: (
		"Dipertahankan; masuk Kelompok Rencana Suksesi Instansi; rotasi/pengayaan jabatan; "
		"pengembangan kompetensi; tugas belajar"
	),
	6: "Penempatan yang sesuai; bimbingan kinerja; konseling kinerja",
	5: "Penempatan yang sesuai; bimbingan kinerja; pengembangan kompetensi",
	4: "Rotasi; pengembangan kompetensi",
	3: "Bimbingan kinerja; konseling kinerja; pengembangan kompetensi; penempatan yang sesuai",
	2: "Bimbingan kinerja; pengembangan kompetensi; penempatan yang sesuai",
	1: "Diproses sesuai ketentuan peraturan perundang-undangan",
}

# Only these boxes enter the Kelompok Rencana Suksesi (PermenPANRB 3/2020).
SUCCESSION_BOXES = (7, 8, 9)

# From JPM (capped), mapping set B cut-offs; local practice, not regulation.
DEFAULT_POTENTIAL_BANDS = (Band(TINGGI, 90), Band(MENENGAH, 78), Band(RENDAH, 0))


def nine_box(kinerja: str, potential: str) -> int:
	"""Kotak 1-9 for a kinerja rating and a potential level (PermenPANRB 3/2020)."""
	validate_rating(kinerja)
	if potential not in POTENTIALS:
		raise RuleError(_("Unknown potential {0}; use Rendah, Menengah or Tinggi"), potential)
	return NINE_BOX[(potential, kinerja)]


def potential_from_jpm(jpm: float, bands: Sequence[Band] = DEFAULT_POTENTIAL_BANDS) -> str:
	"""Potential level from the (capped) JPM percent; the cut-offs are local practice."""
	label = categorise(jpm, bands)
	if label not in POTENTIALS:
		raise RuleError(_("Potential band {0} is not Rendah, Menengah or Tinggi; rename the band"), label)
	return label


def is_succession_candidate(box: int) -> bool:
	"""Whether the kotak qualifies for the Kelompok Rencana Suksesi (boxes 7, 8, 9)."""
	if box not in BOX_DEFINITION:
		raise RuleError(_("Box must be between 1 and 9, got {0}"), box)
	return box in SUCCESSION_BOXES
