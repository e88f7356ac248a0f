"""The one form pipeline: the ``form`` context of every official form, built from a *source*.

A source hands over the facts of one appraisal (``AppraisalSource``) or of one unit (``UnitSource``) as plain
records; the builders here turn them into the dicts the templates in ``forms/templates`` receive as ``form``.
Two sources exist, and nothing else builds a form:

- ``kinerja_asn.forms.documents``: stored ASN Appraisal / Predicate Calibration documents (desk print
  formats through ``forms.jinja.kinerja_form``, which checks access first, and the bulk PDF of a unit);
- ``kinerja_asn.demo.sample``: the in-memory sample agency of the no-bench sample job.

Plain Python (no frappe), so the sample job runs without a bench. What a form shows of the raters is decided
here, once: the rater groups of the role summary that carry a mean (``context.role_group_rows``: the pure
core's ``summarise_roles`` never gives one to a peer or subordinate group below the anonymity threshold), and
of the raters' own words only those of the Atasan Langsung, who is named on the form as Pejabat Penilai anyway.
"""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from kinerja_asn.forms import context as ctx
from kinerja_asn.scoring import competency as comp
from kinerja_asn.scoring import development, distribution, ratings, talent
from kinerja_asn.scoring.aggregation import ATASAN

PENDEKATAN = "KUANTITATIF"
LAYOUT_TITLE = {
	"jpt": "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
	"ja_jf": "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
}
APPRAISAL_FORMS = (
	"skp",
	"evaluasi_kinerja",
	"dokumen_evaluasi",
	"laporan_kompetensi",
	"umpan_balik",
	"evaluasi_kompetensi",
)
UNIT_FORMS = ("penetapan_predikat",)
FORMS = (*APPRAISAL_FORMS, *UNIT_FORMS)


# ---------------------------------------------------------------------------------------------------------
# What a source hands over
# ---------------------------------------------------------------------------------------------------------


@dataclass
class Person:
	"""Someone named on a form; ``unit_kerja`` is the full text ("Sekretariat Dinas Kesehatan")."""

	nama: str
	nip: str | None = None
	golongan: str | None = None
	asn_status: str | None = None
	jabatan: str = ""
	unit_kerja: str = ""


@dataclass
class Period:
	"""The header facts: instansi, unit organisasi, place and the appraisal period."""

	instansi: str
	unit_organisasi: str
	city: str
	start: datetime.date
	end: datetime.date
	period_label: str
	period_type: str = "Tahunan"
	logo: str | None = None  # data: URI of the emblem, or None


@dataclass
class Settings:
	"""The settings a form prints from (Kinerja ASN Settings; the sample's scoring config). A JP target or
	cap of 0 means "the regulation's default"."""

	perilaku_above: float = ratings.DEFAULT_PERILAKU_ABOVE
	perilaku_below: float = ratings.DEFAULT_PERILAKU_BELOW
	jp_target_pns: float = 0
	jp_cap_pppk: float = 0
	min_group_size: int = 0  # distribution groups smaller than this are not checked
	max_rounding: str | None = None  # distribution.ROUNDINGS names; None: the default
	min_rounding: str | None = None

	def distribution_check(self, group: str | None) -> ctx.DistributionCheck:
		return ctx.DistributionCheck(group, self.min_group_size, self.max_rounding, self.min_rounding)


@dataclass
class Behaviour:
	core_value: str
	score: float | None  # weighted 1-5 score, None when not rated
	rater_count: int = 0


@dataclass
class CompetencyLine:
	competency: str
	competency_type: str
	required: int
	assessed: float | None
	gap: float | None
	rater_count: int = 0


@dataclass
class RoleFeedback:
	"""The submitted feedback of one rater role: texts, behaviour notes per core value, competency levels."""

	texts: list[str] = field(default_factory=list)
	notes: dict[str, list[str]] = field(default_factory=dict)
	levels: dict[str, list[float]] = field(default_factory=dict)


