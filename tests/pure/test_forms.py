"""Official form templates and their pure helpers (kinerja_asn.forms), no Frappe."""

import ast
import datetime
import re
from pathlib import Path

import jinja2
import pytest

from kinerja_asn.demo.sample import appraisal_form, evaluate, penetapan_form
from kinerja_asn.forms import build, render
from kinerja_asn.forms import context as ctx
from kinerja_asn.scoring import distribution, ratings

ROOT = Path(__file__).resolve().parents[2]
NIP_FORMATTED = re.compile(r"\b19\d{6} \d{6} [12] \d{3}\b")
EMPLOYEE_TEMPLATES = sorted(build.APPRAISAL_FORMS)
FRAPPE_SIDE = ("documents.py", "jinja.py", "bulk.py")  # build the same forms from Frappe documents


@pytest.fixture(scope="module")
def agency():
	return evaluate()


@pytest.fixture(scope="module")
def strict_env():
	env = render.template_environment()
	env.undefined = jinja2.StrictUndefined
	return env


def text_of(html: str) -> str:
	"""Visible text, whitespace collapsed, entities for the few we use decoded."""
	plain = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
	plain = re.sub(r"<[^>]+>", " ", plain)
	plain = plain.replace("&ndash;", "–").replace("&amp;", "&").replace("&#39;", "'")
	return re.sub(r"\s+", " ", plain)


# ---------------------------------------------------------------------------------------------------------
# Every template compiles and renders from the sample
# ---------------------------------------------------------------------------------------------------------


def test_every_template_compiles():
	env = render.template_environment()
	names = sorted(p.name for p in render.TEMPLATES_DIR.glob("*.html"))
	assert {f"{name}.html" for name in EMPLOYEE_TEMPLATES} | {"penetapan_predikat.html"} <= set(names)
	for name in names:
		env.get_template(name)
		# the app path Frappe's loader uses resolves to the same file
		env.get_template(f"kinerja_asn/forms/templates/{name}")


@pytest.mark.parametrize("template", EMPLOYEE_TEMPLATES)
@pytest.mark.parametrize("employee", ["E01", "E04", "E08", "E30"])
def test_employee_templates_render_strict(agency, strict_env, template, employee):
	form = appraisal_form(agency, template, employee)
	html = render.render(f"{template}.html", form, env=strict_env)
	assert html.startswith("<!DOCTYPE html>")
	assert agency.employees[employee].name in text_of(html)
	assert "PEMERINTAH KABUPATEN BATANGHARI" in text_of(html)
	assert NIP_FORMATTED.search(html)


@pytest.mark.parametrize("group", range(2))
def test_penetapan_renders_strict(agency, strict_env, group):
	group = agency.groups[group]
	html = render.render("penetapan_predikat.html", penetapan_form(agency, group), env=strict_env)
	text = text_of(html)
	assert "PENETAPAN PREDIKAT KINERJA PEGAWAI" in text
	assert f"KELOMPOK DISTRIBUSI {group.name}" in text
	for eid in group.members:
		assert agency.employees[eid].name in text


def test_no_external_resources_and_print_css(agency):
	for template in EMPLOYEE_TEMPLATES:
		html = render.render(f"{template}.html", appraisal_form(agency, template, "E04"))
		without_svg_ns = html.replace('xmlns="http://www.w3.org/2000/svg"', "")
		assert "http://" not in without_svg_ns and "https://" not in without_svg_ns
		assert "<link" not in html and "@import" not in html and "<script" not in html
		assert "@page" in html and "size: A4" in html
		assert "thead { display: table-header-group; }" in html
		assert "page-break-inside: avoid" in html


# ---------------------------------------------------------------------------------------------------------
# Required fields per form
# ---------------------------------------------------------------------------------------------------------


