"""Form contexts built from the evaluated sample agency (``kinerja_asn.demo.sample.evaluate()``).

One builder per template; each returns the plain dict the template receives as ``form``. The bench side
builds the same shape from ASN Appraisal / Predicate Calibration documents.
"""

from typing import TYPE_CHECKING, Any

from kinerja_asn.forms import context as ctx
from kinerja_asn.scoring import competency as comp
from kinerja_asn.scoring import development, ratings, talent
from kinerja_asn.scoring.aggregation import ATASAN

if TYPE_CHECKING:
	from kinerja_asn.demo.sample import AgencyEvaluation, EmployeeEvaluation

BUPATI = "Bupati Batanghari"
PENDEKATAN = "KUANTITATIF"
LAYOUT_TITLE = {
	"jpt": "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
	"ja_jf": "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
}

# Sample input (not computed): the leader's specific behaviour expectations (Ekspektasi Khusus Pimpinan)
# of the Dinas Kesehatan for every employee, one per BerAKHLAK core value.
EKSPEKTASI_KHUSUS = {
	"Berorientasi Pelayanan": "Menindaklanjuti setiap permintaan data dan layanan dari puskesmas paling lambat 2 hari kerja",
	"Akuntabel": "Mengunggah bukti dukung kinerja ke e-Kinerja setiap akhir bulan secara lengkap dan benar",
	"Kompeten": "Mengikuti minimal satu pelatihan atau webinar teknis kesehatan dan membagikan hasilnya kepada tim",
	"Harmonis": "Menjaga suasana kerja yang saling menghargai dalam tim dan dengan lintas bidang",
	"Loyal": "Menjaga kerahasiaan data pasien dan data kepegawaian sesuai ketentuan",
	"Adaptif": "Menggunakan aplikasi dan sistem informasi kesehatan terbaru dalam pelaksanaan tugas",
	"Kolaboratif": "Aktif berkoordinasi dengan puskesmas, lintas program, dan lintas sektor dalam setiap kegiatan",
}


# ---------------------------------------------------------------------------------------------------------
# Parties
# ---------------------------------------------------------------------------------------------------------


def header(agency: "AgencyEvaluation", signed_on=None) -> ctx.Header:
	data = agency.data
	return ctx.header(
		instansi=data["instansi"],
		unit_organisasi=data["unit_kerja"],
		city=data["city"],
		start=agency.start,
		end=agency.end,
		period_label=data["cycle"]["period_label"],
		period_type=data["cycle"].get("period_type", "Tahunan"),
		signed_on=signed_on,
	)


def unit_kerja(agency: "AgencyEvaluation", department: str) -> str:
	"""Unit kerja text: "Sekretariat Dinas Kesehatan"; the agency itself stays "Dinas Kesehatan"."""
	organisation = agency.data["unit_kerja"]
	return department if department == organisation else f"{department} {organisation}"


def bupati(agency: "AgencyEvaluation") -> ctx.Party:
	"""The Bupati: Pejabat Penilai of the JPT Pratama and Atasan Pejabat Penilai of the Administrator
	(domain reference section 2.6). Not a PNS: no NIP, no pangkat; the sample holds no name."""
	return ctx.party("", jabatan=BUPATI, unit_kerja=agency.data["instansi"])


def person(agency: "AgencyEvaluation", employee_id: str | None) -> ctx.Party:
	if employee_id is None:
		return bupati(agency)
	e = agency.employees[employee_id].employee
	return ctx.party(
		e["employee_name"],
		e["nip"],
		e["pangkat_golongan"],
		e["asn_status"],
		e["designation"],
		unit_kerja(agency, e["department"]),
	)


def _parties(agency: "AgencyEvaluation", ev: "EmployeeEvaluation") -> dict[str, ctx.Party]:
	return {
		"pegawai": person(agency, ev.id),
		"pejabat_penilai": person(agency, ev.evaluator),
		"atasan_pejabat_penilai": person(agency, ev.evaluator_supervisor),
	}


# ---------------------------------------------------------------------------------------------------------
# Employee forms
# ---------------------------------------------------------------------------------------------------------


def _perilaku(ev: "EmployeeEvaluation", agency: "AgencyEvaluation", with_feedback: bool) -> list:
	scores = {b.core_value: b.score for b in ev.behaviours}
	feedback = {}
	if with_feedback:
		for row in ev.behaviours:
			if row.score is None:
				continue
			rating = ratings.propose_perilaku(
				row.score, agency.config.perilaku_above, agency.config.perilaku_below
			)
			feedback[row.core_value] = (
				f"{rating}: skor rata-rata tertimbang {ctx.angka(row.score)} dari 5 "
				f"({row.rater_count} penilaian)."
			)
	return ctx.perilaku_rows(agency.core_values, EKSPEKTASI_KHUSUS, feedback, scores)


