import pytest

from kinerja_asn.scoring.errors import RuleError
from kinerja_asn.scoring.talent import (
	BOX_DEFINITION,
	BOX_FOLLOW_UP,
	DEFAULT_POTENTIAL_BANDS,
	NINE_BOX,
	SUCCESSION_BOXES,
	is_succession_candidate,
	nine_box,
	potential_from_jpm,
)


# PermenPANRB 3/2020 (reference §1.6).
@pytest.mark.parametrize(
	"potential, kinerja, box",
	[
		("Tinggi", "Di Bawah Ekspektasi", 6),
		("Tinggi", "Sesuai Ekspektasi", 8),
		("Tinggi", "Di Atas Ekspektasi", 9),
		("Menengah", "Di Bawah Ekspektasi", 3),
		("Menengah", "Sesuai Ekspektasi", 5),
		("Menengah", "Di Atas Ekspektasi", 7),
		("Rendah", "Di Bawah Ekspektasi", 1),
		("Rendah", "Sesuai Ekspektasi", 2),
		("Rendah", "Di Atas Ekspektasi", 4),
	],
)
def test_nine_box(potential, kinerja, box):
	assert nine_box(kinerja, potential) == box
	assert NINE_BOX[(potential, kinerja)] == box


def test_tables_complete():
	assert sorted(NINE_BOX.values()) == list(range(1, 10))
	assert set(BOX_DEFINITION) == set(BOX_FOLLOW_UP) == set(range(1, 10))
	assert BOX_DEFINITION[9] == "Kinerja di atas ekspektasi, potensial tinggi"
	assert BOX_DEFINITION[1] == "Kinerja di bawah ekspektasi, potensial rendah"
	assert BOX_FOLLOW_UP[1] == "Diproses sesuai ketentuan peraturan perundang-undangan"
	assert BOX_FOLLOW_UP[4] == "Rotasi; pengembangan kompetensi"
	assert "Kelompok Rencana Suksesi Instansi/Nasional" in BOX_FOLLOW_UP[9]
	assert SUCCESSION_BOXES == (7, 8, 9)


def test_definitions_match_axes():
	words = {
		"Di Atas Ekspektasi": "di atas",
		"Sesuai Ekspektasi": "sesuai",
		"Di Bawah Ekspektasi": "di bawah",
	}
	for (potential, kinerja), box in NINE_BOX.items():
		assert BOX_DEFINITION[box] == f"Kinerja {words[kinerja]} ekspektasi, potensial {potential.lower()}"


def test_nine_box_unknown():
	with pytest.raises(RuleError):
		nine_box("Baik", "Tinggi")
	with pytest.raises(RuleError):
		nine_box("Sesuai Ekspektasi", "Sedang")


@pytest.mark.parametrize(
	"jpm, potential",
	[(100, "Tinggi"), (90, "Tinggi"), (89.99, "Menengah"), (78, "Menengah"), (77.99, "Rendah")],
)
def test_potential_from_jpm(jpm, potential):
	assert potential_from_jpm(jpm) == potential
	assert potential_from_jpm(jpm, DEFAULT_POTENTIAL_BANDS) == potential


def test_succession():
	assert [box for box in range(1, 10) if is_succession_candidate(box)] == [7, 8, 9]
	with pytest.raises(RuleError):
		is_succession_candidate(10)
