"""Form contexts built from Frappe documents: the bench-side twin of ``kinerja_asn.forms.sample``.

Each builder takes an ASN Appraisal (or, for the Penetapan Predikat, a Predicate Calibration) and returns the
plain ``form`` dict its template in ``forms/templates`` expects, with the same keys as the sample builders.
Values are formatted by the pure helpers of ``kinerja_asn.forms.context``; this module only reads the
documents and their neighbours (employees, units, goals, the unit's calibration, the Atasan Langsung's
feedback) with a handful of queries per form.

Privacy: who may print a form is decided by kinerja_asn.access (``forms.jinja.kinerja_form`` checks the
stored document); what a form shows of the raters is what the stored appraisal holds: role groups that the
pure core's ``summarise_roles`` made visible (never a peer or subordinate group below the anonymity threshold),
and only the Atasan Langsung's feedback texts, the Pejabat Penilai named on the form anyway.
"""

import base64
import mimetypes
from functools import cached_property
from typing import Any

import frappe
from frappe.query_builder.functions import Count
from frappe.utils import cint, flt, getdate

from kinerja_asn.forms import context as ctx
from kinerja_asn.forms.sample import LAYOUT_TITLE, PENDEKATAN
from kinerja_asn.scoring import competency as comp
from kinerja_asn.scoring import development, distribution, ratings, talent
from kinerja_asn.scoring.aggregation import ATASAN

APPRAISAL = "ASN Appraisal"
CALIBRATION = "Predicate Calibration"
MAX_LOGO_BYTES = 512 * 1024
EMPLOYEE_FIELDS = (
	"name",
	"employee_name",
	"nip",
	"pangkat_golongan",
	"asn_status",
	"designation",
	"department",
)


# ---------------------------------------------------------------------------------------------------------
# Shared: settings, units, people
# ---------------------------------------------------------------------------------------------------------


def settings() -> frappe._dict:
	s = frappe.get_cached_doc("Kinerja ASN Settings")
	return frappe._dict(
		instansi=(s.instansi_name or "").strip(),
		city=(s.city or "").strip(),
		logo=logo_data_uri(s.instansi_logo),
		perilaku_above=flt(s.perilaku_above_threshold) or ratings.DEFAULT_PERILAKU_ABOVE,
		perilaku_below=flt(s.perilaku_below_threshold) or ratings.DEFAULT_PERILAKU_BELOW,
		jp_target_pns=flt(s.jp_target_pns),
		jp_cap_pppk=flt(s.jp_cap_pppk),
	)


def logo_data_uri(file_url: str | None) -> str | None:
	"""The instansi emblem as a data: URI, so that wkhtmltopdf fetches nothing (None when unset or too big)."""
	if not file_url:
		return None
	name = frappe.db.get_value("File", {"file_url": file_url}, "name")
	if not name:
		return None
	try:
		content = frappe.get_doc("File", name).get_content()
	except (OSError, frappe.DoesNotExistError):
		return None
	if isinstance(content, str):
		content = content.encode()
	mime = mimetypes.guess_type(file_url)[0] or ""
	if not content or len(content) > MAX_LOGO_BYTES or not mime.startswith("image/"):
		return None
	return f"data:{mime};base64,{base64.b64encode(content).decode()}"


def kepala_daerah(instansi: str) -> str:
	"""Title of the head of the regional government: "Pemerintah Kabupaten Batanghari" -> "Bupati Batanghari"."""
	for prefix, title in (
		("Pemerintah Kabupaten ", "Bupati"),
		("Pemerintah Kota ", "Wali Kota"),
		("Pemerintah Provinsi ", "Gubernur"),
	):
		if instansi.startswith(prefix):
			return f"{title} {instansi[len(prefix) :]}"
	return "Pejabat Pembina Kepegawaian"


