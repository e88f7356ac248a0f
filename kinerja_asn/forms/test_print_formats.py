"""The official print formats through Frappe's own pipeline (frappe.get_print -> wkhtmltopdf), and the job
that prints a whole unit into one PDF.

A small Dinas with one Bidang: kadis (JPT Pratama, no superior: rated by the Bupati) -> kabid
(Administrator) -> s1, s2 (PNS) and s3 (PPPK). The kabid gives feedback to the three staff, s2 and s3 rate
their peer s1 (two peers: below the anonymity threshold, so never shown to s1).
"""

import base64
import contextlib
import functools
import http.server
import io
import os
import re
import shutil
import subprocess
import threading
from unittest.mock import patch

import frappe
import jinja2
from pypdf import PdfReader

from kinerja_asn.forms import bulk, documents, render
from kinerja_asn.forms.jinja import kinerja_form
from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle
from kinerja_asn.penilaian_kinerja.doctype.asn_appraisal.test_asn_appraisal import appraisal_of, task
from kinerja_asn.penilaian_kinerja.doctype.predicate_calibration.test_predicate_calibration import rate
from kinerja_asn.scoring.ratings import DI_ATAS, DI_BAWAH, SESUAI
from kinerja_asn.tests.utils import (
	KinerjaTestCase,
	fill_feedback,
	get_company,
	make_asn,
	make_cycle,
	make_profile,
)

DOMAIN = "cetak.test"
INSTANSI = "Pemerintah Kabupaten Batanghari"
FORMATS = {
	"SKP": "skp",
	"Evaluasi Kinerja Pegawai": "evaluasi_kinerja",
	"Dokumen Evaluasi Kinerja Pegawai": "dokumen_evaluasi",
	"Laporan Hasil Penilaian Kompetensi": "laporan_kompetensi",
	"Umpan Balik Bimbingan Kinerja (B.1.8)": "umpan_balik",
	"Evaluasi Kompetensi Pegawai (B.1.9)": "evaluasi_kompetensi",
}
PENETAPAN = "Penetapan Predikat Kinerja"
PEOPLE = {
	# key: (first name, designation, NIP, golongan, status)
	"kadis": ("Rizal Cetak", "_Test Kepala Dinas", "197203141999031002", "IV/c", "PNS"),
	"kabid": ("Hendri Cetak", "_Test Kepala Bidang", "197812012003031005", "IV/a", "PNS"),
	"s1": ("Fitri Cetak", "_Test Pelaksana", "199210052020011004", "III/b", "PNS"),
	"s2": ("Rudi Cetak", "_Test Pelaksana", "199001202019031007", "III/a", "PNS"),
	"s3": ("Joko Cetak", "_Test Pelaksana", "198903112024031003", "V", "PPPK"),
}
PNG_1PX = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
ATASAN_TEXT = "Laporan bulanan selalu tepat waktu; pertahankan."
PEER_TEXT = "Masukan rahasia rekan kerja."


def user(key: str) -> str:
	return f"{key}@{DOMAIN}"