def skp_form(agency: "AgencyEvaluation", employee_id: str) -> dict[str, Any]:
	ev = agency.employees[employee_id]
	parties = _parties(agency, ev)
	layout = ctx.skp_layout(ev.job_group)
	return {
		"form": "skp",
		"header": header(agency, signed_on=agency.start),
		"layout": layout,
		"judul_layout": LAYOUT_TITLE[layout],
		"pendekatan": PENDEKATAN,
		"pegawai": parties["pegawai"],
		"pejabat_penilai": parties["pejabat_penilai"],
		"hasil_kerja": ctx.hasil_kerja(ev.results),
		"perilaku": _perilaku(ev, agency, with_feedback=False),
		"tanda_tangan": {
			"kiri": ctx.signature("Pegawai yang Dinilai", parties["pegawai"]),
			"kanan": ctx.signature("Pejabat Penilai Kinerja", parties["pejabat_penilai"]),
		},
	}


def evaluasi_kinerja_form(agency: "AgencyEvaluation", employee_id: str) -> dict[str, Any]:
	ev = agency.employees[employee_id]
	parties = _parties(agency, ev)
	unit = agency.unit_of(ev.department)
	predicates = [
		agency.employees[m].derived.predikat for m in unit.members if agency.employees[m].derived.predikat
	]
	layout = ctx.skp_layout(ev.job_group)
	d = ev.derived
	return {
		"form": "evaluasi_kinerja",
		"header": header(agency),
		"layout": layout,
		"judul_layout": LAYOUT_TITLE[layout],
		"pendekatan": PENDEKATAN,
		"pegawai": parties["pegawai"],
		"pejabat_penilai": parties["pejabat_penilai"],
		"distribusi": ctx.distribution_block(unit.organisation_predicate, predicates, highlight=d.predikat),
		"hasil_kerja": ctx.hasil_kerja(ev.results),
		"perilaku": _perilaku(ev, agency, with_feedback=True),
		"rating_hasil_kerja": d.hasil_kerja_rating or "",
		"rating_perilaku": d.perilaku_rating or "",
		"predikat": d.predikat or "",
		"angka_kredit": (
			f"{ctx.angka(d.angka_kredit, 3)} (koefisien {ev.job_group}, Peraturan BKN 3/2023)"
			if d.angka_kredit is not None
			else None
		),
		"tanda_tangan": {
			"kanan": ctx.signature("Pejabat Penilai Kinerja", parties["pejabat_penilai"]),
		},
	}


def catatan(agency: "AgencyEvaluation", ev: "EmployeeEvaluation") -> str:
	"""Catatan/Rekomendasi: the supervisor's feedback and the 9-box follow-up (PermenPANRB 3/2020)."""
	parts = [*ev.feedback.get(ATASAN, [])]
	box = ev.derived.talent_box
	if box:
		parts.append(f"Rekomendasi (kotak {box} manajemen talenta): {talent.BOX_FOLLOW_UP[box]}.")
	if ev.development:
		parts.append("Pengembangan kompetensi diprioritaskan pada: " + ", ".join(ev.development) + ".")
	return " ".join(parts)


def dokumen_evaluasi_form(agency: "AgencyEvaluation", employee_id: str) -> dict[str, Any]:
	ev = agency.employees[employee_id]
	parties = _parties(agency, ev)
	unit = agency.unit_of(ev.department)
	return {
		"form": "dokumen_evaluasi",
		"header": header(agency),
		"pegawai": parties["pegawai"],
		"pejabat_penilai": parties["pejabat_penilai"],
		"atasan_pejabat_penilai": parties["atasan_pejabat_penilai"],
		"capaian_kinerja_organisasi": unit.organisation_predicate,
		"predikat": ev.derived.predikat or "",
		"catatan": catatan(agency, ev),
		"field_numbers": False,
		"tanda_tangan": {
			"kiri": ctx.signature("Pegawai yang Dinilai", parties["pegawai"]),
			"kanan": ctx.signature("Pejabat Penilai Kinerja", parties["pejabat_penilai"]),
		},
	}


def _level_title(agency: "AgencyEvaluation", name: str, level: int) -> str:
	entry = agency.dictionary.get(name, {})
	for row in entry.get("levels", []):
		if row.get("level") == level:
			return row.get("title", "")
	return ""


def _role_groups(ev: "EmployeeEvaluation", agency: "AgencyEvaluation") -> list[dict[str, Any]]:
	"""Rater groups the employee may see (the role summary has means only for those)."""
	return ctx.role_group_rows(ev.role_summary)