@dataclass
class Outcome:
	"""The appraisal's results (ratings, predikat, JPM, 9-box) and the evaluator's notes."""

	hasil_kerja_rating: str | None = None
	perilaku_rating: str | None = None
	predikat: str | None = None
	angka_kredit: float | None = None
	jpm: float | None = None
	jpm_capped: float | None = None
	jpm_category: str | None = None
	potential: str | None = None
	talent_box: int | None = None
	notes: str = ""
	periodic_summary: str = ""  # one line per periodic appraisal of the year, "Triwulan I: Baik (...)"


@dataclass
class UnitDistribution:
	"""The appraisee's distribution group in the cycle: its Capaian Kinerja Organisasi (None before a
	calibration), the number of appraisals per predikat, and its name (None: no group yet, the unit kerja)."""

	organisation_predicate: str | None
	counts: Mapping[str, int]
	group: str | None = None


@dataclass
class Member:
	"""One row of the Penetapan Predikat Kinerja; ``employee`` and ``evaluator`` find the head of the unit."""

	nama: str
	nip: str | None
	jabatan: str
	hasil_kerja_rating: str | None
	perilaku_rating: str | None
	predikat: str | None
	employee: str | None = None
	evaluator: str | None = None


class AppraisalSource(Protocol):
	"""The facts of one appraisal. ``evaluator`` / ``evaluator_supervisor`` None: the head of the regional
	government (Bupati), who is not an employee."""

	@property
	def period(self) -> Period: ...
	@property
	def settings(self) -> Settings: ...
	@property
	def employee(self) -> Person: ...
	@property
	def evaluator(self) -> Person | None: ...
	@property
	def evaluator_supervisor(self) -> Person | None: ...
	@property
	def job_group(self) -> str: ...
	@property
	def asn_status(self) -> str: ...
	@property
	def results(self) -> Sequence[Mapping[str, Any]]:
		"""SKP rows with the Goal fields' meaning (see ``context.hasil_kerja``)."""
		...

	@property
	def core_values(self) -> Sequence[Mapping[str, Any]]:
		"""BerAKHLAK values: value_name, meaning, guides, idx."""
		...

	@property
	def expectations(self) -> Mapping[str, str]:
		"""Ekspektasi Khusus Pimpinan per core value (none recorded: empty)."""
		...

	@property
	def behaviours(self) -> Sequence[Behaviour]: ...
	@property
	def competencies(self) -> Sequence[CompetencyLine]: ...
	@property
	def role_summary(self) -> Sequence[Mapping[str, Any]]:
		"""Role-summary rows: role, raters, competency_mean, behaviour_mean, weight."""
		...

	@property
	def outcome(self) -> Outcome: ...
	@property
	def unit(self) -> UnitDistribution: ...
	def feedback(self, role: str) -> RoleFeedback:
		"""The submitted feedback of the raters of ``role`` (the builders ask only for the Atasan Langsung)."""
		...

	def level_title(self, competency: str, level: int) -> str:
		"""Title of a level of a competency in the dictionary ("" when unknown)."""
		...


class UnitSource(Protocol):
	"""The facts of one distribution group's Penetapan Predikat Kinerja. ``leader`` None: the Bupati."""

	@property
	def period(self) -> Period: ...
	@property
	def settings(self) -> Settings: ...
	@property
	def group_name(self) -> str: ...
	@property
	def unit_kerja(self) -> str: ...
	@property
	def organisation_predicate(self) -> str: ...
	@property
	def members(self) -> Sequence[Member]: ...
	@property
	def leader(self) -> str | None: ...
	def person(self, employee: str) -> Person | None: ...


# ---------------------------------------------------------------------------------------------------------
# Parties
# ---------------------------------------------------------------------------------------------------------


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


def party(person: Person | None, instansi: str) -> ctx.Party:
	"""The party block of a person; None is the Bupati: Pejabat Penilai of the JPT Pratama and Atasan Pejabat
	Penilai of the Administrator (domain reference section 2.6). Not a PNS: no NIP, no pangkat, no name."""
	if person is None:
		return ctx.party("", jabatan=kepala_daerah(instansi), unit_kerja=instansi)
	return ctx.party(
		person.nama, person.nip, person.golongan, person.asn_status, person.jabatan, person.unit_kerja
	)