def test_dokumen_evaluasi_fields(agency):
	form = appraisal_form(agency, "dokumen_evaluasi", "E04")
	html = render.render("dokumen_evaluasi.html", form)
	text = text_of(html)
	for required in (
		"DOKUMEN EVALUASI KINERJA PEGAWAI",
		"PERIODE: AKHIR",
		"PEMERINTAH KABUPATEN BATANGHARI",
		"PERIODE PENILAIAN: 1 JANUARI S.D. 31 DESEMBER 2026",
		"PEGAWAI YANG DINILAI",
		"PEJABAT PENILAI KINERJA",
		"ATASAN PEJABAT PENILAI KINERJA",
		"NAMA",
		"NIP",
		"PANGKAT/GOL. RUANG",
		"JABATAN",
		"UNIT KERJA",
		"CAPAIAN KINERJA ORGANISASI",
		"PREDIKAT KINERJA PEGAWAI",
		"CATATAN/REKOMENDASI",
		"Muara Bulian, 31 Desember 2026",
		"Pegawai yang Dinilai",
		"Pejabat Penilai Kinerja",
		"Dewi Kartika Sari, S.KM, M.Kes.",  # pegawai
		"19841103 200904 2 005",
		"Penata Tk. I, III/d",
		"Hj. Yenni Marlinda, S.KM, M.Kes.",  # pejabat penilai (Sekretaris)
		"dr. H. Rizal Effendi, M.Kes.",  # atasan pejabat penilai (Kepala Dinas)
		"Pembina Utama Muda, IV/c",
	):
		assert required in text, required
	assert agency.employees["E04"].derived.predikat.upper() in text
	# fields (2)...(29) carry their number; (1) the emblem appears when a logo is given
	fields = {int(n) for n in re.findall(r'data-field="(\d+)"', html)}
	assert set(range(2, 30)) <= fields
	with_logo = render.render(
		"dokumen_evaluasi.html",
		{**form, "header": {**form["header"], "logo": "data:image/png;base64,AAAA"}, "field_numbers": True},
	)
	assert 'data-field="1"' in with_logo
	assert all(f"({n})" in text_of(with_logo) for n in range(2, 30))


def test_dokumen_evaluasi_of_kepala_dinas_names_the_bupati(agency):
	text = text_of(render.render("dokumen_evaluasi.html", appraisal_form(agency, "dokumen_evaluasi", "E01")))
	assert (
		text.count("Bupati Batanghari") >= 2 and "BUPATI BATANGHARI" in text
	)  # pejabat penilai and atasan pejabat penilai


def test_skp_layouts(agency):
	ja_jf = text_of(render.render("skp.html", appraisal_form(agency, "skp", "E04")))
	for column in (
		"NO",
		"RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
		"RENCANA HASIL KERJA",
		"ASPEK",
		"INDIKATOR KINERJA INDIVIDU",
		"TARGET",
	):
		assert column in ja_jf
	assert "PERSPEKTIF" not in ja_jf
	assert "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL" in ja_jf
	jpt = text_of(render.render("skp.html", appraisal_form(agency, "skp", "E01")))
	assert "PERSPEKTIF" in jpt and "Penerima Layanan" in jpt
	assert "DIINTERVENSI" not in jpt and "ASPEK" not in jpt
	assert "BAGI PEJABAT PIMPINAN TINGGI" in jpt
	for text in (ja_jf, jpt):
		assert "A. UTAMA" in text and "B. TAMBAHAN" in text
		assert "PERILAKU KERJA" in text and "EKSPEKTASI KHUSUS PIMPINAN" in text
		for value in agency.core_values:
			assert value["value_name"] in text
			for guide in value["guides"]:
				assert guide in text
		assert "Pegawai yang Dinilai" in text and "Pejabat Penilai Kinerja" in text
		assert "Muara Bulian, 1 Januari 2026" in text


def test_skp_tambahan_rows(agency):
	form = appraisal_form(agency, "skp", "E10")
	assert form["hasil_kerja"]["tambahan"], "E10 has a Tambahan RHK in the sample"
	text = text_of(render.render("skp.html", form))
	assert text.index("B. TAMBAHAN") < text.index(form["hasil_kerja"]["tambahan"][0]["rhk"])


def test_evaluasi_kinerja_fields(agency):
	ev = agency.employees["E07"]
	html = render.render("evaluasi_kinerja.html", appraisal_form(agency, "evaluasi_kinerja", "E07"))
	text = text_of(html)
	for required in (
		"EVALUASI KINERJA PEGAWAI",
		"PERIODE: AKHIR",
		"CAPAIAN KINERJA ORGANISASI",
		"POLA DISTRIBUSI",
		"KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK",
		"REALISASI BERDASARKAN BUKTI DUKUNG",
		"UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
		f"RATING HASIL KERJA*: {ev.derived.hasil_kerja_rating.upper()}",
		f"RATING PERILAKU KERJA: {ev.derived.perilaku_rating.upper()}",
		"PREDIKAT KINERJA PEGAWAI*",
		"KURANG/MISCONDUCT",
		"Pejabat Penilai Kinerja",
		"Muara Bulian, 31 Desember 2026",
	):
		assert required in text, required
	assert "<svg" in html
	for row in ev.results:
		assert row["umpan_balik"] in text
	# the x-axis in the official order
	labels = [
		text.index(label) for label in ("Sangat Kurang", "Misconduct", "Butuh Perbaikan", "Sangat Baik")
	]
	assert labels == sorted(labels)