def laporan_kompetensi_form(agency: "AgencyEvaluation", employee_id: str) -> dict[str, Any]:
	ev = agency.employees[employee_id]
	parties = _parties(agency, ev)
	d = ev.derived
	rows, plan = ctx.competency_table(
		ev.competencies, lambda competency, level: _level_title(agency, competency, level)
	)
	box = d.talent_box
	status = ev.employee["asn_status"]
	jp = development.jp_progress(0, status)
	return {
		"form": "laporan_kompetensi",
		"header": header(agency),
		"pegawai": parties["pegawai"],
		"kelompok_jabatan": ev.job_group,
		"asn_status": status,
		"kompetensi": rows,
		"skala": [0, 1, 2, 3, 4, 5],
		"jpm": {
			"mentah": ctx.persen(d.jpm),
			"dibatasi": ctx.persen(d.jpm_capped),
			"kategori": d.jpm_category or "-",
			"kategori_pemetaan": (
				comp.categorise(d.jpm_capped, comp.MAPPING_JPM_CATEGORIES)
				if d.jpm_capped is not None
				else "-"
			),
			"potensial": d.potential or "-",
			"jumlah_hasil": ctx.angka(sum(r.assessed for r in ev.competencies if r.assessed is not None)),
			"jumlah_standar": sum(r.required for r in ev.competencies if r.assessed is not None),
		},
		"kekuatan": [{"nama": name, "keterangan": _row_text(ev, name)} for name in ev.strengths],
		"area_pengembangan": [{"nama": name, "keterangan": _row_text(ev, name)} for name in ev.development],
		"rekomendasi": ctx.recommendation(box, d.predikat, d.potential),
		"pengembangan": plan,
		"jam_pelajaran": (
			f"Target pengembangan kompetensi PNS paling sedikit {ctx.angka(jp['target'])} JP per tahun "
			"(PP 11/2017 Pasal 203 ayat (4))."
			if jp["target"]
			else f"Pengembangan kompetensi PPPK paling banyak {ctx.angka(jp['cap'])} JP per tahun masa perjanjian kerja."
		),
		"penilai": _role_groups(ev, agency),
		"tanda_tangan": {
			"kanan": ctx.signature("Pejabat Penilai Kinerja", parties["pejabat_penilai"]),
		},
	}


def _row_text(ev: "EmployeeEvaluation", name: str) -> str:
	row = next(r for r in ev.competencies if r.competency == name)
	return f"hasil {ctx.angka(row.assessed)}, standar {row.required} (gap {ctx.sign_id(row.gap)})"


def umpan_balik_form(agency: "AgencyEvaluation", employee_id: str) -> dict[str, Any]:
	ev = agency.employees[employee_id]
	parties = _parties(agency, ev)
	return {
		"form": "umpan_balik",
		"header": header(agency),
		"pegawai": parties["pegawai"],
		"pejabat_penilai": parties["pejabat_penilai"],
		"kelompok": ctx.umpan_balik_groups(),
		"tanda_tangan": {"kanan": ctx.signature("Pegawai yang Dinilai", parties["pegawai"])},
	}


def evaluasi_kompetensi_form(agency: "AgencyEvaluation", employee_id: str) -> dict[str, Any]:
	"""B.1.9: the leader's 1-5 rating of each competency (the Atasan Langsung's rating; the weighted
	roll-up where the evaluator is not a rater, e.g. the Bupati) and the reason against the standard."""
	ev = agency.employees[employee_id]
	parties = _parties(agency, ev)
	rows = []
	for number, row in enumerate(ev.competencies, start=1):
		leader = next((s.mean for s in row.roles if s.role == ATASAN), None)
		value = leader if leader is not None else row.assessed
		reason = ctx.competency_reason(value, row.required)
		rows.append({"no": number, "kompetensi": row.competency, "nilai": ctx.angka(value), "alasan": reason})
	return {
		"form": "evaluasi_kompetensi",
		"header": header(agency),
		"pegawai": parties["pegawai"],
		"pejabat_penilai": parties["pejabat_penilai"],
		"kompetensi": rows,
		"tanda_tangan": {"kanan": ctx.signature("Pejabat Penilai Kinerja", parties["pejabat_penilai"])},
	}


# ---------------------------------------------------------------------------------------------------------
# Unit form
# ---------------------------------------------------------------------------------------------------------


def penetapan_predikat_form(agency: "AgencyEvaluation", department: str) -> dict[str, Any]:
	unit = agency.unit_of(department)
	members = [agency.employees[m] for m in unit.members]
	predicates = [ev.derived.predikat for ev in members if ev.derived.predikat]
	leader = person(agency, unit.leader)
	return {
		"form": "penetapan_predikat",
		"header": header(agency),
		"unit_kerja": unit_kerja(agency, department),
		"kepala_unit": person(agency, unit.head) if unit.head else None,
		"distribusi": ctx.distribution_block(unit.organisation_predicate, predicates),
		"pegawai": [
			{
				"no": number,
				"nama": ev.name,
				"nip": ctx.format_nip(ev.employee["nip"]),
				"jabatan": ev.employee["designation"],
				"rating_hasil_kerja": ev.derived.hasil_kerja_rating or "-",
				"rating_perilaku": ev.derived.perilaku_rating or "-",
				"predikat": ev.derived.predikat or "-",
			}
			for number, ev in enumerate(members, start=1)
		],
		"tanda_tangan": {"kanan": ctx.signature("Pejabat yang Menetapkan", leader)},
	}


BUILDERS = {
	"skp": skp_form,
	"evaluasi_kinerja": evaluasi_kinerja_form,
	"dokumen_evaluasi": dokumen_evaluasi_form,
	"laporan_kompetensi": laporan_kompetensi_form,
	"umpan_balik": umpan_balik_form,
	"evaluasi_kompetensi": evaluasi_kompetensi_form,
}