def make_department(name: str, parent: str | None = None, is_group: int = 0) -> str:
	company = get_company()
	existing = frappe.db.get_value("Department", {"department_name": name, "company": company})
	if existing:
		return existing
	return (
		frappe.get_doc(
			{
				"doctype": "Department",
				"department_name": name,
				"company": company,
				"parent_department": parent,
				"is_group": is_group,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


@contextlib.contextmanager
def serve_assets():
	"""Serve the site's built assets over HTTP for wkhtmltopdf while printing.

	Frappe's print view links /assets/.../print.bundle.css and get_pdf makes the link absolute with the site
	URL, which a test bench does not serve; this points the site URL at a local server of sites/ for the
	duration, as the web server would in production.
	"""
	handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=frappe.local.sites_path)
	handler.log_message = lambda *args, **kwargs: None
	server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
	thread = threading.Thread(target=server.serve_forever, daemon=True)
	thread.start()
	previous = frappe.local.conf.get("host_name")
	frappe.local.conf.host_name = f"http://127.0.0.1:{server.server_address[1]}"
	try:
		yield
	finally:
		frappe.local.conf.host_name = previous
		server.shutdown()
		thread.join()


def pdf_text(pdf: bytes) -> str:
	"""Text of a PDF (poppler's pdftotext), whitespace collapsed."""
	result = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
	return re.sub(r"\s+", " ", result.stdout.decode("utf-8"))


def pages(pdf: bytes) -> list:
	return PdfReader(io.BytesIO(pdf)).pages


class TestPrintFormats(KinerjaTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		frappe.db.set_single_value(
			"Kinerja ASN Settings", {"instansi_name": INSTANSI, "city": "Muara Bulian"}
		)
		frappe.db.set_single_value("Print Settings", "allow_print_for_draft", 1)
		frappe.clear_document_cache("Kinerja ASN Settings", "Kinerja ASN Settings")
		make_profile("_Test Kepala Dinas", "JPT Pratama")
		make_profile("_Test Kepala Bidang", "Administrator")
		make_profile("_Test Pelaksana", "Pelaksana")
		cls.dinas = make_department("_Test Dinas Cetak", is_group=1)
		cls.unit = make_department("_Test Bidang Cetak", parent=cls.dinas)
		e = cls.e = {}
		for key, (name, designation, nip, golongan, status) in PEOPLE.items():
			reports_to = {"kadis": None, "kabid": e.get("kadis")}.get(key, e.get("kabid"))
			department = cls.dinas if key == "kadis" else cls.unit
			e[key] = make_asn(user(key), designation, department, reports_to, nip=nip, first_name=name)
			frappe.db.set_value("Employee", e[key], {"pangkat_golongan": golongan, "asn_status": status})
		cls.cycle = make_cycle("_Test Siklus Cetak", list(e.values()), feedback_deadline="2099-12-31")
		for number, (jenis, unit) in enumerate(
			(("Utama", "kegiatan"), ("Utama", "%"), ("Tambahan", "dokumen")), 1
		):
			frappe.get_doc(
				{
					"doctype": "Goal",
					"goal_name": f"RHK cetak {number}",
					"employee": e["s1"],
					"appraisal_cycle": cls.cycle,
					"start_date": "2026-01-01",
					"end_date": "2026-12-31",
					"jenis_rhk": jenis,
					"rhk_atasan": "Meningkatnya cakupan pelayanan kesehatan",
					"aspek": "Kuantitas",
					"iki": f"IKI cetak {number}",
					"target_value": 20,
					"target_unit": unit,
					"realisasi_value": 22,
					"umpan_balik": f"Umpan balik RHK {number}",
				}
			).insert(ignore_permissions=True)
		create_for_cycle(cls.cycle)
		cls.appraisals = {key: appraisal_of(employee, cls.cycle) for key, employee in e.items()}
		for ratee, level in (("s1", 3), ("s2", 2), ("s3", 2)):
			cls.feedback("kabid", ratee, level, 4, ATASAN_TEXT if ratee == "s1" else None)
		for peer in ("s2", "s3"):
			cls.feedback(peer, "s1", 2, 3, PEER_TEXT)
		for key, hasil, perilaku in (
			("kadis", SESUAI, SESUAI),
			("kabid", DI_ATAS, DI_ATAS),
			("s1", DI_ATAS, DI_ATAS),
			("s2", SESUAI, SESUAI),
			("s3", DI_BAWAH, SESUAI),
		):
			rate(cls.appraisals[key], hasil, perilaku)
		cls.calibration = (
			frappe.get_doc(
				{
					"doctype": "Predicate Calibration",
					"department": cls.unit,
					"appraisal_cycle": cls.cycle,
					"organisation_predicate": "Baik",
					"leader": e["kadis"],
				}
			)
			.insert()
			.name
		)

	@classmethod
	def feedback(cls, rater: str, ratee: str, level: int, score: int, text: str | None):
		frappe.set_user(user(rater))
		try:
			fill_feedback(task(appraisal_of(cls.e[ratee], cls.cycle), cls.e[rater]), level, score, text)
		finally:
			frappe.set_user("Administrator")

	def setUp(self):
		super().setUp()
		if "kinerja_form" not in frappe.get_jenv().globals:
			self.fail('hooks.py lacks jinja = {"methods": ["kinerja_asn.forms.jinja.kinerja_form"]}')
		if not shutil.which("wkhtmltopdf") or not shutil.which("pdftotext"):
			self.skipTest("wkhtmltopdf and pdftotext are needed to print")

	def print_pdf(self, print_format: str, key: str = "s1", doctype: str = "ASN Appraisal") -> bytes:
		name = self.calibration if doctype == "Predicate Calibration" else self.appraisals[key]
		with serve_assets():
			pdf = frappe.get_print(doctype, name, print_format=print_format, as_pdf=True)
		self.assertEqual(pdf[:4], b"%PDF", print_format)
		return pdf

	def assert_contains(self, text: str, *required: str):
		for value in required:
			self.assertIn(value, text)

	# --- the formats ------------------------------------------------------------------------------------

	def test_print_formats_are_installed(self):
		for name in [*FORMATS, PENETAPAN]:
			pf = frappe.get_doc("Print Format", name)
			self.assertEqual(
				(pf.doc_type, pf.standard, pf.print_format_type, pf.custom_format, pf.module),
				(
					"Predicate Calibration" if name == PENETAPAN else "ASN Appraisal",
					"Yes",
					"Jinja",
					1,
					"Penilaian Kinerja",
				),
			)

	def test_dokumen_evaluasi(self):
		pdf = self.print_pdf("Dokumen Evaluasi Kinerja Pegawai")
		self.assertEqual(len(pages(pdf)), 1)
		text = pdf_text(pdf)
		self.assert_contains(
			text,
			"DOKUMEN EVALUASI KINERJA PEGAWAI",
			"PERIODE: AKHIR",
			INSTANSI.upper(),
			"PERIODE PENILAIAN: 1 JANUARI S.D. 31 DESEMBER 2026",
			"PEGAWAI YANG DINILAI",
			"PEJABAT PENILAI KINERJA",
			"ATASAN PEJABAT PENILAI KINERJA",
			"Fitri Cetak",
			"19921005 202001 1 004",  # NIP formatted with spaces
			"Penata Muda Tk. I, III/b",
			"Hendri Cetak",
			"19781201 200303 1 005",
			"Rizal Cetak",
			"_Test Bidang Cetak _Test Dinas Cetak",  # unit kerja: the bidang of the dinas
			"CAPAIAN KINERJA ORGANISASI",
			"BAIK",
			"PREDIKAT KINERJA PEGAWAI",
			"SANGAT BAIK",
			"CATATAN/REKOMENDASI",
			ATASAN_TEXT,
			"Muara Bulian, 31 Desember 2026",
			"Pegawai yang Dinilai,",
			"Pejabat Penilai Kinerja,",
		)
		self.assertNotIn(PEER_TEXT, text)

	def test_kepala_bidang_is_assessed_up_to_the_bupati(self):
		text = pdf_text(self.print_pdf("Dokumen Evaluasi Kinerja Pegawai", "kabid"))
		self.assert_contains(text, "Hendri Cetak", "Rizal Cetak", "Bupati Batanghari", "Pembina, IV/a")
		text = pdf_text(self.print_pdf("SKP", "kadis"))
		self.assert_contains(text, "BAGI PEJABAT PIMPINAN TINGGI", "PERSPEKTIF", "Bupati Batanghari")

	def test_skp_landscape_with_utama_and_tambahan(self):
		pdf = self.print_pdf("SKP")
		first = pages(pdf)[0]
		self.assertGreater(float(first.mediabox.width), float(first.mediabox.height))  # landscape
		self.assert_contains(
			pdf_text(pdf),
			"SASARAN KINERJA PEGAWAI",
			"PENDEKATAN HASIL KERJA KUANTITATIF",
			"BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
			"A. UTAMA",
			"B. TAMBAHAN",
			"RHK cetak 1",
			"RHK cetak 3",
			"Meningkatnya cakupan pelayanan kesehatan",
			"20 kegiatan",
			"20%",
			"Berorientasi Pelayanan",
			"EKSPEKTASI KHUSUS PIMPINAN",
			"Muara Bulian, 1 Januari 2026",
		)

	def test_evaluasi_kinerja(self):
		pdf = self.print_pdf("Evaluasi Kinerja Pegawai")
		first = pages(pdf)[0]
		self.assertGreater(float(first.mediabox.width), float(first.mediabox.height))
		self.assert_contains(
			pdf_text(pdf),
			"EVALUASI KINERJA PEGAWAI",
			"CAPAIAN KINERJA ORGANISASI",
			"KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK",
			"22 kegiatan",
			"capaian 110%",
			"Umpan balik RHK 1",
			"RATING HASIL KERJA",
			"DI ATAS EKSPEKTASI",
			"RATING PERILAKU KERJA",
			"PREDIKAT KINERJA PEGAWAI",
			"SANGAT BAIK",
		)

	def test_laporan_kompetensi_shows_raters_only_above_the_threshold(self):
		text = pdf_text(self.print_pdf("Laporan Hasil Penilaian Kompetensi"))
		self.assert_contains(
			text,
			"LAPORAN HASIL PENILAIAN KOMPETENSI",
			"IDENTITAS PEGAWAI",
			"JOB PERSON MATCH",
			"KOTAK MANAJEMEN TALENTA",
			"REKAPITULASI PENILAI",
			"Atasan Langsung",
			"Integritas",
		)
		for peer in ("Rudi Cetak", "Joko Cetak", PEER_TEXT):
			self.assertNotIn(peer, text)

	def test_bimbingan_kinerja_formats(self):
		text = pdf_text(self.print_pdf("Umpan Balik Bimbingan Kinerja (B.1.8)", "s3"))
		self.assert_contains(
			text,
			"Format B.1.8",
			"UMPAN BALIK PELAKSANAAN BIMBINGAN KINERJA",
			"Saya merasa diperhatikan dan dipahami",
			"Saya memahami maksud dan tujuan bimbingan kinerja",
			"Joko Cetak",
			"Golongan V",  # PPPK
		)
		text = pdf_text(self.print_pdf("Evaluasi Kompetensi Pegawai (B.1.9)"))
		self.assert_contains(
			text, "Format B.1.9", "EVALUASI KOMPETENSI PEGAWAI", "KOMPETENSI PEGAWAI", "ALASAN", "Integritas"
		)

	def test_penetapan_predikat(self):
		text = pdf_text(self.print_pdf(PENETAPAN, doctype="Predicate Calibration"))
		self.assert_contains(
			text,
			"PENETAPAN PREDIKAT KINERJA PEGAWAI",
			"CAPAIAN KINERJA ORGANISASI",
			"POLA DISTRIBUSI YANG DIPERBOLEHKAN",
			"KURVA DISTRIBUSI",
			"Hendri Cetak",
			"Fitri Cetak",
			"Rudi Cetak",
			"Joko Cetak",
			"Pejabat yang Menetapkan,",
			"Rizal Cetak",
		)

	# --- the contexts --------------------------------------------------------------------------------

	def test_contexts_are_complete_and_escaped(self):
		"""Every key a template uses is in the context (strict rendering), and texts are escaped for
		Frappe's environment, which does not autoescape."""
		frappe.db.set_value("ASN Appraisal", self.appraisals["s1"], "notes", "<b>Catatan</b> & lanjut")
		env = render.template_environment()
		env.undefined = jinja2.StrictUndefined
		for key in ("kadis", "kabid", "s1", "s3"):
			doc = frappe.get_doc("ASN Appraisal", self.appraisals[key])
			for form in FORMATS.values():
				render.render(f"{form}.html", documents.build(form, doc), env=env)
		render.render(
			"penetapan_predikat.html",
			documents.build("penetapan_predikat", frappe.get_doc("Predicate Calibration", self.calibration)),
			env=env,
		)
		html = frappe.get_print(
			"ASN Appraisal", self.appraisals["s1"], print_format="Dokumen Evaluasi Kinerja Pegawai"
		)
		self.assertIn("&lt;b&gt;Catatan&lt;/b&gt; &amp; lanjut", html)
		self.assertNotIn("<b>Catatan</b>", html)

	def test_instansi_logo_is_inlined(self):
		png = base64.b64decode(PNG_1PX)
		file = frappe.get_doc(
			{"doctype": "File", "file_name": "lambang-cetak.png", "is_private": 1, "content": png}
		).insert(ignore_permissions=True)
		path = file.get_full_path()
		self.addCleanup(lambda: os.path.exists(path) and os.remove(path))
		frappe.db.set_single_value("Kinerja ASN Settings", "instansi_logo", file.file_url)
		frappe.clear_document_cache("Kinerja ASN Settings", "Kinerja ASN Settings")
		form = documents.build("dokumen_evaluasi", frappe.get_doc("ASN Appraisal", self.appraisals["s1"]))
		self.assertEqual(form["header"]["logo"], f"data:image/png;base64,{PNG_1PX}")
		html = frappe.get_print(
			"ASN Appraisal", self.appraisals["s1"], print_format="Dokumen Evaluasi Kinerja Pegawai"
		)
		self.assertIn(f'<img src="data:image/png;base64,{PNG_1PX}"', html)
		self.assertNotIn(file.file_url, html)  # nothing for wkhtmltopdf to fetch

	def test_unit_distribution_is_one_count_per_predikat(self):
		counts = documents.unit_distribution(self.unit, self.cycle)
		self.assertEqual(counts, {"Sangat Baik": 2, "Baik": 1, "Butuh Perbaikan": 1})

	def test_no_form_without_permission(self):
		frappe.set_user(user("s2"))  # an employee: not in s1's line, and no desk print of their own either
		for key in ("s1", "s2"):
			with self.assertRaises(frappe.PermissionError):
				kinerja_form("dokumen_evaluasi", self.appraisals[key])
		frappe.set_user(user("kabid"))  # their supervisor prints them
		self.assertTrue(kinerja_form("dokumen_evaluasi", self.appraisals["s2"])["pegawai"]["nama"])
		frappe.set_user("Administrator")

	# --- one PDF per unit ------------------------------------------------------------------------------

	def test_unit_job_makes_one_pdf_of_every_appraisal(self):
		print_format = "Dokumen Evaluasi Kinerja Pegawai"
		names = bulk.appraisal_names(self.unit, self.cycle)
		self.assertEqual(names[0], self.appraisals["kabid"])  # head of the unit first
		self.assertEqual(len(names), 4)
		expected = sum(len(pages(self.print_pdf(print_format, key))) for key in ("kabid", "s1", "s2", "s3"))

		with patch("frappe.enqueue") as enqueue:
			queued = bulk.print_unit(self.unit, self.cycle, print_format)
		self.assertEqual((queued["count"], queued["queued"]), (4, True))
		method, kwargs = enqueue.call_args.args[0], enqueue.call_args.kwargs
		self.assertEqual(method, "kinerja_asn.forms.bulk.render_unit")
		self.assertEqual(kwargs["queue"], "long")
		self.assertEqual(
			(kwargs["department"], kwargs["appraisal_cycle"], kwargs["print_format"]),
			(self.unit, self.cycle, print_format),
		)

		# the job itself, as the worker runs it (as the user who queued it)
		file_name = bulk.render_unit(self.unit, self.cycle, print_format)
		file = frappe.get_doc("File", file_name)
		path = file.get_full_path()
		self.addCleanup(lambda: os.path.exists(path) and os.remove(path))  # the rollback keeps the file
		self.assertEqual(
			(file.attached_to_doctype, file.attached_to_name), ("Predicate Calibration", self.calibration)
		)
		self.assertTrue(file.is_private)
		pdf = file.get_content()
		self.assertEqual(pdf[:4], b"%PDF")
		self.assertEqual(len(pages(pdf)), expected)
		text = pdf_text(pdf)
		self.assertEqual(text.count("DOKUMEN EVALUASI KINERJA PEGAWAI"), 4)
		for key in ("kabid", "s1", "s2", "s3"):
			self.assertIn(PEOPLE[key][0], text)
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": "Administrator", "document_name": file.name})
		)

	def test_unit_job_in_batches_and_landscape(self):
		pdf, count = bulk.unit_pdf(self.unit, self.cycle, "SKP", batch=3)
		self.assertEqual(count, 4)
		self.assertTrue(all(float(p.mediabox.width) > float(p.mediabox.height) for p in pages(pdf)))
		self.assertEqual(pdf_text(pdf).count("SASARAN KINERJA PEGAWAI"), 4)

	def test_unit_print_needs_print_permission(self):
		if not frappe.db.exists("User", user("tamu")):
			frappe.get_doc(
				{"doctype": "User", "email": user("tamu"), "first_name": "Tamu", "send_welcome_email": 0}
			).insert(ignore_permissions=True)
		frappe.set_user(user("tamu"))  # no role at all
		with self.assertRaises(frappe.PermissionError):
			bulk.print_unit(self.unit, self.cycle, "Dokumen Evaluasi Kinerja Pegawai")
		frappe.set_user("Administrator")
		with self.assertRaises(frappe.ValidationError):
			bulk.print_unit(self.unit, self.cycle, PENETAPAN)  # not a print format of ASN Appraisal