def unit_names(departments) -> dict[str, tuple[str, str]]:
	"""Department -> (unit kerja text, unit organisasi).

	The unit organisasi is the department's top ancestor below the root ("Dinas Kesehatan"); the unit kerja
	text names both ("Sekretariat Dinas Kesehatan"), or the organisation alone for the organisation itself.
	"""
	out = {}
	for department in {d for d in departments if d}:
		row = frappe.db.get_value("Department", department, ["department_name", "lft", "rgt"], as_dict=True)
		if not row:
			out[department] = (department, department)
			continue
		top = frappe.get_all(
			"Department",
			filters={"lft": ("<=", row.lft), "rgt": (">=", row.rgt), "parent_department": ("is", "set")},
			pluck="department_name",
			order_by="lft asc",
			limit=1,
		)
		organisation = top[0] if top and row.lft else row.department_name
		name = row.department_name
		out[department] = (name if name == organisation else f"{name} {organisation}", organisation)
	return out


def people(employees) -> dict[str, frappe._dict]:
	names = [e for e in employees if e]
	if not names:
		return {}
	rows = frappe.get_all("Employee", filters={"name": ("in", names)}, fields=list(EMPLOYEE_FIELDS))
	return {row.name: row for row in rows}


def person_party(row, units: dict[str, tuple[str, str]]) -> ctx.Party:
	return ctx.party(
		row.employee_name,
		row.nip,
		row.pangkat_golongan,
		row.asn_status,
		row.designation or "",
		units.get(row.department, ("", ""))[0] if row.department else "",
	)


def kepala_daerah_party(instansi: str) -> ctx.Party:
	"""The Bupati: Pejabat Penilai of the JPT Pratama and Atasan Pejabat Penilai of the Administrator
	(domain reference section 2.6). Not a PNS: no NIP, no pangkat; no name is recorded."""
	return ctx.party("", jabatan=kepala_daerah(instansi), unit_kerja=instansi)


def unit_distribution(department: str | None, appraisal_cycle: str | None) -> dict[str, int]:
	"""Predikat -> number of ASN Appraisals of the unit in the cycle (one aggregate query)."""
	if not department or not appraisal_cycle:
		return {}
	A = frappe.qb.DocType(APPRAISAL)
	rows = (
		frappe.qb.from_(A)
		.select(A.predikat, Count(A.name))
		.where(
			(A.department == department)
			& (A.appraisal_cycle == appraisal_cycle)
			& (A.docstatus < 2)
			& A.predikat.isin(ratings.PREDIKAT)
		)
		.groupby(A.predikat)
		.run()
	)
	return {predikat: int(count) for predikat, count in rows}


def unit_calibration(department: str | None, appraisal_cycle: str | None) -> frappe._dict | None:
	"""The Predicate Calibration of a unit and cycle (the submitted one first), or None."""
	if not department or not appraisal_cycle:
		return None
	rows = frappe.get_all(
		CALIBRATION,
		filters={"department": department, "appraisal_cycle": appraisal_cycle, "docstatus": ("<", 2)},
		fields=["name", "organisation_predicate", "leader", "docstatus"],
		order_by="docstatus desc, modified desc",
		limit=1,
	)
	return rows[0] if rows else None


def distribution_block(
	organisation_predicate: str | None, counts: dict[str, int], highlight: str | None = None
) -> dict[str, Any]:
	"""``context.distribution_block``; without a Capaian Kinerja Organisasi yet (no calibration), the actual
	distribution and its curve, with nothing to check it against."""
	if organisation_predicate in distribution.ORGANISATION_PREDICATES:
		return ctx.distribution_block(organisation_predicate, counts, highlight=highlight)
	total = sum(counts.values())
	return {
		"capaian_kinerja_organisasi": "",
		"total": total,
		"tabel": [
			{
				"predikat": name,
				"jumlah": counts.get(name, 0),
				"persen": ctx.persen(counts.get(name, 0) * 100 / total if total else 0, 1),
				"ketentuan": "-",
			}
			for name in ctx.CURVE_ORDER
		],
		"pola": [],
		"chart": ctx.distribution_chart(counts, highlight=highlight),
		"sesuai": False,
		"hasil": "BELUM DIPERIKSA (CAPAIAN KINERJA ORGANISASI BELUM DITETAPKAN)",
		"alasan": [],
	}


def positive(value) -> float | None:
	"""A Float field that was never set reads 0: None for "not assessed" (levels and scores start at 1)."""
	value = flt(value)
	return value if value > 0 else None