def test_penetapan_predikat_fields(agency):
	failing = agency.what_if  # the sample's own groups pass: the what-if CKO breaks the pattern
	text = text_of(render.render("penetapan_predikat.html", penetapan_form(agency, failing)))
	for required in (
		"PENETAPAN PREDIKAT KINERJA PEGAWAI",
		"CAPAIAN KINERJA ORGANISASI",
		"SE MENPANRB NOMOR 3 TAHUN 2023",
		"TIDAK SESUAI",
		"RATING HASIL KERJA",
		"RATING PERILAKU KERJA",
		"Pejabat yang Menetapkan",
	):
		assert required in text, required
	for violation in failing.result.violations:
		assert ctx.violation_text(violation) in text
	passing = agency.group("Dinas Kesehatan")
	text = text_of(render.render("penetapan_predikat.html", penetapan_form(agency, passing)))
	assert "SESUAI" in text and "TIDAK SESUAI" not in text
	# the Kepala Dinas alone (in the sample) is too small to check: said so, never failing
	alone = agency.group("Pimpinan Perangkat Daerah")
	text = text_of(render.render("penetapan_predikat.html", penetapan_form(agency, alone)))
	assert "TIDAK DIPERIKSA (KELOMPOK TERLALU KECIL)" in text and "TIDAK SESUAI" not in text


def test_laporan_kompetensi_fields(agency):
	ev = agency.employees["E04"]
	form = appraisal_form(agency, "laporan_kompetensi", "E04")
	text = text_of(render.render("laporan_kompetensi.html", form))
	for required in (
		"LAPORAN HASIL PENILAIAN KOMPETENSI",
		"STANDAR",
		"HASIL",
		"GAP",
		"JOB PERSON MATCH",
		ctx.persen(ev.derived.jpm),
		ctx.persen(ev.derived.jpm_capped),
		ev.derived.jpm_category,
		"KEKUATAN",
		"AREA PENGEMBANGAN",
		"REKOMENDASI",
		f"Kotak {ev.derived.talent_box}",
		"Mentoring",  # suggested method for the small negative gap
		"Diri Sendiri",
	):
		assert required in text, required
	assert len(form["kompetensi"]) == 9 + len(agency.positions[ev.employee["designation"]]["technical"])


def test_umpan_balik_and_evaluasi_kompetensi(agency):
	text = text_of(render.render("umpan_balik.html", appraisal_form(agency, "umpan_balik", "E11")))
	assert "UMPAN BALIK PELAKSANAAN BIMBINGAN KINERJA" in text and "Format B.1.8" in text
	assert "YA" in text and "TIDAK" in text
	criteria = [c for _title, group in ctx.UMPAN_BALIK_CRITERIA for c in group]
	assert len(criteria) == 9 and all(c in text for c in criteria)
	assert "Pegawai yang Dinilai" in text and "Pejabat Penilai Kinerja," not in text.split("Berilah")[1]
	form = appraisal_form(agency, "evaluasi_kompetensi", "E11")
	text = text_of(render.render("evaluasi_kompetensi.html", form))
	for required in (
		"Format B.1.9",
		"EVALUASI KOMPETENSI PEGAWAI",
		"KOMPETENSI PEGAWAI",
		"NILAI",
		"SKALA 1–5",
		"ALASAN",
	):
		assert required in text, required
	assert [row["kompetensi"] for row in form["kompetensi"]][:9] == [
		"Integritas",
		"Kerja Sama",
		"Komunikasi",
		"Orientasi pada Hasil",
		"Pelayanan Publik",
		"Pengembangan Diri dan Orang Lain",
		"Mengelola Perubahan",
		"Pengambilan Keputusan",
		"Perekat Bangsa",
	]


def test_electronic_signature_mark_and_escaping(agency):
	form = appraisal_form(agency, "dokumen_evaluasi", "E04")
	form["tanda_tangan"]["kanan"] = {
		**form["tanda_tangan"]["kanan"],
		"esign": "Ditandatangani secara elektronik",
	}
	form["catatan"] = "<script>alert(1)</script>"
	html = render.render("dokumen_evaluasi.html", form)
	assert "Ditandatangani secara elektronik" in html
	assert html.count('class="space"') == 1  # only the left (wet) signature keeps its blank space
	assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


