"""The form context: what every official form template receives as ``form``, and the pure helpers filling it.

Everything here is plain Python (no frappe); the form pipeline (``kinerja_asn.forms.build``) composes these
helpers into each form, whatever its source (stored documents on a bench, or the sample agency). Values that a template prints are already formatted as Indonesian text (numbers with a
decimal comma, long dates, formatted NIP, pangkat with its name), so templates stay logic-free.

Sources: PermenPANRB 6/2022 (forms, header fields, kuadran), SE MenPANRB 3/2023 (kurva distribusi; x-axis
order Sangat Kurang -> Kurang/Misconduct -> Butuh Perbaikan -> Baik -> Sangat Baik), PP 99/2000 jo.
PP 12/2002 (pangkat names per golongan ruang), PermenPANRB 3/2020 (9-box).
"""

import datetime
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from kinerja_asn.scoring import competency, development, distribution, ratings, talent
from kinerja_asn.scoring.nip import format_nip
from kinerja_asn.scoring.periods import format_date_id, periode_penilaian

# ---------------------------------------------------------------------------------------------------------
# Pangkat / golongan ruang
# ---------------------------------------------------------------------------------------------------------

# PNS: golongan ruang -> pangkat (PP 99/2000 jo. PP 12/2002).
PANGKAT: dict[str, str] = {
	"I/a": "Juru Muda",
	"I/b": "Juru Muda Tingkat I",
	"I/c": "Juru",
	"I/d": "Juru Tingkat I",
	"II/a": "Pengatur Muda",
	"II/b": "Pengatur Muda Tingkat I",
	"II/c": "Pengatur",
	"II/d": "Pengatur Tingkat I",
	"III/a": "Penata Muda",
	"III/b": "Penata Muda Tingkat I",
	"III/c": "Penata",
	"III/d": "Penata Tingkat I",
	"IV/a": "Pembina",
	"IV/b": "Pembina Tingkat I",
	"IV/c": "Pembina Utama Muda",
	"IV/d": "Pembina Utama Madya",
	"IV/e": "Pembina Utama",
}
# PPPK: golongan I-XVII (Perpres 98/2020); no pangkat name.
PPPK_GOLONGAN = (
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
	"X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip


def pangkat_name(golongan: str, short: bool = False) -> str:
	"""Pangkat of a PNS golongan ruang ("III/b" -> "Penata Muda Tingkat I"; short: "Penata Muda Tk. I")."""
	name = PANGKAT.get(_normalise_golongan(golongan), "")
	return name.replace(" Tingkat I", " Tk. I") if short else name


def _normalise_golongan(golongan: str) -> str:
	value = (golongan or "").strip().replace(" ", "")
	if "/" in value:
		ruang, huruf = value.split("/", 1)
		return f"{ruang.upper()}/{huruf.lower()}"
	return value.upper()


def pangkat_golongan(golongan: str | None, asn_status: str | None = None, short: bool = True) -> str:
	"""Text of the PANGKAT/GOL. RUANG field.

	PNS: "Penata Muda Tk. I, III/b" (``short=False``: "Penata Muda Tingkat I, III/b").
	PPPK (status PPPK, or a golongan without a slash): "Golongan IX". Unknown values are shown unchanged.
	"""
	value = _normalise_golongan(golongan or "")
	if not value:
		return ""
	if asn_status == "PPPK" or ("/" not in value and value in PPPK_GOLONGAN):
		return f"Golongan {value}"
	name = pangkat_name(value, short=short)
	return f"{name}, {value}" if name else (golongan or "").strip()


# ---------------------------------------------------------------------------------------------------------
# Indonesian numbers, dates and labels
# ---------------------------------------------------------------------------------------------------------


def angka(value: float | int | None, decimals: int = 2, empty: str = "-") -> str:
	"""Indonesian number: thousands with ".", decimal comma, trailing zeros dropped (1234.5 -> "1.234,5")."""
	if value is None or (isinstance(value, float) and not math.isfinite(value)):
		return empty
	text = f"{float(value):,.{decimals}f}"
	if "." in text:
		text = text.rstrip("0").rstrip(".")
	if text in ("-0", ""):
		text = "0"
	return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def persen(value: float | None, decimals: int = 2, empty: str = "-") -> str:
	"""Indonesian percent: 99.6 -> "99,6%"."""
	return empty if value is None else f"{angka(value, decimals)}%"


def nilai_dengan_satuan(value: float | None, unit: str | None) -> str:
	"""Target/realisasi with its unit: (95, "%") -> "95%", (4, "kegiatan") -> "4 kegiatan"."""
	if value is None:
		return "-"
	unit = (unit or "").strip()
	if not unit:
		return angka(value)
	return f"{angka(value)}{unit}" if unit == "%" else f"{angka(value)} {unit}"


def tanggal(value: datetime.date | str | None) -> str:
	"""Indonesian long date ("31 Desember 2026") from a date or an ISO date text; "" for None."""
	if value is None or value == "":
		return ""
	if isinstance(value, str):
		value = datetime.date.fromisoformat(value[:10])
	return format_date_id(value)


def tempat_tanggal(city: str, value: datetime.date | str) -> str:
	"""Place and date line above a signature: "Muara Bulian, 31 Desember 2026"."""
	return f"{city}, {tanggal(value)}"


def periode_text(period_label: str | None) -> str:
	"""Period line of an evaluation form: "Akhir" -> "PERIODE: AKHIR", "Triwulan I" -> "PERIODE: TRIWULAN I"."""
	return f"PERIODE: {(period_label or '').upper()}".strip()


def sign_id(value: float | None, decimals: int = 2) -> str:
	"""Signed Indonesian number for gaps: +1,5 / 0 / -0,75."""
	if value is None:
		return "-"
	if value > 0:
		return f"+{angka(value, decimals)}"
	return angka(value, decimals)


# ---------------------------------------------------------------------------------------------------------
# Header, parties and signatures
# ---------------------------------------------------------------------------------------------------------


class Party(TypedDict):
	"""One party block (PermenPANRB 6/2022 header): Nama, NIP, Pangkat/Gol. Ruang, Jabatan, Unit Kerja."""

	nama: str
	nip: str  # formatted "19800101 200501 1 001"; "" when not applicable (e.g. Bupati)
	pangkat_golongan: str  # "Penata Muda Tk. I, III/b" / "Golongan IX"
	jabatan: str
	unit_kerja: str


class Signature(TypedDict):
	"""A signature block: role line, blank space for a wet signature, name, NIP; optional e-signature mark."""

	peran: str  # "Pegawai yang Dinilai", "Pejabat Penilai Kinerja", ...
	jabatan: str
	nama: str
	nip: str
	esign: str | None  # e.g. "Ditandatangani secara elektronik" (then no blank lines are printed)


class Header(TypedDict):
	"""What sits on top of every form (PermenPANRB 6/2022; domain reference section 2.3)."""

	instansi: str  # "Pemerintah Kabupaten Batanghari"
	unit_organisasi: str  # "Dinas Kesehatan"
	logo: str | None  # data: URI of the Garuda/regency emblem, or None (nothing is fetched)
	city: str
	period_type: str  # Periodik / Tahunan
	period_label: str  # Triwulan I..IV, Semester I/II, Akhir
	periode: str  # "PERIODE: AKHIR"
	periode_penilaian: str  # "1 Januari s.d. 31 Desember 2026"
	tahun: int
	tempat_tanggal: str  # "Muara Bulian, 31 Desember 2026"


def party(
	nama: str,
	nip: str | None = None,
	golongan: str | None = None,
	asn_status: str | None = None,
	jabatan: str = "",
	unit_kerja: str = "",
) -> Party:
	return {
		"nama": nama or "",
		"nip": format_nip(nip) if nip else "",
		"pangkat_golongan": pangkat_golongan(golongan, asn_status),
		"jabatan": jabatan or "",
		"unit_kerja": unit_kerja or "",
	}


def unit_kerja_text(unit: str, organisation: str) -> str:
	"""The UNIT KERJA field: the unit and its organisation ("Sekretariat Dinas Kesehatan"), or the
	organisation alone for the organisation itself ("Dinas Kesehatan")."""
	return unit if unit == organisation else f"{unit} {organisation}"


def signature(peran: str, who: Party | None, esign: str | None = None) -> Signature:
	who = who or party("")
	return {
		"peran": peran,
		"jabatan": who["jabatan"],
		"nama": who["nama"],
		"nip": who["nip"],
		"esign": esign,
	}


def header(
	instansi: str,
	unit_organisasi: str,
	city: str,
	start: datetime.date,
	end: datetime.date,
	period_label: str,
	period_type: str = "Tahunan",
	signed_on: datetime.date | None = None,
	logo: str | None = None,
) -> Header:
	return {
		"instansi": instansi,
		"unit_organisasi": unit_organisasi,
		"logo": logo,
		"city": city,
		"period_type": period_type,
		"period_label": period_label,
		"periode": periode_text(period_label),
		"periode_penilaian": periode_penilaian(start, end),
		"tahun": end.year,
		"tempat_tanggal": tempat_tanggal(city, signed_on or end),
	}


# ---------------------------------------------------------------------------------------------------------
# SKP: hasil kerja and perilaku kerja
# ---------------------------------------------------------------------------------------------------------

UTAMA = "Utama"
TAMBAHAN = "Tambahan"

# Job groups whose SKP uses the JPT layout (No, RHK, IKI, Target, Perspektif).
JPT_PREFIX = "JPT"


def skp_layout(job_group: str | None) -> str:
	""" "jpt" for JPT Utama/Madya/Pratama, else "ja_jf" (pejabat administrasi and fungsional)."""
	return "jpt" if (job_group or "").startswith(JPT_PREFIX) else "ja_jf"


class Indikator(TypedDict):
	aspek: str
	iki: str
	target: str
	realisasi: str
	capaian: str  # realisasi / target in percent, "99,6%"
	klasifikasi: str  # Di Atas / Sesuai / Di Bawah Ekspektasi
	umpan_balik: str


class RencanaHasilKerja(TypedDict):
	no: int
	rhk_atasan: str
	rhk: str
	perspektif: str
	indikator: list[Indikator]


class HasilKerja(TypedDict):
	utama: list[RencanaHasilKerja]
	tambahan: list[RencanaHasilKerja]


def achievement(target: float | None, realisasi: float | None) -> float | None:
	"""Realisasi / target x 100, 2 decimals (as the ASN Appraisal does); None without a target."""
	if not target or realisasi is None:
		return None
	return round(realisasi / target * 100, 2)


def hasil_kerja(rows: Iterable[Mapping[str, Any]]) -> HasilKerja:
	"""Group SKP rows into A. Utama / B. Tambahan; consecutive rows of the same RHK share one number.

	A row has the Goal custom fields' meaning: jenis (Utama/Tambahan), rhk_atasan, rhk, aspek, iki, target,
	satuan, realisasi, perspektif, umpan_balik and optionally achievement / classification.
	"""
	grouped: HasilKerja = {"utama": [], "tambahan": []}
	for row in rows:
		key = "tambahan" if row.get("jenis") == TAMBAHAN else "utama"
		bucket = grouped[key]
		pct = row.get("achievement")
		if pct is None:
			pct = achievement(row.get("target"), row.get("realisasi"))
		klasifikasi = row.get("classification") or (
			ratings.classify_achievement(pct) if pct is not None else ""
		)
		indikator: Indikator = {
			"aspek": row.get("aspek") or "",
			"iki": row.get("iki") or "",
			"target": nilai_dengan_satuan(row.get("target"), row.get("satuan")),
			"realisasi": nilai_dengan_satuan(row.get("realisasi"), row.get("satuan")),
			"capaian": persen(pct),
			"klasifikasi": klasifikasi,
			"umpan_balik": row.get("umpan_balik") or "",
		}
		if bucket and bucket[-1]["rhk"] == (row.get("rhk") or ""):
			bucket[-1]["indikator"].append(indikator)
			continue
		bucket.append(
			{
				"no": len(bucket) + 1,
				"rhk_atasan": row.get("rhk_atasan") or "",
				"rhk": row.get("rhk") or "",
				"perspektif": row.get("perspektif") or "",
				"indikator": [indikator],
			}
		)
	return grouped


class PerilakuRow(TypedDict):
	no: int
	nilai: str  # core value, e.g. "Berorientasi Pelayanan"
	makna: str
	panduan: list[str]  # the 3 panduan perilaku
	ekspektasi_khusus: str
	umpan_balik: str
	skor: str


def perilaku_rows(
	core_values: Sequence[Mapping[str, Any]],
	ekspektasi: Mapping[str, str] | None = None,
	umpan_balik: Mapping[str, str] | None = None,
	skor: Mapping[str, float | None] | None = None,
) -> list[PerilakuRow]:
	"""One row per BerAKHLAK core value (SE MenPANRB 20/2021) in its official order (``idx``)."""
	ekspektasi, umpan_balik, skor = ekspektasi or {}, umpan_balik or {}, skor or {}
	ordered = sorted(core_values, key=lambda value: value.get("idx", 0))
	return [
		{
			"no": number,
			"nilai": value["value_name"],
			"makna": value.get("meaning", ""),
			"panduan": list(value.get("guides", [])),
			"ekspektasi_khusus": ekspektasi.get(value["value_name"], ""),
			"umpan_balik": umpan_balik.get(value["value_name"], ""),
			"skor": angka(skor.get(value["value_name"])),
		}
		for number, value in enumerate(ordered, start=1)
	]


# ---------------------------------------------------------------------------------------------------------
# Distribution curve (kurva distribusi predikat kinerja) and the SE MenPANRB 3/2023 pattern
# ---------------------------------------------------------------------------------------------------------

# Official x-axis order of the curve (Lampiran PermenPANRB 6/2022).
CURVE_ORDER = (
	ratings.SANGAT_KURANG,
	ratings.KURANG,
	ratings.BUTUH_PERBAIKAN,
	ratings.BAIK,
	ratings.SANGAT_BAIK,
)


def _smooth_path(points: Sequence[tuple[float, float]]) -> str:
	"""SVG path through the points (Catmull-Rom spline as cubic Beziers), never dipping below the lowest
	point (the x-axis): control points are clamped to it."""
	if not points:
		return ""
	floor = max(y for _x, y in points)
	path = [f"M {points[0][0]:.1f} {points[0][1]:.1f}"]
	for index in range(len(points) - 1):
		p0 = points[index - 1] if index else points[index]
		p1, p2 = points[index], points[index + 1]
		p3 = points[index + 2] if index + 2 < len(points) else p2
		c1 = (p1[0] + (p2[0] - p0[0]) / 6, min(p1[1] + (p2[1] - p0[1]) / 6, floor))
		c2 = (p2[0] - (p3[0] - p1[0]) / 6, min(p2[1] - (p3[1] - p1[1]) / 6, floor))
		path.append(f"C {c1[0]:.1f} {c1[1]:.1f} {c2[0]:.1f} {c2[1]:.1f} {p2[0]:.1f} {p2[1]:.1f}")
	return " ".join(path)


def _label_lines(label: str) -> list[str]:
	if label == ratings.KURANG:
		return ["Kurang/", "Misconduct"]
	words = label.split()
	return [" ".join(words[:-1]), words[-1]] if len(words) > 1 else [label]


def distribution_chart(
	counts: Mapping[str, int],
	highlight: str | None = None,
	width: int = 420,
	height: int = 190,
) -> dict[str, Any]:
	"""Geometry of the curve chart: one bar per predikat in CURVE_ORDER and a smooth curve over the bars.

	``counts`` is predikat -> number of employees; ``highlight`` marks one bar (e.g. the employee's own
	predikat). Coordinates are in SVG user units; labels are ready to print.
	"""
	left, right, top, bottom = 34, 10, 22, 40
	plot_w, plot_h = width - left - right, height - top - bottom
	values = [int(counts.get(name, 0) or 0) for name in CURVE_ORDER]
	total = sum(values)
	peak = max([*values, 1])
	step = plot_w / len(CURVE_ORDER)
	bar_w = step * 0.56
	base_y = top + plot_h
	bars, points = [], []
	for index, (name, value) in enumerate(zip(CURVE_ORDER, values, strict=True)):
		h = plot_h * value / peak
		cx = left + step * index + step / 2
		bars.append(
			{
				"predikat": name,
				"lines": _label_lines(name),
				"count": value,
				"percent": persen(value * 100 / total if total else 0, 1),
				"x": round(cx - bar_w / 2, 1),
				"cx": round(cx, 1),
				"y": round(base_y - h, 1),
				"w": round(bar_w, 1),
				"h": round(h, 1),
				"highlight": name == highlight,
			}
		)
		points.append((cx, base_y - h))
	tick_step = max(1, math.ceil(peak / 5))
	ticks = list(range(0, peak + 1, tick_step))
	return {
		"width": width,
		"height": height,
		"left": left,
		"right": width - right,
		"top": top,
		"base_y": round(base_y, 1),
		"bars": bars,
		"curve": _smooth_path([(left, base_y), *points, (width - right, base_y)]),
		"ticks": [{"value": t, "y": round(base_y - plot_h * t / peak, 1)} for t in ticks],
		"total": total,
	}


def _names(predicates: Sequence[str]) -> str:
	return " dan/atau ".join(predicates)


def rule_text(rule: Mapping[str, Any]) -> str:
	"""Indonesian text of one rule of ``distribution.allowed_pattern`` (SE MenPANRB 3/2023)."""
	names, limit = _names(rule["predicates"]), rule["limit"]
	percent = angka(rule["percent"])
	if rule["kind"] == "max":
		if not rule["percent"]:
			return f"Tidak boleh ada pegawai dengan predikat {names}"
		return f"Predikat {names} paling banyak {percent}% ({limit} orang)"
	if not rule["percent"]:
		return f"Harus ada pegawai dengan predikat {names} (paling sedikit {limit} orang)"
	return f"Predikat {names} paling sedikit {percent}% ({limit} orang)"


def violation_text(violation: distribution.Violation) -> str:
	"""Indonesian reason of one SE MenPANRB 3/2023 violation."""
	rule = violation.rule
	names = _names(rule.predicates)
	percent = angka(rule.percent)
	if rule.kind == "max":
		return (
			f"{violation.actual} pegawai berpredikat {names}, padahal paling banyak {violation.limit} orang "
			f"({percent}%) yang diperbolehkan; kelebihan {violation.over} orang."
		)
	if not rule.percent:
		return (
			f"{violation.actual} pegawai berpredikat {names}, padahal paling sedikit {violation.limit} orang "
			f"diharuskan; kekurangan {violation.under} orang."
		)
	return (
		f"{violation.actual} pegawai berpredikat {names}, padahal paling sedikit {violation.limit} orang "
		f"({percent}%) diharuskan; kekurangan {violation.under} orang."
	)


def allowed_text(pattern: Sequence[Mapping[str, Any]], predikat: str) -> str:
	"""What the pattern says about one predikat: "maks. 7", "min. 1 (bersama Kurang/Misconduct)", "boleh"."""
	parts = []
	for rule in pattern:
		if predikat not in rule["predicates"]:
			continue
		others = [p for p in rule["predicates"] if p != predikat]
		joint = f" (bersama {', '.join(others)})" if others else ""
		if rule["kind"] == "max":
			parts.append(
				"tidak boleh ada" if rule["limit"] == 0 and not rule["percent"] else f"maks. {rule['limit']}"
			)
		else:
			parts.append(f"min. {rule['limit']}{joint}")
	return "; ".join(parts) or "boleh"


def distribution_block(
	organisation_predicate: str,
	predicates: Iterable[str] | Mapping[str, int],
	highlight: str | None = None,
	check: "DistributionCheck | None" = None,  # (defined below)
) -> dict[str, Any]:
	"""Everything a form shows about a distribution group: its name, CKO, the allowed pattern of SE MenPANRB
	3/2023, the actual counts (table in curve order), the curve, and the check with its reasons. ``check``:
	the group's name, the minimum size and the rounding of the settings (default: none, none, the SE's own)."""
	check = check or DistributionCheck()
	options = check.options()
	result = distribution.check_distribution(
		organisation_predicate, predicates, min_size=check.min_size, **options
	)
	pattern = distribution.allowed_pattern(organisation_predicate, result.total, **options)
	rows = []
	for rule in pattern:
		actual = sum(result.counts.get(name, 0) for name in rule["predicates"])
		ok = actual <= rule["limit"] if rule["kind"] == "max" else actual >= rule["limit"]
		rows.append(
			{
				"ketentuan": rule_text(rule),
				"batas": f"{'≤' if rule['kind'] == 'max' else '≥'} {rule['limit']}",
				"realisasi": actual,
				"sesuai": ok,
				"keterangan": "-" if result.too_small else ("Sesuai" if ok else "Tidak Sesuai"),
			}
		)
	if result.too_small:
		hasil = "TIDAK DIPERIKSA (KELOMPOK TERLALU KECIL)"
		alasan = [
			f"Kelompok distribusi ini memiliki {result.total} pegawai berpredikat; pola distribusi diperiksa "
			f"mulai {check.min_size} pegawai, sehingga kelompok ini tidak diperiksa."
		]
	else:
		hasil = "SESUAI" if result.ok else "TIDAK SESUAI"
		alasan = [violation_text(v) for v in result.violations]
	return {
		"kelompok": check.group or "",
		"capaian_kinerja_organisasi": organisation_predicate,
		"total": result.total,
		"tabel": [
			{
				"predikat": name,
				"jumlah": result.counts.get(name, 0),
				"persen": persen(result.percentages.get(name, 0), 1),
				"ketentuan": allowed_text(pattern, name),
			}
			for name in CURVE_ORDER
		],
		"pola": rows,
		"chart": distribution_chart(result.counts, highlight=highlight),
		"sesuai": result.ok,
		"diperiksa": not result.too_small,
		"hasil": hasil,
		"alasan": alasan,
	}


@dataclass(frozen=True)
class DistributionCheck:
	"""How a distribution group is checked: its name on the form, the minimum size, the rounding names of
	Kinerja ASN Settings (``distribution.ROUNDINGS``; None: the default)."""

	group: str | None = None
	min_size: int = 0
	max_rounding: str | None = None
	min_rounding: str | None = None

	def options(self) -> dict[str, Any]:
		return distribution.rounding_options(self.max_rounding, self.min_rounding)


# ---------------------------------------------------------------------------------------------------------
# Competency profile, 9-box, development
# ---------------------------------------------------------------------------------------------------------


def level_bar(value: float | None, max_level: int = 5, width: float = 150) -> float:
	"""Width in SVG units of a 0..max_level bar."""
	if value is None or not math.isfinite(value):
		return 0.0
	return round(max(0.0, min(value, max_level)) / max_level * width, 1)


# PermenPANRB 3/2020: grid rows top to bottom (potensial Tinggi, Menengah, Rendah), columns left to right
# (kinerja Di Bawah, Sesuai, Di Atas).
NINE_BOX_GRID = ((6, 8, 9), (3, 5, 7), (1, 2, 4))
NINE_BOX_ROWS = ("Tinggi", "Menengah", "Rendah")
NINE_BOX_COLUMNS = (ratings.DI_BAWAH, ratings.SESUAI, ratings.DI_ATAS)


# ---------------------------------------------------------------------------------------------------------
# Format B.1.8: Umpan Balik Pelaksanaan Bimbingan Kinerja (PermenPANRB 6/2022, Lampiran)
# ---------------------------------------------------------------------------------------------------------

UMPAN_BALIK_CRITERIA: tuple[tuple[str, tuple[str, ...]], ...] = (
	(
		"Tentang Pegawai yang Dibimbing",
		(
			"Saya merasa diperhatikan dan dipahami",
			"Saya merasa tindakan saya dihargai",
			"Saya merasa bebas mengemukakan pendapat",
		),
	),
	(
		"Tentang Pimpinan/Pemberi Bimbingan",
		(
			"Pandangan yang disampaikan berdasarkan data dan fakta yang akurat",
			"Pandangan yang disampaikan bersifat positif",
			"Pimpinan lebih banyak bertanya daripada menggurui",
		),
	),
	(
		"Tentang Pegawai dan Pimpinan",
		(
			"Saya dibantu untuk mencari solusi dan aksi",
			"Saya tahu apa yang harus saya lakukan",
			"Saya memahami maksud dan tujuan bimbingan kinerja",
		),
	),
)


def umpan_balik_groups(answers: Mapping[int, bool] | None = None) -> list[dict[str, Any]]:
	"""The 9 criteria in 3 groups, numbered 1-9; ``answers`` (number -> Ya/Tidak) ticks a column,
	missing answers leave both columns blank for a handwritten tick."""
	answers = answers or {}
	groups, number = [], 0
	for letter, (title, criteria) in zip("ABC", UMPAN_BALIK_CRITERIA, strict=True):
		rows = []
		for text in criteria:
			number += 1
			answer = answers.get(number)
			rows.append({"no": number, "kriteria": text, "ya": answer is True, "tidak": answer is False})
		groups.append({"huruf": letter, "judul": title, "kriteria": rows})
	return groups


def competency_table(competencies, level_title) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
	"""Rows of the Laporan Kompetensi table and the development plan lines of its negative gaps.

	``competencies``: objects with competency, competency_type, required, assessed, gap, rater_count;
	``level_title(competency, level)``: the title of that level in the dictionary ("" when unknown).
	"""
	rows, plan = [], []
	for number, row in enumerate(competencies, start=1):
		rows.append(
			{
				"no": number,
				"nama": row.competency,
				"jenis": row.competency_type,
				"standar": row.required,
				"hasil": angka(row.assessed),
				"gap": sign_id(row.gap),
				"kurang": row.gap is not None and row.gap < 0,
				"bar_standar": level_bar(row.required),
				"bar_hasil": level_bar(row.assessed),
				"penilai": row.rater_count,
			}
		)
		methods = development.suggest_methods(row.gap) if row.gap is not None else []
		if methods:
			title = level_title(row.competency, row.required)
			plan.append(
				{
					"kompetensi": row.competency,
					"gap": sign_id(row.gap),
					"metode": ", ".join(methods),
					"target": f"Level {row.required}: {title}" if title else f"Level {row.required}",
				}
			)
	return rows, plan


def recommendation(box: int | None, predikat: str | None, potential: str | None) -> dict[str, Any]:
	"""The 9-box recommendation block of the Laporan Kompetensi (PermenPANRB 3/2020)."""
	return {
		"kotak": box,
		"definisi": talent.BOX_DEFINITION.get(box, "") if box else "",
		"tindak_lanjut": talent.BOX_FOLLOW_UP.get(box, "") if box else "",
		"kinerja": ratings.performance_axis(predikat) if predikat else "-",
		"predikat": predikat or "-",
		"potensial": potential or "-",
		"suksesi": bool(box) and talent.is_succession_candidate(box),
		"grid": [
			{"potensial": label, "kotak": [{"no": n, "aktif": n == box} for n in row]}
			for label, row in zip(NINE_BOX_ROWS, NINE_BOX_GRID, strict=True)
		],
		"kolom": NINE_BOX_COLUMNS,
	}


def competency_reason(value: float | None, required: int) -> str:
	"""B.1.9 "Alasan": the leader's rating against the position's standard level, with methods for a gap."""
	if value is None:
		return "Belum dinilai."
	gap = competency.gap(value, required)
	if gap > 0:
		return f"Di atas standar kompetensi jabatan (level {required})."
	if gap == 0:
		return f"Memenuhi standar kompetensi jabatan (level {required})."
	methods = ", ".join(development.suggest_methods(gap))
	return f"Di bawah standar kompetensi jabatan (level {required}); disarankan {methods}."


def role_group_rows(summary: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
	"""The rater-group table of the forms from role-summary rows (role, raters, competency_mean,
	behaviour_mean, weight): only groups with a mean, which the summary gives only to groups the employee may
	see (kinerja_asn.scoring.aggregation.summarise_roles)."""
	return [
		{
			"peran": row["role"],
			"jumlah": row["raters"],
			"kompetensi": angka(row["competency_mean"]),
			"perilaku": angka(row["behaviour_mean"]) if row["behaviour_mean"] is not None else "-",
			"bobot": persen(row["weight"]),
		}
		for row in summary
		if row["raters"] and row["competency_mean"] is not None
	]