# ---------------------------------------------------------------------------------------------------------
# One ASN Appraisal
# ---------------------------------------------------------------------------------------------------------


class AppraisalForms:
	"""The forms of one ASN Appraisal; related records are read once, when a form first needs them."""

	def __init__(self, doc):
		self.doc = doc

	# --- header and parties ------------------------------------------------------------------------

	@cached_property
	def settings(self) -> frappe._dict:
		return settings()

	@cached_property
	def instansi(self) -> str:
		return self.settings.instansi or (self.doc.company or "")

	@cached_property
	def people(self) -> dict[str, frappe._dict]:
		return people([self.doc.employee, self.doc.evaluator, self.doc.evaluator_supervisor])

	@cached_property
	def units(self) -> dict[str, tuple[str, str]]:
		return unit_names([self.doc.department, *(p.department for p in self.people.values())])

	@cached_property
	def cycle(self) -> frappe._dict:
		return frappe._dict(
			frappe.db.get_value(
				"Appraisal Cycle", self.doc.appraisal_cycle, ["start_date", "end_date"], as_dict=True
			)
			or {}
		)

	def header(self, signed_on=None) -> ctx.Header:
		doc = self.doc
		start = getdate(doc.start_date or self.cycle.start_date)
		end = getdate(doc.end_date or self.cycle.end_date)
		return ctx.header(
			instansi=self.instansi,
			unit_organisasi=self.units.get(doc.department, ("", ""))[1] if doc.department else "",
			city=self.settings.city,
			start=start,
			end=end,
			period_label=doc.period_label or "",
			period_type=doc.period_type or "Tahunan",
			signed_on=signed_on,
			logo=self.settings.logo,
		)

	@cached_property
	def parties(self) -> dict[str, ctx.Party]:
		doc = self.doc
		own = frappe._dict(
			employee_name=doc.employee_name,
			nip=doc.nip,
			pangkat_golongan=doc.pangkat_golongan,
			asn_status=doc.asn_status,
			designation=doc.designation,
			department=doc.department,
		)
		bupati = kepala_daerah_party(self.instansi)

		def of(employee):
			row = self.people.get(employee) if employee else None
			return person_party(row, self.units) if row else bupati

		return {
			"pegawai": person_party(own, self.units),
			"pejabat_penilai": of(doc.evaluator),
			# an Administrator's (or a JPT's) Atasan Pejabat Penilai is the Bupati
			"atasan_pejabat_penilai": of(doc.evaluator_supervisor),
		}

	@cached_property
	def layout(self) -> str:
		return ctx.skp_layout(self.doc.job_group)

	# --- results, behaviours, feedback ------------------------------------------------------------

	@cached_property
	def goals(self) -> dict[str, frappe._dict]:
		names = [row.goal for row in self.doc.results if row.goal]
		if not names:
			return {}
		rows = frappe.get_all(
			"Goal",
			filters={"name": ("in", names)},
			fields=["name", "rhk_atasan", "aspek", "perspektif", "target_unit", "umpan_balik"],
		)
		return {row.name: row for row in rows}

	def hasil_kerja(self) -> ctx.HasilKerja:
		rows = []
		for row in self.doc.results:
			goal = self.goals.get(row.goal) or frappe._dict()
			rows.append(
				{
					"jenis": row.jenis or ctx.UTAMA,
					"rhk_atasan": goal.rhk_atasan,
					"rhk": row.rhk,
					"aspek": goal.aspek,
					"iki": row.iki,
					"target": row.target,
					"satuan": goal.target_unit,
					"realisasi": row.realisasi,
					"perspektif": goal.perspektif,
					"umpan_balik": goal.umpan_balik,
					"achievement": row.achievement if flt(row.target) else None,
					"classification": row.classification,
				}
			)
		return ctx.hasil_kerja(rows)

	@cached_property
	def core_values(self) -> list[dict[str, Any]]:
		values = frappe.get_all(
			"Core Value", fields=["name", "value_name", "meaning", "sequence"], order_by="sequence asc"
		)
		guides: dict[str, list[str]] = {}
		for row in frappe.get_all(
			"Core Value Guide",
			filters={"parenttype": "Core Value"},
			fields=["parent", "guide"],
			order_by="idx asc",
		):
			guides.setdefault(row.parent, []).append(row.guide)
		return [
			{
				"value_name": v.value_name or v.name,
				"meaning": v.meaning or "",
				"guides": guides.get(v.name, []),
				"idx": v.sequence or 0,
			}
			for v in values
		]

	@cached_property
	def atasan_feedback(self) -> frappe._dict:
		"""The Atasan Langsung's submitted feedback: text, behaviour notes and competency levels."""
		out = frappe._dict(texts=[], notes={}, levels={})
		rows = frappe.get_all(
			"Rater Feedback",
			filters={"asn_appraisal": self.doc.name, "docstatus": 1, "rater_role": ATASAN},
			fields=["name", "feedback"],
			order_by="modified asc",
		)
		if not rows:
			return out
		names = [row.name for row in rows]
		out.texts = [row.feedback.strip() for row in rows if (row.feedback or "").strip()]
		for row in frappe.get_all(
			"Rater Behaviour Rating",
			filters={"parent": ("in", names), "parenttype": "Rater Feedback"},
			fields=["core_value", "note"],
		):
			if (row.note or "").strip():
				out.notes.setdefault(row.core_value, []).append(row.note.strip())
		for row in frappe.get_all(
			"Rater Competency Rating",
			filters={"parent": ("in", names), "parenttype": "Rater Feedback", "level": (">", 0)},
			fields=["competency", "level"],
		):
			out.levels.setdefault(row.competency, []).append(row.level)
		return out

	def perilaku(self, with_feedback: bool) -> list[ctx.PerilakuRow]:
		scores = {row.core_value: positive(row.score) for row in self.doc.behaviours}
		feedback = {}
		if with_feedback:
			s = self.settings
			for row in self.doc.behaviours:
				parts = []
				score = positive(row.score)
				if score is not None:
					rating = ratings.propose_perilaku(min(score, 5), s.perilaku_above, s.perilaku_below)
					parts.append(
						f"{rating}: skor rata-rata tertimbang {ctx.angka(score)} dari 5 "
						f"({cint(row.rater_count)} penilaian)."
					)
				parts += self.atasan_feedback.notes.get(row.core_value, [])
				if parts:
					feedback[row.core_value] = " ".join(parts)
		return ctx.perilaku_rows(self.core_values, None, feedback, scores)

	@cached_property
	def unit(self) -> frappe._dict:
		calibration = unit_calibration(self.doc.department, self.doc.appraisal_cycle)
		return frappe._dict(
			calibration=calibration,
			organisation_predicate=calibration.organisation_predicate if calibration else None,
			counts=unit_distribution(self.doc.department, self.doc.appraisal_cycle),
		)

	# --- competencies -----------------------------------------------------------------------------

	@cached_property
	def competencies(self) -> list[frappe._dict]:
		rows = []
		for row in self.doc.competencies:
			assessed = positive(row.assessed_level)
			rows.append(
				frappe._dict(
					competency=row.competency,
					competency_type=row.competency_type or "",
					required=cint(row.required_level),
					assessed=assessed,
					gap=comp.gap(assessed, cint(row.required_level)) if assessed is not None else None,
					rater_count=cint(row.rater_count),
				)
			)
		return rows

	@cached_property
	def level_titles(self) -> dict[tuple[str, int], str]:
		names = [row.competency for row in self.competencies]
		if not names:
			return {}
		return {
			(row.parent, cint(row.level)): row.title or ""
			for row in frappe.get_all(
				"Competency Level",
				filters={"parent": ("in", names), "parenttype": "Competency"},
				fields=["parent", "level", "title"],
			)
		}

	def role_groups(self) -> list[dict[str, Any]]:
		"""Rater groups the employee may see: the role summary holds means only for those (the pure core's
		summarise_roles keeps peer and subordinate groups below the anonymity threshold out)."""
		return ctx.role_group_rows(
			{
				"role": row.rater_role,
				"raters": cint(row.raters_submitted),
				"competency_mean": flt(row.competency_mean) or None,
				"behaviour_mean": flt(row.behaviour_mean) or None,
				"weight": flt(row.weight),
			}
			for row in self.doc.role_summary
		)

	def development_names(self) -> tuple[list[str], list[str]]:
		return comp.strengths_and_development_areas(
			[comp.CompetencyScore(r.competency, r.required, r.assessed) for r in self.competencies]
		)

	# --- the forms ----------------------------------------------------------------------------------

	def skp(self) -> dict[str, Any]:
		parties = self.parties
		start = getdate(self.doc.start_date or self.cycle.start_date)
		return {
			"form": "skp",
			"header": self.header(signed_on=start),
			"layout": self.layout,
			"judul_layout": LAYOUT_TITLE[self.layout],
			"pendekatan": PENDEKATAN,
			"pegawai": parties["pegawai"],
			"pejabat_penilai": parties["pejabat_penilai"],
			"hasil_kerja": self.hasil_kerja(),
			"perilaku": self.perilaku(with_feedback=False),
			"tanda_tangan": {
				"kiri": ctx.signature("Pegawai yang Dinilai", parties["pegawai"]),
				"kanan": ctx.signature("Pejabat Penilai Kinerja", parties["pejabat_penilai"]),
			},
		}

	def evaluasi_kinerja(self) -> dict[str, Any]:
		doc, parties = self.doc, self.parties
		angka_kredit = positive(doc.angka_kredit)
		return {
			"form": "evaluasi_kinerja",
			"header": self.header(),
			"layout": self.layout,
			"judul_layout": LAYOUT_TITLE[self.layout],
			"pendekatan": PENDEKATAN,
			"pegawai": parties["pegawai"],
			"pejabat_penilai": parties["pejabat_penilai"],
			"distribusi": distribution_block(
				self.unit.organisation_predicate, self.unit.counts, highlight=doc.predikat or None
			),
			"hasil_kerja": self.hasil_kerja(),
			"perilaku": self.perilaku(with_feedback=True),
			"rating_hasil_kerja": doc.hasil_kerja_rating or "",
			"rating_perilaku": doc.perilaku_rating or "",
			"predikat": doc.predikat or "",
			"angka_kredit": (
				f"{ctx.angka(angka_kredit, 3)} (koefisien {doc.job_group}, Peraturan BKN 3/2023)"
				if angka_kredit is not None
				else None
			),
			"tanda_tangan": {"kanan": ctx.signature("Pejabat Penilai Kinerja", parties["pejabat_penilai"])},
		}

	def catatan(self) -> str:
		"""Catatan/Rekomendasi: the evaluator's notes and feedback, the periodic predikat of the year, the
		9-box follow-up (PermenPANRB 3/2020) and the competencies to develop."""
		doc = self.doc
		parts = [(doc.notes or "").strip()] if (doc.notes or "").strip() else []
		parts += [text for text in self.atasan_feedback.texts if text not in parts]
		if (doc.periodic_summary or "").strip():
			periods = [line.split(" (")[0] for line in doc.periodic_summary.splitlines() if line.strip()]
			parts.append("Predikat periodik: " + "; ".join(periods) + ".")
		box = cint(doc.talent_box)
		if box in talent.BOX_FOLLOW_UP:
			parts.append(f"Rekomendasi (kotak {box} manajemen talenta): {talent.BOX_FOLLOW_UP[box]}.")
		_strengths, develop = self.development_names()
		if develop:
			parts.append("Pengembangan kompetensi diprioritaskan pada: " + ", ".join(develop) + ".")
		return " ".join(parts)

	def dokumen_evaluasi(self) -> dict[str, Any]:
		parties = self.parties
		return {
			"form": "dokumen_evaluasi",
			"header": self.header(),
			"pegawai": parties["pegawai"],
			"pejabat_penilai": parties["pejabat_penilai"],
			"atasan_pejabat_penilai": parties["atasan_pejabat_penilai"],
			"capaian_kinerja_organisasi": self.unit.organisation_predicate or "",
			"predikat": self.doc.predikat or "",
			"catatan": self.catatan(),
			"field_numbers": False,
			"tanda_tangan": {
				"kiri": ctx.signature("Pegawai yang Dinilai", parties["pegawai"]),
				"kanan": ctx.signature("Pejabat Penilai Kinerja", parties["pejabat_penilai"]),
			},
		}

	def _row_text(self, name: str) -> str:
		row = next(r for r in self.competencies if r.competency == name)
		return f"hasil {ctx.angka(row.assessed)}, standar {row.required} (gap {ctx.sign_id(row.gap)})"

	def jam_pelajaran(self) -> str:
		s, status = self.settings, self.doc.asn_status or ""
		target = {development.PNS: s.jp_target_pns} if s.jp_target_pns else development.DEFAULT_JP_TARGET
		cap = {development.PPPK: s.jp_cap_pppk} if s.jp_cap_pppk else development.DEFAULT_JP_CAP
		jp = development.jp_progress(0, status, target, cap)
		if jp["target"]:
			return (
				f"Target pengembangan kompetensi PNS paling sedikit {ctx.angka(jp['target'])} JP per tahun "
				"(PP 11/2017 Pasal 203 ayat (4))."
			)
		if jp["cap"]:
			return f"Pengembangan kompetensi PPPK paling banyak {ctx.angka(jp['cap'])} JP per tahun masa perjanjian kerja."
		return ""

	def laporan_kompetensi(self) -> dict[str, Any]:
		doc, parties = self.doc, self.parties
		rows, plan = ctx.competency_table(
			self.competencies, lambda competency, level: self.level_titles.get((competency, level), "")
		)
		assessed = [r for r in self.competencies if r.assessed is not None]
		jpm_capped = flt(doc.jpm_capped) if assessed else None
		box = cint(doc.talent_box) or None
		strengths, develop = self.development_names()
		return {
			"form": "laporan_kompetensi",
			"header": self.header(),
			"pegawai": parties["pegawai"],
			"kelompok_jabatan": doc.job_group or "",
			"asn_status": doc.asn_status or "",
			"kompetensi": rows,
			"skala": [0, 1, 2, 3, 4, 5],
			"jpm": {
				"mentah": ctx.persen(flt(doc.jpm) if assessed else None),
				"dibatasi": ctx.persen(jpm_capped),
				"kategori": doc.jpm_category or "-",
				"kategori_pemetaan": (
					comp.categorise(jpm_capped, comp.MAPPING_JPM_CATEGORIES)
					if jpm_capped is not None
					else "-"
				),
				"potensial": doc.potential or "-",
				"jumlah_hasil": ctx.angka(sum(r.assessed for r in assessed)),
				"jumlah_standar": sum(r.required for r in assessed),
			},
			"kekuatan": [{"nama": name, "keterangan": self._row_text(name)} for name in strengths],
			"area_pengembangan": [{"nama": name, "keterangan": self._row_text(name)} for name in develop],
			"rekomendasi": ctx.recommendation(box, doc.predikat, doc.potential),
			"pengembangan": plan,
			"jam_pelajaran": self.jam_pelajaran(),
			"penilai": self.role_groups(),
			"tanda_tangan": {"kanan": ctx.signature("Pejabat Penilai Kinerja", parties["pejabat_penilai"])},
		}

	def umpan_balik(self) -> dict[str, Any]:
		parties = self.parties
		return {
			"form": "umpan_balik",
			"header": self.header(),
			"pegawai": parties["pegawai"],
			"pejabat_penilai": parties["pejabat_penilai"],
			"kelompok": ctx.umpan_balik_groups(),
			"tanda_tangan": {"kanan": ctx.signature("Pegawai yang Dinilai", parties["pegawai"])},
		}

	def evaluasi_kompetensi(self) -> dict[str, Any]:
		"""B.1.9: the leader's 1-5 rating of each competency (the Atasan Langsung's, else the weighted roll-up,
		e.g. for a JPT rated by the Bupati) and the reason against the standard."""
		parties = self.parties
		rows = []
		for number, row in enumerate(self.competencies, start=1):
			levels = self.atasan_feedback.levels.get(row.competency)
			value = round(sum(levels) / len(levels), 2) if levels else row.assessed
			reason = ctx.competency_reason(value, row.required)
			rows.append(
				{"no": number, "kompetensi": row.competency, "nilai": ctx.angka(value), "alasan": reason}
			)
		return {
			"form": "evaluasi_kompetensi",
			"header": self.header(),
			"pegawai": parties["pegawai"],
			"pejabat_penilai": parties["pejabat_penilai"],
			"kompetensi": rows,
			"tanda_tangan": {"kanan": ctx.signature("Pejabat Penilai Kinerja", parties["pejabat_penilai"])},
		}