# ---------------------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------------------


def test_pangkat_table():
	assert len(ctx.PANGKAT) == 17
	assert ctx.PANGKAT["I/a"] == "Juru Muda"
	assert ctx.PANGKAT["II/d"] == "Pengatur Tingkat I"
	assert ctx.PANGKAT["III/b"] == "Penata Muda Tingkat I"
	assert ctx.PANGKAT["IV/c"] == "Pembina Utama Muda"
	assert ctx.PANGKAT["IV/e"] == "Pembina Utama"
	assert list(ctx.PANGKAT.values()) == [
		"Juru Muda",
		"Juru Muda Tingkat I",
		"Juru",
		"Juru Tingkat I",
		"Pengatur Muda",
		"Pengatur Muda Tingkat I",
		"Pengatur",
		"Pengatur Tingkat I",
		"Penata Muda",
		"Penata Muda Tingkat I",
		"Penata",
		"Penata Tingkat I",
		"Pembina",
		"Pembina Tingkat I",
		"Pembina Utama Muda",
		"Pembina Utama Madya",
		"Pembina Utama",
	]


@pytest.mark.parametrize(
	"golongan, status, short, expected",
	[
		("III/b", "PNS", True, "Penata Muda Tk. I, III/b"),
		("III/b", "PNS", False, "Penata Muda Tingkat I, III/b"),
		("iii/B", None, True, "Penata Muda Tk. I, III/b"),
		("IV/a", "PNS", True, "Pembina, IV/a"),
		("II/d", "PNS", True, "Pengatur Tk. I, II/d"),
		("IX", "PPPK", True, "Golongan IX"),
		("V", None, True, "Golongan V"),
		("", "PNS", True, ""),
		(None, None, True, ""),
		("X/z", "PNS", True, "X/z"),
	],
)
def test_pangkat_golongan(golongan, status, short, expected):
	assert ctx.pangkat_golongan(golongan, status, short=short) == expected


def test_party_formats_nip_and_pangkat():
	p = ctx.party("Ahmad", "198005092006121003", "III/d", "PNS", "Kasubbag", "Sekretariat")
	assert p == {
		"nama": "Ahmad",
		"nip": "19800509 200612 1 003",
		"pangkat_golongan": "Penata Tk. I, III/d",
		"jabatan": "Kasubbag",
		"unit_kerja": "Sekretariat",
	}
	assert ctx.party("Bupati")["nip"] == ""


def test_dates_and_numbers():
	assert ctx.tempat_tanggal("Muara Bulian", datetime.date(2026, 12, 31)) == "Muara Bulian, 31 Desember 2026"
	assert ctx.tempat_tanggal("Muara Bulian", "2026-01-02") == "Muara Bulian, 2 Januari 2026"
	assert ctx.tanggal("2026-08-17") == "17 Agustus 2026"
	assert ctx.tanggal(None) == ""
	assert ctx.periode_text("Akhir") == "PERIODE: AKHIR"
	assert ctx.periode_text("Triwulan III") == "PERIODE: TRIWULAN III"
	header = ctx.header(
		"Pemerintah Kabupaten Batanghari",
		"Dinas Kesehatan",
		"Muara Bulian",
		datetime.date(2026, 1, 1),
		datetime.date(2026, 12, 31),
		"Akhir",
	)
	assert header["periode_penilaian"] == "1 Januari s.d. 31 Desember 2026"
	assert header["tempat_tanggal"] == "Muara Bulian, 31 Desember 2026"
	assert ctx.angka(99.6) == "99,6"
	assert ctx.angka(100.0) == "100"
	assert ctx.angka(1234.5) == "1.234,5"
	assert ctx.angka(None) == "-"
	assert ctx.angka(18.75, 3) == "18,75"
	assert ctx.persen(107.89) == "107,89%"
	assert ctx.nilai_dengan_satuan(95, "%") == "95%"
	assert ctx.nilai_dengan_satuan(4, "kegiatan") == "4 kegiatan"
	assert ctx.sign_id(-0.62) == "-0,62" and ctx.sign_id(1.5) == "+1,5" and ctx.sign_id(0) == "0"