def header(period: Period, signed_on: datetime.date | None = None) -> ctx.Header:
	return ctx.header(
		instansi=period.instansi,
		unit_organisasi=period.unit_organisasi,
		city=period.city,
		start=period.start,
		end=period.end,
		period_label=period.period_label,
		period_type=period.period_type,
		signed_on=signed_on,
		logo=period.logo,
	)


def unit_head(members: Sequence[Member], leader: str | None) -> str | None:
	"""The head of a unit: its one member whose evaluator is outside the unit (None when that is not one
	person, or when it is the leader who sets the predikat)."""
	inside = {m.employee for m in members if m.employee}
	heads = [m.employee for m in members if m.employee and m.evaluator not in inside]
	return heads[0] if len(heads) == 1 and heads[0] != leader else None


def distribution_block(
	unit: UnitDistribution, settings: Settings, highlight: str | None = None
) -> dict[str, Any]:
	"""``context.distribution_block`` of the appraisee's group; without a Capaian Kinerja Organisasi yet (no
	calibration), the actual distribution and its curve, with nothing to check it against."""
	check = settings.distribution_check(unit.group)
	if unit.organisation_predicate in distribution.ORGANISATION_PREDICATES:
		return ctx.distribution_block(unit.organisation_predicate, unit.counts, highlight, check)
	counts = unit.counts
	total = sum(counts.values())
	return {
		"kelompok": unit.group or "",
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
		"diperiksa": False,
		"hasil": "BELUM DIPERIKSA (CAPAIAN KINERJA ORGANISASI BELUM DITETAPKAN)",
		"alasan": [],
	}


# ---------------------------------------------------------------------------------------------------------
# The forms of one appraisal
# ---------------------------------------------------------------------------------------------------------