# ---------------------------------------------------------------------------------------------------------
# One Predicate Calibration
# ---------------------------------------------------------------------------------------------------------


def penetapan_predikat(doc) -> dict[str, Any]:
	"""Format Penetapan Predikat Kinerja of one unit (SE MenPANRB 3/2023) from its Predicate Calibration."""
	s = settings()
	instansi = s.instansi or (doc.company or "")
	cycle = frappe._dict(
		frappe.db.get_value(
			"Appraisal Cycle",
			doc.appraisal_cycle,
			["start_date", "end_date", "kinerja_period_type", "kinerja_period_label"],
			as_dict=True,
		)
		or {}
	)
	names = [row.asn_appraisal for row in doc.employees if row.asn_appraisal]
	appraisals = {
		row.name: row
		for row in (
			frappe.get_all(
				APPRAISAL,
				filters={"name": ("in", names)},
				fields=["name", "employee", "nip", "designation", "evaluator"],
			)
			if names
			else []
		)
	}
	members = {row.employee for row in appraisals.values()}
	# the head of the unit: the member whose evaluator is outside the unit
	heads = [row.employee for row in appraisals.values() if row.evaluator not in members]
	head = heads[0] if len(heads) == 1 and heads[0] != doc.leader else None
	found = people([doc.leader, head])
	units = unit_names([doc.department, *(p.department for p in found.values())])
	leader = person_party(found[doc.leader], units) if doc.leader in found else kepala_daerah_party(instansi)
	start, end = getdate(cycle.start_date), getdate(cycle.end_date)
	header = ctx.header(
		instansi=instansi,
		unit_organisasi=units.get(doc.department, ("", ""))[1],
		city=s.city,
		start=start,
		end=end,
		period_label=cycle.kinerja_period_label or "Akhir",
		period_type=cycle.kinerja_period_type or "Tahunan",
		logo=s.logo,
	)
	return {
		"form": "penetapan_predikat",
		"header": header,
		"unit_kerja": units.get(doc.department, (doc.department, ""))[0],
		"kepala_unit": person_party(found[head], units) if head in found else None,
		"distribusi": ctx.distribution_block(
			doc.organisation_predicate, [row.predikat for row in doc.employees if row.predikat]
		),
		"pegawai": [
			{
				"no": number,
				"nama": row.employee_name or "",
				"nip": ctx.format_nip(appraisals[row.asn_appraisal].nip or "")
				if row.asn_appraisal in appraisals
				else "",
				"jabatan": appraisals[row.asn_appraisal].designation or ""
				if row.asn_appraisal in appraisals
				else "",
				"rating_hasil_kerja": row.hasil_kerja_rating or "-",
				"rating_perilaku": row.perilaku_rating or "-",
				"predikat": row.predikat or "-",
			}
			for number, row in enumerate(doc.employees, start=1)
		],
		"tanda_tangan": {"kanan": ctx.signature("Pejabat yang Menetapkan", leader)},
	}


# ---------------------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------------------

APPRAISAL_FORMS = (
	"skp",
	"evaluasi_kinerja",
	"dokumen_evaluasi",
	"laporan_kompetensi",
	"umpan_balik",
	"evaluasi_kompetensi",
)
FORMS = {**dict.fromkeys(APPRAISAL_FORMS, APPRAISAL), "penetapan_predikat": CALIBRATION}


def build(form: str, doc) -> dict[str, Any]:
	"""The ``form`` context of one official form for a document (no permission check: see forms.jinja)."""
	doctype = FORMS.get(form)
	if not doctype:
		frappe.throw(frappe._("Unknown form {0}. Use one of: {1}.").format(form, ", ".join(FORMS)))
	if doc.doctype != doctype:
		frappe.throw(frappe._("Form {0} is printed from {1}, not {2}.").format(form, doctype, doc.doctype))
	if doctype == CALIBRATION:
		return penetapan_predikat(doc)
	return getattr(AppraisalForms(doc), form)()