def test_hasil_kerja_groups_rows():
	rows = [
		{
			"jenis": "Utama",
			"rhk": "R1",
			"aspek": "Kuantitas",
			"iki": "I1",
			"target": 10,
			"satuan": "laporan",
			"realisasi": 12,
		},
		{
			"jenis": "Utama",
			"rhk": "R1",
			"aspek": "Waktu",
			"iki": "I2",
			"target": 12,
			"satuan": "bulan",
			"realisasi": 12,
		},
		{
			"jenis": "Tambahan",
			"rhk": "R2",
			"aspek": "Kualitas",
			"iki": "I3",
			"target": 100,
			"satuan": "%",
			"realisasi": 80,
		},
		{"jenis": "Utama", "rhk": "R3", "iki": "I4", "target": 0, "satuan": "%", "realisasi": 5},
	]
	grouped = ctx.hasil_kerja(rows)
	assert [r["no"] for r in grouped["utama"]] == [1, 2]
	assert [i["iki"] for i in grouped["utama"][0]["indikator"]] == ["I1", "I2"]
	assert grouped["utama"][0]["indikator"][0]["capaian"] == "120%"
	assert grouped["utama"][0]["indikator"][0]["klasifikasi"] == ratings.DI_ATAS
	assert grouped["utama"][0]["indikator"][1]["klasifikasi"] == ratings.SESUAI
	assert grouped["tambahan"][0]["indikator"][0]["klasifikasi"] == ratings.DI_BAWAH
	assert grouped["utama"][1]["indikator"][0]["capaian"] == "-"  # no target: no achievement


def test_skp_layout_by_job_group():
	assert ctx.skp_layout("JPT Pratama") == "jpt"
	assert ctx.skp_layout("JPT Madya") == "jpt"
	for group in ("Administrator", "Pengawas", "Pelaksana", "JF Ahli Muda", None):
		assert ctx.skp_layout(group) == "ja_jf"


def test_distribution_chart_order_and_curve():
	counts = {ratings.BAIK: 5, ratings.SANGAT_BAIK: 2, ratings.KURANG: 1}
	chart = ctx.distribution_chart(counts, highlight=ratings.BAIK)
	assert [b["predikat"] for b in chart["bars"]] == [
		"Sangat Kurang",
		"Kurang/Misconduct",
		"Butuh Perbaikan",
		"Baik",
		"Sangat Baik",
	]
	assert [b["count"] for b in chart["bars"]] == [0, 1, 0, 5, 2]
	assert [b["highlight"] for b in chart["bars"]] == [False, False, False, True, False]
	assert chart["bars"][3]["h"] > chart["bars"][4]["h"] > chart["bars"][1]["h"] > 0 == chart["bars"][0]["h"]
	assert chart["bars"][3]["percent"] == "62,5%"
	ys = [float(v) for v in re.findall(r"-?\d+\.\d", chart["curve"])][1::2]
	assert max(ys) <= chart["base_y"]  # the curve never dips below the x-axis
	assert [t["value"] for t in chart["ticks"]] == [0, 1, 2, 3, 4, 5]
	empty = ctx.distribution_chart({})
	assert empty["total"] == 0 and all(b["h"] == 0 for b in empty["bars"])


def test_distribution_block_matches_core():
	predicates = [ratings.BAIK] * 8 + [ratings.SANGAT_BAIK] * 2
	block = ctx.distribution_block("Baik", predicates)
	core = distribution.check_distribution("Baik", predicates)
	assert block["sesuai"] is core.ok is False
	assert block["hasil"] == "TIDAK SESUAI"
	assert block["alasan"] == [ctx.violation_text(v) for v in core.violations]
	assert [row["predikat"] for row in block["tabel"]] == list(ctx.CURVE_ORDER)
	assert block["tabel"][3] == {"predikat": "Baik", "jumlah": 8, "persen": "80%", "ketentuan": "maks. 7"}
	assert block["tabel"][2]["ketentuan"] == "min. 1 (bersama Kurang/Misconduct)"
	assert block["pola"][0]["ketentuan"] == "Predikat Baik paling banyak 70% (7 orang)"
	assert [row["sesuai"] for row in block["pola"]] == [False, False]
	text = ctx.rule_text(distribution.allowed_pattern("Sangat Kurang", 10)[2])
	assert text == "Tidak boleh ada pegawai dengan predikat Sangat Baik"