class AppraisalForms:
	"""The forms of one appraisal, from its source (which reads each fact once, when a form first needs it)."""

	def __init__(self, source: AppraisalSource):
		self.source = source

	@property
	def instansi(self) -> str:
		return self.source.period.instansi

	@property
	def parties(self) -> dict[str, ctx.Party]:
		s = self.source
		return {
			"pegawai": party(s.employee, self.instansi),
			"pejabat_penilai": party(s.evaluator, self.instansi),
			# an Administrator's (or a JPT's) Atasan Pejabat Penilai is the Bupati
			"atasan_pejabat_penilai": party(s.evaluator_supervisor, self.instansi),
		}

	@property
	def layout(self) -> str:
		return ctx.skp_layout(self.source.job_group)

	def header(self, signed_on: datetime.date | None = None) -> ctx.Header:
		return header(self.source.period, signed_on)

	def leader_feedback(self) -> RoleFeedback:
		"""The only raters' words a form shows: the Atasan Langsung's (the Pejabat Penilai, named anyway)."""
		return self.source.feedback(ATASAN)

	def perilaku(self, with_feedback: bool) -> list[ctx.PerilakuRow]:
		s = self.source
		scores = {row.core_value: row.score for row in s.behaviours}
		feedback = {}
		if with_feedback:
			notes = self.leader_feedback().notes
			for row in s.behaviours:
				parts = []
				if row.score is not None:
					rating = ratings.propose_perilaku(
						min(row.score, 5), s.settings.perilaku_above, s.settings.perilaku_below
					)
					parts.append(
						f"{rating}: skor rata-rata tertimbang {ctx.angka(row.score)} dari 5 "
						f"({row.rater_count} penilaian)."
					)
				parts += notes.get(row.core_value, [])
				if parts:
					feedback[row.core_value] = " ".join(parts)
		return ctx.perilaku_rows(s.core_values, s.expectations, feedback, scores)

	def development_names(self) -> tuple[list[str], list[str]]:
		return comp.strengths_and_development_areas(
			[comp.CompetencyScore(r.competency, r.required, r.assessed) for r in self.source.competencies]
		)

	# --- the forms ----------------------------------------------------------------------------------

	def skp(self) -> dict[str, Any]:
		parties = self.parties
		return {
			"form": "skp",
			"header": self.header(signed_on=self.source.period.start),
			"layout": self.layout,
			"judul_layout": LAYOUT_TITLE[self.layout],
			"pendekatan": PENDEKATAN,
			"pegawai": parties["pegawai"],
			"pejabat_penilai": parties["pejabat_penilai"],
			"hasil_kerja": ctx.hasil_kerja(self.source.results),
			"perilaku": self.perilaku(with_feedback=False),
			"tanda_tangan": {
				"kiri": ctx.signature("Pegawai yang Dinilai", parties["pegawai"]),
				"kanan": ctx.signature("Pejabat Penilai Kinerja", parties["pejabat_penilai"]),
			},
		}

	def evaluasi_kinerja(self) -> dict[str, Any]:
		s, parties = self.source, self.parties
		outcome, unit = s.outcome, s.unit
		return {
			"form": "evaluasi_kinerja",
			"header": self.header(),
			"layout": self.layout,
			"judul_layout": LAYOUT_TITLE[self.layout],
			"pendekatan": PENDEKATAN,
			"pegawai": parties["pegawai"],
			"pejabat_penilai": parties["pejabat_penilai"],
			"distribusi": distribution_block(unit, s.settings, highlight=outcome.predikat or None),
			"hasil_kerja": ctx.hasil_kerja(s.results),
			"perilaku": self.perilaku(with_feedback=True),
			"rating_hasil_kerja": outcome.hasil_kerja_rating or "",
			"rating_perilaku": outcome.perilaku_rating or "",
			"predikat": outcome.predikat or "",
			"angka_kredit": (
				f"{ctx.angka(outcome.angka_kredit, 3)} (koefisien {s.job_group}, Peraturan BKN 3/2023)"
				if outcome.angka_kredit is not None
				else None
			),
			"tanda_tangan": {"kanan": ctx.signature("Pejabat Penilai Kinerja", parties["pejabat_penilai"])},
		}

	def catatan(self) -> str:
		"""Catatan/Rekomendasi: the evaluator's notes and feedback, the periodic predikat of the year, the
		9-box follow-up (PermenPANRB 3/2020) and the competencies to develop."""
		outcome = self.source.outcome
		notes = (outcome.notes or "").strip()
		parts = [notes] if notes else []
		parts += [text for text in self.leader_feedback().texts if text not in parts]
		if (outcome.periodic_summary or "").strip():
			periods = [line.split(" (")[0] for line in outcome.periodic_summary.splitlines() if line.strip()]
			parts.append("Predikat periodik: " + "; ".join(periods) + ".")
		box = outcome.talent_box
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
			"capaian_kinerja_organisasi": self.source.unit.organisation_predicate or "",
			"predikat": self.source.outcome.predikat or "",
			"catatan": self.catatan(),
			"field_numbers": False,
			"tanda_tangan": {
				"kiri": ctx.signature("Pegawai yang Dinilai", parties["pegawai"]),
				"kanan": ctx.signature("Pejabat Penilai Kinerja", parties["pejabat_penilai"]),
			},
		}

	def _row_text(self, name: str) -> str:
		row = next(r for r in self.source.competencies if r.competency == name)
		return f"hasil {ctx.angka(row.assessed)}, standar {row.required} (gap {ctx.sign_id(row.gap)})"

	def jam_pelajaran(self) -> str:
		s = self.source.settings
		target = {development.PNS: s.jp_target_pns} if s.jp_target_pns else development.DEFAULT_JP_TARGET
		cap = {development.PPPK: s.jp_cap_pppk} if s.jp_cap_pppk else development.DEFAULT_JP_CAP
		jp = development.jp_progress(0, self.source.asn_status or "", target, cap)
		if jp["target"]:
			return (
				f"Target pengembangan kompetensi PNS paling sedikit {ctx.angka(jp['target'])} JP per tahun "
				"(PP 11/2017 Pasal 203 ayat (4))."
			)
		if jp["cap"]:
			return f"Pengembangan kompetensi PPPK paling banyak {ctx.angka(jp['cap'])} JP per tahun masa perjanjian kerja."
		return ""

	def laporan_kompetensi(self) -> dict[str, Any]:
		s, parties = self.source, self.parties
		outcome = s.outcome
		rows, plan = ctx.competency_table(s.competencies, s.level_title)
		assessed = [r for r in s.competencies if r.assessed is not None]
		jpm = outcome.jpm if assessed else None
		jpm_capped = outcome.jpm_capped if assessed else None
		strengths, develop = self.development_names()
		return {
			"form": "laporan_kompetensi",
			"header": self.header(),
			"pegawai": parties["pegawai"],
			"kelompok_jabatan": s.job_group or "",
			"asn_status": s.asn_status or "",
			"kompetensi": rows,
			"skala": [0, 1, 2, 3, 4, 5],
			"jpm": {
				"mentah": ctx.persen(jpm),
				"dibatasi": ctx.persen(jpm_capped),
				"kategori": outcome.jpm_category or "-",
				"kategori_pemetaan": (
					comp.categorise(jpm_capped, comp.MAPPING_JPM_CATEGORIES)
					if jpm_capped is not None
					else "-"
				),
				"potensial": outcome.potential or "-",
				"jumlah_hasil": ctx.angka(sum(r.assessed for r in assessed)),
				"jumlah_standar": sum(r.required for r in assessed),
			},
			"kekuatan": [{"nama": name, "keterangan": self._row_text(name)} for name in strengths],
			"area_pengembangan": [{"nama": name, "keterangan": self._row_text(name)} for name in develop],
			"rekomendasi": ctx.recommendation(outcome.talent_box, outcome.predikat, outcome.potential),
			"pengembangan": plan,
			"jam_pelajaran": self.jam_pelajaran(),
			"penilai": ctx.role_group_rows(s.role_summary),
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
		levels = self.leader_feedback().levels
		rows = []
		for number, row in enumerate(self.source.competencies, start=1):
			given = levels.get(row.competency)
			value = round(sum(given) / len(given), 2) if given else row.assessed
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
# The form of one unit
# ---------------------------------------------------------------------------------------------------------


def penetapan_predikat(source: UnitSource) -> dict[str, Any]:
	"""Format Penetapan Predikat Kinerja of one unit (SE MenPANRB 3/2023)."""
	instansi = source.period.instansi
	members = source.members
	head = unit_head(members, source.leader)
	leader = source.person(source.leader) if source.leader else None
	head_person = source.person(head) if head else None
	return {
		"form": "penetapan_predikat",
		"header": header(source.period),
		"unit_kerja": source.unit_kerja,
		"kelompok": source.group_name,
		"kepala_unit": party(head_person, instansi) if head_person else None,
		"distribusi": ctx.distribution_block(
			source.organisation_predicate,
			[m.predikat for m in members if m.predikat],
			check=source.settings.distribution_check(source.group_name),
		),
		"pegawai": [
			{
				"no": number,
				"nama": m.nama or "",
				"nip": ctx.format_nip(m.nip) if m.nip else "",
				"jabatan": m.jabatan or "",
				"rating_hasil_kerja": m.hasil_kerja_rating or "-",
				"rating_perilaku": m.perilaku_rating or "-",
				"predikat": m.predikat or "-",
			}
			for number, m in enumerate(members, start=1)
		],
		"tanda_tangan": {"kanan": ctx.signature("Pejabat yang Menetapkan", party(leader, instansi))},
	}


# ---------------------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------------------


def appraisal_form(form: str, source: AppraisalSource) -> dict[str, Any]:
	"""The ``form`` context of one of ``APPRAISAL_FORMS`` (no access check: the caller has made it)."""
	if form not in APPRAISAL_FORMS:
		raise ValueError(f"{form!r} is not a form of an appraisal; use one of {', '.join(APPRAISAL_FORMS)}")
	return getattr(AppraisalForms(source), form)()


def appraisal_forms(source: AppraisalSource, forms: Sequence[str] = APPRAISAL_FORMS) -> dict[str, dict]:
	"""Several forms of one appraisal; the source reads each fact once for all of them."""
	builder = AppraisalForms(source)
	return {form: getattr(builder, form)() for form in forms if form in APPRAISAL_FORMS}