def test_umpan_balik_groups():
	groups = ctx.umpan_balik_groups({1: True, 5: False})
	assert [g["huruf"] for g in groups] == ["A", "B", "C"]
	numbers = [row["no"] for g in groups for row in g["kriteria"]]
	assert numbers == list(range(1, 10))
	first, fifth = groups[0]["kriteria"][0], groups[1]["kriteria"][1]
	assert (first["ya"], first["tidak"]) == (True, False)
	assert (fifth["ya"], fifth["tidak"]) == (False, True)
	assert not any(row["ya"] or row["tidak"] for row in groups[2]["kriteria"])


# ---------------------------------------------------------------------------------------------------------
# Environment, PDF, no frappe
# ---------------------------------------------------------------------------------------------------------


def test_environment():
	env = render.template_environment()
	assert env.autoescape is True
	assert "jinja2.ext.ExprStmtExtension" in env.extensions
	assert "jinja2.ext.LoopControlExtension" in env.extensions
	assert env.globals["_"]("Nama {0}", "X") == "Nama X"
	translated = render.template_environment(translator=lambda text, *a: text.upper())
	assert translated.from_string("{{ _('nama') }}").render() == "NAMA"


def test_pdfkit_options_from_meta(agency):
	landscape = render.render("skp.html", appraisal_form(agency, "skp", "E04"))
	portrait = render.render("dokumen_evaluasi.html", appraisal_form(agency, "dokumen_evaluasi", "E04"))
	assert render.pdfkit_options(landscape)["orientation"] == "Landscape"
	assert render.pdfkit_options(portrait)["orientation"] == "Portrait"
	assert render.pdfkit_options(portrait)["page-size"] == "A4"


def test_to_pdf_without_renderer(tmp_path, monkeypatch):
	html = tmp_path / "x.html"
	html.write_text("<html><body>x</body></html>", encoding="utf-8")
	monkeypatch.setattr(render.shutil, "which", lambda name: None)
	render.wkhtmltopdf_patched.cache_clear()
	try:
		assert render.pdf_renderer() is None
		assert render.to_pdf(html, tmp_path / "x.pdf") is False
		assert not (tmp_path / "x.pdf").exists()
	finally:
		render.wkhtmltopdf_patched.cache_clear()


@pytest.mark.parametrize(
	"path",
	[
		*sorted(
			p
			for p in (ROOT / "kinerja_asn" / "forms").glob("*.py")
			if p.name not in FRAPPE_SIDE and not p.name.startswith("test_")
		),
		ROOT / "kinerja_asn" / "demo" / "sample.py",
	],
	ids=lambda p: p.name,
)
def test_no_frappe_import(path):
	tree = ast.parse(path.read_text(encoding="utf-8"))
	for node in ast.walk(tree):
		if isinstance(node, ast.Import):
			assert not any(alias.name.split(".")[0] == "frappe" for alias in node.names), path
		elif isinstance(node, ast.ImportFrom):
			assert (node.module or "").split(".")[0] != "frappe", path


# ---------------------------------------------------------------------------------------------------------
# The one pipeline, with what the sample does not hold (notes, no calibration yet, repeated feedback)
# ---------------------------------------------------------------------------------------------------------


def test_pipeline_branches_the_sample_does_not_reach(agency):
	import dataclasses

	from kinerja_asn.demo.sample import SampleAppraisal

	class Stored(SampleAppraisal):
		"""The sample's E04 as a bench would hold it before the unit's calibration."""

		@property
		def outcome(self):
			return dataclasses.replace(
				super().outcome,
				notes="Catatan PPK.",
				periodic_summary="Triwulan I: Baik (x)\nTriwulan II: Baik (y)",
			)

		@property
		def unit(self):
			return build.UnitDistribution(None, {ratings.BAIK: 2})

		def feedback(self, role):
			out = super().feedback(role)
			return dataclasses.replace(out, texts=["Catatan PPK.", *out.texts])

	source = Stored(agency, "E04")
	catatan = build.appraisal_form("dokumen_evaluasi", source)["catatan"]
	assert catatan.startswith("Catatan PPK. ") and catatan.count("Catatan PPK.") == 1
	assert "Predikat periodik: Triwulan I: Baik; Triwulan II: Baik." in catatan
	distribusi = build.appraisal_form("evaluasi_kinerja", source)["distribusi"]
	assert distribusi["hasil"].startswith("BELUM DIPERIKSA") and distribusi["total"] == 2
	with pytest.raises(ValueError):
		build.appraisal_form("penetapan_predikat", source)
	assert build.kepala_daerah("Pemerintah Kota Jambi") == "Wali Kota Jambi"
	assert build.party(None, "Pemerintah Kabupaten Batanghari")["jabatan"] == "Bupati Batanghari"
