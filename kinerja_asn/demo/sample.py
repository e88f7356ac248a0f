"""No-bench main job: evaluate the bundled sample agency with the pure scoring core and print its forms.

Run: ``python -m kinerja_asn.demo.sample OUT_DIR`` (or ``./dev sample OUT_DIR``). Set ``KINERJA_SAMPLE_PDF=0``
(or pass ``--no-pdf``) to skip the PDFs. Writes to OUT_DIR:

- ``summary.md``   per distribution group: Nama | Jabatan | Hasil Kerja | Perilaku | Predikat | JPM | Kategori |
                   9-Box, the SE MenPANRB 3/2023 check with its violations, the calibration assistant (on a
                   what-if CKO when every group passes), and totals;
- ``summary.json`` the same data, machine-readable;
- ``index.html``   links to everything;
- ``forms/<employee id>/{skp,evaluasi_kinerja,dokumen_evaluasi,laporan_kompetensi,umpan_balik,
  evaluasi_kompetensi}.html`` and ``forms/penetapan_<group>.html``, with a PDF next to each when
  ``kinerja_asn.forms.render.to_pdf`` finds a renderer.

Every number comes from ``kinerja_asn.scoring`` applied to ``demo/data/dinkes_batanghari.json``: SKP rows ->
hasil kerja proposal; ratings of the raters -> per-competency / per-core-value roll-up with the role
weights (DEFAULT_ROLE_WEIGHTS; Diri Sendiri is shown with weight 0); ``appraisal.derive`` -> perilaku
proposal, predikat (kuadran), JPM raw/capped/category, potential, 9-box, angka kredit (JF); per distribution
group (``demo.calibration``: the heads of perangkat daerah apart, the Dinas with its sub-units as one group)
``distribution.check_distribution`` against its organisation predicate, and ``calibration.propose``.
Deterministic.

The forms come from the one form pipeline, ``kinerja_asn.forms.build``, exactly as the desk prints them: the
evaluated agency is its source here (``SampleAppraisal``, ``SampleGroup``), as stored documents are on a bench
(``kinerja_asn.forms.documents``).
"""

import datetime
import html
import json
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kinerja_asn.demo.calibration import GroupEvaluation, Rated, agency_groups, what_if
from kinerja_asn.forms import build, render
from kinerja_asn.forms.context import angka, persen, unit_kerja_text, violation_text
from kinerja_asn.scoring import competency as comp
from kinerja_asn.scoring.aggregation import (
	DEFAULT_ROLE_WEIGHTS,
	RATER_ROLES,
	RoleStat,
	combine,
	scored_groups,
	summarise_roles,
)
from kinerja_asn.scoring.appraisal import Config, Derived, derive
from kinerja_asn.scoring.calibration import Proposal
from kinerja_asn.scoring.distribution import DEFAULT_MIN_GROUP_SIZE
from kinerja_asn.scoring.ratings import PREDIKAT, GoalResult, classify_achievement

HERE = Path(__file__).resolve().parent
SAMPLE_PATH = HERE / "data" / "dinkes_batanghari.json"
SETUP_DATA = HERE.parent / "setup" / "data"
EMPLOYEE_FORMS = build.APPRAISAL_FORMS
NATIONAL_COMPETENCIES = (*comp.MANAGERIAL_COMPETENCIES, *comp.SOCIO_CULTURAL_COMPETENCIES)

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
# Data
# ---------------------------------------------------------------------------------------------------------


def load_json(path: Path) -> Any:
	with open(path, encoding="utf-8") as handle:
		return json.load(handle)


def load_sample(path: Path = SAMPLE_PATH) -> dict[str, Any]:
	return load_json(path)


@dataclass
class CompetencyRow:
	competency: str
	competency_type: str
	required: int
	assessed: float | None
	gap: float | None
	rater_count: int
	roles: list[RoleStat]


@dataclass
class BehaviourRow:
	core_value: str
	score: float | None
	rater_count: int
	roles: list[RoleStat]


@dataclass
class EmployeeEvaluation:
	id: str
	employee: dict[str, Any]
	job_group: str
	department: str
	evaluator: str | None  # Pejabat Penilai Kinerja (employee id), None = Bupati
	evaluator_supervisor: str | None  # Atasan Pejabat Penilai, None = Bupati
	results: list[dict[str, Any]]  # SKP rows with achievement and classification
	competencies: list[CompetencyRow]
	behaviours: list[BehaviourRow]
	behaviour_score: float | None
	role_summary: list[dict[str, Any]]
	derived: Derived
	strengths: list[str]
	development: list[str]
	feedback: dict[str, list[str]] = field(default_factory=dict)

	@property
	def name(self) -> str:
		return self.employee["employee_name"]


@dataclass
class AgencyEvaluation:
	data: dict[str, Any]
	dictionary: dict[str, dict[str, Any]]  # competency name -> dictionary entry (national + technical)
	core_values: list[dict[str, Any]]
	positions: dict[str, dict[str, Any]]
	employees: dict[str, EmployeeEvaluation]
	groups: list[
		GroupEvaluation
	]  # distribution groups (SE MenPANRB 3/2023), the heads of perangkat daerah first
	config: Config
	weights: dict[str, float]
	what_if: GroupEvaluation | None = None  # the largest group under a stricter CKO, when none fails

	@property
	def start(self) -> datetime.date:
		return datetime.date.fromisoformat(self.data["cycle"]["start_date"])

	@property
	def end(self) -> datetime.date:
		return datetime.date.fromisoformat(self.data["cycle"]["end_date"])

	def group_of(self, employee_id: str) -> GroupEvaluation:
		return next(group for group in self.groups if employee_id in group.members)

	def group(self, name: str) -> GroupEvaluation:
		return next(group for group in self.groups if group.name == name)


# ---------------------------------------------------------------------------------------------------------
# Evaluation (pure core only)
# ---------------------------------------------------------------------------------------------------------


def _role_stats(ratings: Sequence[dict[str, Any]], key: str, item: str) -> list[RoleStat]:
	"""Mean and count per rater role of one competency / core value (0 and missing = not rated)."""
	values: dict[str, list[float]] = defaultdict(list)
	for rating in ratings:
		value = (rating.get(key) or {}).get(item)
		if value:
			values[rating["role"]].append(float(value))
	return [
		RoleStat(role, sum(values[role]) / len(values[role]), len(values[role]))
		for role in RATER_ROLES
		if values.get(role)
	]


def _role_summary(
	ratings: Sequence[dict[str, Any]],
	competencies: Sequence[CompetencyRow],
	behaviours: Sequence[BehaviourRow],
	weights: Mapping[str, float],
) -> list[dict[str, Any]]:
	"""Per rater group the employee may know of: raters, mean of the group means, effective weight (%)."""
	raters = Counter(rating["role"] for rating in ratings)
	return [
		{
			"role": row.role,
			"raters": row.submitted,
			"competency_mean": row.competency_mean,
			"behaviour_mean": row.behaviour_mean,
			"weight": row.weight,
		}
		for row in summarise_roles(
			{row.competency: row.roles for row in competencies},
			{row.core_value: row.roles for row in behaviours},
			raters,
			raters,
			weights,
		)
	]


def _used(stats: Sequence[RoleStat], weights: Mapping[str, float]) -> int:
	return sum(g.count for g, _weight in scored_groups(stats, weights))


def _skp_results(rows: Sequence[dict[str, Any]], config: Config) -> list[dict[str, Any]]:
	results = []
	for row in rows:
		achievement = round(row["realisasi"] / row["target"] * 100, 2) if row.get("target") else 0.0
		results.append(
			{
				**row,
				"achievement": achievement,
				"classification": classify_achievement(achievement, config.hasil_above, config.hasil_below),
			}
		)
	return results


def evaluate_employee(
	employee: dict[str, Any],
	data: dict[str, Any],
	positions: Mapping[str, dict[str, Any]],
	dictionary: Mapping[str, dict[str, Any]],
	core_values: Sequence[dict[str, Any]],
	directory: Mapping[str, dict[str, Any]],
	config: Config,
	weights: Mapping[str, float],
) -> EmployeeEvaluation:
	position = positions[employee["designation"]]
	job_group = position["job_group"]
	ratings = [r for r in data["ratings"] if r["employee"] == employee["id"]]

	standard = comp.standard_level(job_group)
	profile = [(name, standard) for name in NATIONAL_COMPETENCIES] + [
		(req["competency"], req["required_level"]) for req in position.get("technical", [])
	]
	competencies = []
	for name, required in profile:
		stats = _role_stats(ratings, "competencies", name)
		assessed = combine(stats, weights)
		competencies.append(
			CompetencyRow(
				competency=name,
				competency_type=dictionary.get(name, {}).get("competency_type", comp.TEKNIS),
				required=required,
				assessed=assessed,
				gap=comp.gap(assessed, required) if assessed is not None else None,
				rater_count=_used(stats, weights),
				roles=stats,
			)
		)
	behaviours = []
	for value in sorted(core_values, key=lambda v: v["idx"]):
		stats = _role_stats(ratings, "behaviours", value["value_name"])
		behaviours.append(
			BehaviourRow(value["value_name"], combine(stats, weights), _used(stats, weights), stats)
		)
	scores = [row.score for row in behaviours if row.score is not None]
	behaviour_score = round(sum(scores) / len(scores), 2) if scores else None

	results = _skp_results(data["skp"].get(employee["id"], []), config)
	scores_for_jpm = [comp.CompetencyScore(r.competency, r.required, r.assessed) for r in competencies]
	derived = derive(
		competencies=scores_for_jpm,
		behaviour_score=behaviour_score,
		results=[GoalResult(r["achievement"], r["jenis"] != "Tambahan") for r in results],
		job_group=job_group,
		config=config,
	)
	strengths, development = comp.strengths_and_development_areas(scores_for_jpm)

	evaluator = employee.get("reports_to")
	supervisor = directory[evaluator].get("reports_to") if evaluator else None
	feedback: dict[str, list[str]] = defaultdict(list)
	for rating in ratings:
		if rating.get("feedback"):
			feedback[rating["role"]].append(rating["feedback"])
	return EmployeeEvaluation(
		id=employee["id"],
		employee=employee,
		job_group=job_group,
		department=employee["department"],
		evaluator=evaluator,
		evaluator_supervisor=supervisor,
		results=results,
		competencies=competencies,
		behaviours=behaviours,
		behaviour_score=behaviour_score,
		role_summary=_role_summary(ratings, competencies, behaviours, weights),
		derived=derived,
		strengths=strengths,
		development=development,
		feedback=dict(feedback),
	)


def evaluate(
	data: dict[str, Any] | None = None,
	config: Config | None = None,
	weights: Mapping[str, float] = DEFAULT_ROLE_WEIGHTS,
) -> AgencyEvaluation:
	"""Evaluate every employee and every unit of the sample agency."""
	data = data if data is not None else load_sample()
	config = config or Config()
	national = load_json(SETUP_DATA / "competencies.json")
	core_values = load_json(SETUP_DATA / "core_values.json")
	dictionary = {c["competency_name"]: c for c in [*national, *data["technical_competencies"]]}
	positions = {p["designation"]: p for p in data["positions"]}
	directory = {e["id"]: e for e in data["employees"]}
	employees = {
		e["id"]: evaluate_employee(e, data, positions, dictionary, core_values, directory, config, weights)
		for e in sorted(data["employees"], key=lambda e: e["id"])
	}
	rated = {
		eid: Rated(
			department=ev.department,
			job_group=ev.job_group,
			hasil_kerja_rating=ev.derived.hasil_kerja_rating,
			perilaku_rating=ev.derived.perilaku_rating,
			predikat=ev.derived.predikat,
			achievement=_mean([r["achievement"] for r in ev.results if r.get("achievement") is not None]),
			behaviour_score=ev.behaviour_score,
		)
		for eid, ev in employees.items()
	}
	groups = agency_groups(
		rated, data["departments"], data["organisation_predicates"], lambda unit: _head(directory, unit)
	)
	return AgencyEvaluation(
		data=data,
		dictionary=dictionary,
		core_values=core_values,
		positions=positions,
		employees=employees,
		groups=groups,
		config=config,
		weights=dict(weights),
		what_if=what_if(groups, rated),
	)


def _mean(values: Sequence[float]) -> float | None:
	return round(sum(values) / len(values), 2) if values else None


def _head(directory: Mapping[str, dict[str, Any]], department: str) -> str | None:
	"""The member of a department whose supervisor is outside it (or who has none)."""
	for eid in sorted(directory):
		person = directory[eid]
		if person["department"] != department:
			continue
		boss = person.get("reports_to")
		if not boss or directory[boss]["department"] != department:
			return eid
	return None


# ---------------------------------------------------------------------------------------------------------
# The evaluated agency as a source of the form pipeline (kinerja_asn.forms.build)
# ---------------------------------------------------------------------------------------------------------


def period(agency: AgencyEvaluation) -> build.Period:
	data = agency.data
	return build.Period(
		instansi=data["instansi"],
		unit_organisasi=data["unit_kerja"],
		city=data["city"],
		start=agency.start,
		end=agency.end,
		period_label=data["cycle"]["period_label"],
		period_type=data["cycle"].get("period_type", "Tahunan"),
	)


def settings(agency: AgencyEvaluation) -> build.Settings:
	config = agency.config
	return build.Settings(
		perilaku_above=config.perilaku_above,
		perilaku_below=config.perilaku_below,
		min_group_size=DEFAULT_MIN_GROUP_SIZE,
	)


def person(agency: AgencyEvaluation, employee_id: str | None) -> build.Person | None:
	"""An employee of the sample; None (the Bupati) for no one."""
	if employee_id is None:
		return None
	e = agency.employees[employee_id].employee
	return build.Person(
		nama=e["employee_name"],
		nip=e["nip"],
		golongan=e["pangkat_golongan"],
		asn_status=e["asn_status"],
		jabatan=e["designation"],
		unit_kerja=unit_kerja_text(e["department"], agency.data["unit_kerja"]),
	)


class SampleAppraisal:
	"""``build.AppraisalSource`` of one evaluated employee of the sample agency."""

	def __init__(self, agency: AgencyEvaluation, employee_id: str):
		self.agency = agency
		self.ev = agency.employees[employee_id]

	@property
	def period(self) -> build.Period:
		return period(self.agency)

	@property
	def settings(self) -> build.Settings:
		return settings(self.agency)

	@property
	def employee(self) -> build.Person:
		return person(self.agency, self.ev.id)

	@property
	def evaluator(self) -> build.Person | None:
		return person(self.agency, self.ev.evaluator)

	@property
	def evaluator_supervisor(self) -> build.Person | None:
		return person(self.agency, self.ev.evaluator_supervisor)

	@property
	def job_group(self) -> str:
		return self.ev.job_group

	@property
	def asn_status(self) -> str:
		return self.ev.employee["asn_status"]

	@property
	def results(self) -> list[dict[str, Any]]:
		return self.ev.results

	@property
	def core_values(self) -> list[dict[str, Any]]:
		return self.agency.core_values

	@property
	def expectations(self) -> dict[str, str]:
		return EKSPEKTASI_KHUSUS

	@property
	def behaviours(self) -> list[build.Behaviour]:
		return [build.Behaviour(b.core_value, b.score, b.rater_count) for b in self.ev.behaviours]

	@property
	def competencies(self) -> list[build.CompetencyLine]:
		return [
			build.CompetencyLine(
				c.competency, c.competency_type, c.required, c.assessed, c.gap, c.rater_count
			)
			for c in self.ev.competencies
		]

	@property
	def role_summary(self) -> list[dict[str, Any]]:
		return self.ev.role_summary

	@property
	def outcome(self) -> build.Outcome:
		d = self.ev.derived
		return build.Outcome(
			hasil_kerja_rating=d.hasil_kerja_rating,
			perilaku_rating=d.perilaku_rating,
			predikat=d.predikat,
			angka_kredit=d.angka_kredit,
			jpm=d.jpm,
			jpm_capped=d.jpm_capped,
			jpm_category=d.jpm_category,
			potential=d.potential,
			talent_box=d.talent_box,
		)

	@property
	def unit(self) -> build.UnitDistribution:
		group = self.agency.group_of(self.ev.id)
		return build.UnitDistribution(group.organisation_predicate, group.result.counts, group.name)

	def feedback(self, role: str) -> build.RoleFeedback:
		out = build.RoleFeedback()
		for rating in self.agency.data["ratings"]:
			if rating["employee"] != self.ev.id or rating["role"] != role:
				continue
			if (rating.get("feedback") or "").strip():
				out.texts.append(rating["feedback"].strip())
			for name, level in (rating.get("competencies") or {}).items():
				if level:
					out.levels.setdefault(name, []).append(float(level))
		return out

	def level_title(self, competency: str, level: int) -> str:
		for row in self.agency.dictionary.get(competency, {}).get("levels", []):
			if row.get("level") == level:
				return row.get("title", "")
		return ""


class SampleGroup:
	"""``build.UnitSource`` of one distribution group of the sample agency."""

	def __init__(self, agency: AgencyEvaluation, group: GroupEvaluation):
		self.agency = agency
		self.unit = group

	@property
	def period(self) -> build.Period:
		return period(self.agency)

	@property
	def settings(self) -> build.Settings:
		return settings(self.agency)

	@property
	def group_name(self) -> str:
		return self.unit.name

	@property
	def unit_kerja(self) -> str:
		if not self.unit.unit:
			return self.unit.name
		return unit_kerja_text(self.unit.unit, self.agency.data["unit_kerja"])

	@property
	def organisation_predicate(self) -> str:
		return self.unit.organisation_predicate

	@property
	def members(self) -> list[build.Member]:
		rows = []
		for eid in self.unit.members:
			ev = self.agency.employees[eid]
			rows.append(
				build.Member(
					nama=ev.name,
					nip=ev.employee["nip"],
					jabatan=ev.employee["designation"],
					hasil_kerja_rating=ev.derived.hasil_kerja_rating,
					perilaku_rating=ev.derived.perilaku_rating,
					predikat=ev.derived.predikat,
					employee=eid,
					evaluator=ev.evaluator,
				)
			)
		return rows

	@property
	def leader(self) -> str | None:
		return self.unit.leader

	def person(self, employee: str) -> build.Person | None:
		return person(self.agency, employee) if employee in self.agency.employees else None


def appraisal_form(agency: AgencyEvaluation, form: str, employee_id: str) -> dict[str, Any]:
	"""The ``form`` context of one form of one employee of the sample."""
	return build.appraisal_form(form, SampleAppraisal(agency, employee_id))


def penetapan_form(agency: AgencyEvaluation, group: GroupEvaluation) -> dict[str, Any]:
	"""The Penetapan Predikat Kinerja of one distribution group of the sample."""
	return build.penetapan_predikat(SampleGroup(agency, group))


# ---------------------------------------------------------------------------------------------------------
# Summary (JSON and Markdown)
# ---------------------------------------------------------------------------------------------------------


def employee_summary(ev: EmployeeEvaluation) -> dict[str, Any]:
	d = ev.derived
	return {
		"id": ev.id,
		"nama": ev.name,
		"nip": ev.employee["nip"],
		"asn_status": ev.employee["asn_status"],
		"pangkat_golongan": ev.employee["pangkat_golongan"],
		"jabatan": ev.employee["designation"],
		"job_group": ev.job_group,
		"department": ev.department,
		"evaluator": ev.evaluator,
		"evaluator_supervisor": ev.evaluator_supervisor,
		"results": [
			{
				"jenis": r["jenis"],
				"rhk": r["rhk"],
				"iki": r["iki"],
				"target": r["target"],
				"realisasi": r["realisasi"],
				"satuan": r["satuan"],
				"achievement": r["achievement"],
				"classification": r["classification"],
			}
			for r in ev.results
		],
		"hasil_kerja_proposed": d.hasil_kerja_proposed,
		"hasil_kerja_rating": d.hasil_kerja_rating,
		"behaviour_score": ev.behaviour_score,
		"behaviours": {b.core_value: b.score for b in ev.behaviours},
		"perilaku_proposed": d.perilaku_proposed,
		"perilaku_rating": d.perilaku_rating,
		"predikat": d.predikat,
		"competencies": [
			{
				"competency": c.competency,
				"type": c.competency_type,
				"required": c.required,
				"assessed": c.assessed,
				"gap": c.gap,
				"raters": c.rater_count,
			}
			for c in ev.competencies
		],
		"jpm": d.jpm,
		"jpm_capped": d.jpm_capped,
		"jpm_category": d.jpm_category,
		"potential": d.potential,
		"talent_box": d.talent_box,
		"angka_kredit": d.angka_kredit,
		"strengths": ev.strengths,
		"development_areas": ev.development,
		"rater_roles": ev.role_summary,
	}


STATUS_TEXT = {"ok": "SESUAI", "fail": "TIDAK SESUAI", "too_small": "TERLALU KECIL UNTUK DIPERIKSA"}


def proposal_text(agency: AgencyEvaluation, p: Proposal) -> str:
	"""Indonesian reason of one proposal of the calibration assistant."""
	changes = [
		f"Rating {label} {new}"
		for label, new, old in (
			("Hasil Kerja", p.hasil_kerja_rating, p.old_hasil_kerja_rating),
			("Perilaku", p.perilaku_rating, p.old_perilaku_rating),
		)
		if new != old
	]
	return (
		f"{agency.employees[p.key].name}: {p.from_predikat} menjadi {p.to_predikat} ({'; '.join(changes)}). "
		f"Paling dekat dengan batas rating di kelompoknya: capaian hasil kerja {_md(p.hasil_kerja_score)}%, "
		f"nilai perilaku {_md(p.perilaku_score)}, {angka(p.gap)} lebar pita dari batas."
	)


def group_summary(agency: AgencyEvaluation, group: GroupEvaluation) -> dict[str, Any]:
	result = group.result
	too_small = None
	if result.too_small:
		template, args = result.too_small_reason
		too_small = template.format(*args)
	return {
		"name": group.name,
		"kind": group.kind,
		"department": group.unit,
		"organisation_predicate": group.organisation_predicate,
		"leader": group.leader,
		"employees": group.members,
		"total": result.total,
		"counts": result.counts,
		"percentages": result.percentages,
		"status": group.status,
		"ok": result.ok,
		"too_small": too_small,
		"violations": [
			{"code": v.rule.code, "text": v.text, "text_id": violation_text(v)} for v in result.violations
		],
		"pattern": [{k: v for k, v in rule.items() if k != "description"} for rule in group.pattern],
		"proposals": [
			{
				"employee": p.key,
				"from": p.from_predikat,
				"to": p.to_predikat,
				"hasil_kerja_rating": p.hasil_kerja_rating,
				"perilaku_rating": p.perilaku_rating,
				"gap": round(p.gap, 3),
				"text": p.reason(agency.employees[p.key].name),
				"text_id": proposal_text(agency, p),
			}
			for p in group.proposals
		],
		"infeasible": group.infeasible,
	}


def summary(agency: AgencyEvaluation) -> dict[str, Any]:
	counts = Counter(ev.derived.predikat for ev in agency.employees.values() if ev.derived.predikat)
	status = Counter(group.status for group in agency.groups)
	return {
		"instansi": agency.data["instansi"],
		"unit_kerja": agency.data["unit_kerja"],
		"cycle": agency.data["cycle"],
		"role_weights": agency.weights,
		"employees": [employee_summary(ev) for ev in agency.employees.values()],
		"groups": [group_summary(agency, group) for group in agency.groups],
		"what_if": group_summary(agency, agency.what_if) if agency.what_if else None,
		"totals": {
			"employees": len(agency.employees),
			"predikat": {name: counts.get(name, 0) for name in PREDIKAT},
			"groups_passing": status["ok"],
			"groups_failing": status["fail"],
			"groups_too_small": status["too_small"],
			"talent_box": {
				str(box): sum(1 for ev in agency.employees.values() if ev.derived.talent_box == box)
				for box in range(9, 0, -1)
			},
		},
	}


def _md(value: Any) -> str:
	if value is None:
		return "-"
	if isinstance(value, float):
		return angka(value)
	return str(value).replace("|", "\\|")


def group_markdown(
	group: dict[str, Any], employees: Mapping[str, dict], members: bool, heading: str = "##"
) -> list[str]:
	"""One distribution group: its members (optional), distribution, the check and the assistant's proposals."""
	lines = [
		f"{heading} Kelompok distribusi: {group['name']}",
		"",
		f"Capaian Kinerja Organisasi: **{group['organisation_predicate']}**; {group['total']} pegawai"
		+ (f" ({group['department']} dengan seluruh sub-unitnya)." if group["department"] else "."),
		"",
	]
	if members:
		lines += [
			"| Nama | Jabatan | Hasil Kerja | Perilaku | Predikat | JPM | Kategori | 9-Box |",
			"|---|---|---|---|---|---|---|---|",
		]
		for eid in group["employees"]:
			e = employees[eid]
			row = (
				e["nama"],
				e["jabatan"],
				e["hasil_kerja_rating"],
				e["perilaku_rating"],
				e["predikat"],
				persen(e["jpm_capped"]) + f" (mentah {persen(e['jpm'])})",
				e["jpm_category"],
				e["talent_box"],
			)
			lines.append("| " + " | ".join(_md(v) for v in row) + " |")
		lines.append("")
	counts = ", ".join(f"{name} {n}" for name, n in group["counts"].items() if n) or "-"
	lines += [f"Distribusi: {counts}.", ""]
	status = STATUS_TEXT[group["status"]]
	if group["status"] == "too_small":
		lines.append(
			f"Pemeriksaan SE MenPANRB 3/2023: **{status}**: kelompok ini berisi {group['total']} pegawai, "
			f"pola distribusi diperiksa mulai {DEFAULT_MIN_GROUP_SIZE} pegawai (Pengaturan Kinerja ASN)."
		)
	elif group["status"] == "ok":
		lines.append(f"Pemeriksaan SE MenPANRB 3/2023: **{status}**.")
	else:
		lines.append(f"Pemeriksaan SE MenPANRB 3/2023: **{status}**:")
		lines += [f"- {v['text_id']}" for v in group["violations"]]
		if group["proposals"]:
			lines += [
				"",
				f"Asisten kalibrasi: {len(group['proposals'])} perubahan predikat adalah yang paling sedikit agar "
				"kelompok sesuai; Pejabat Penilai menerima atau menolak masing-masing:",
				"",
			]
			lines += [f"{n}. {p['text_id']}" for n, p in enumerate(group["proposals"], 1)]
		if group["infeasible"]:
			lines += ["", f"Asisten kalibrasi: {group['infeasible']}"]
	lines.append("")
	return lines


def summary_markdown(data: dict[str, Any]) -> str:
	cycle = data["cycle"]
	lines = [
		f"# Evaluasi kinerja: {data['unit_kerja']}, {data['instansi']}",
		"",
		f"{cycle['name']} ({cycle['start_date']} s.d. {cycle['end_date']}, periode {cycle['period_label']}). "
		"Dihitung dengan inti penilaian kinerja_asn (tanpa Frappe).",
		"",
		"Bobot peran penilai: "
		+ ", ".join(f"{role} {_md(weight)}" for role, weight in data["role_weights"].items())
		+ ".",
		"",
	]
	employees = {e["id"]: e for e in data["employees"]}
	for group in data["groups"]:
		lines += group_markdown(group, employees, members=True)
	if data["what_if"]:
		lines += [
			"## Simulasi asisten kalibrasi",
			"",
			"Semua kelompok di atas sesuai atau terlalu kecil untuk diperiksa. Sebagai contoh cara kerja asisten "
			f"kalibrasi: kelompok {data['what_if']['name']} bila Capaian Kinerja Organisasinya "
			f"{data['what_if']['organisation_predicate']} (organisasi tidak mencapai targetnya).",
			"",
			*group_markdown(data["what_if"], employees, members=False, heading="###"),
		]
	totals = data["totals"]
	lines += [
		"## Total",
		"",
		f"- Pegawai: {totals['employees']}",
		"- Predikat: " + ", ".join(f"{name} {n}" for name, n in totals["predikat"].items()),
		f"- Kelompok distribusi sesuai SE MenPANRB 3/2023: {totals['groups_passing']}; tidak sesuai: "
		f"{totals['groups_failing']}; terlalu kecil untuk diperiksa: {totals['groups_too_small']}",
		"- 9-Box: " + ", ".join(f"kotak {box}: {n}" for box, n in totals["talent_box"].items() if n),
		"",
	]
	return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------------------


def slug(text: str) -> str:
	return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


FORM_TITLES = {
	"skp": "Sasaran Kinerja Pegawai (SKP)",
	"evaluasi_kinerja": "Evaluasi Kinerja Pegawai",
	"dokumen_evaluasi": "Dokumen Evaluasi Kinerja Pegawai",
	"laporan_kompetensi": "Laporan Hasil Penilaian Kompetensi",
	"umpan_balik": "B.1.8 Umpan Balik Bimbingan Kinerja",
	"evaluasi_kompetensi": "B.1.9 Evaluasi Kompetensi",
}


def index_html(data: dict[str, Any], pdfs: bool) -> str:
	esc = html.escape
	employees = {e["id"]: e for e in data["employees"]}
	parts = [
		"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>",
		f"<title>{esc(data['unit_kerja'])}: evaluasi kinerja {esc(str(data['cycle']['start_date'][:4]))}</title>",
		"<style>body{font-family:Arial,'Liberation Sans',sans-serif;font-size:14px;margin:24px}"
		"table{border-collapse:collapse}td,th{border:1px solid #999;padding:3px 6px;text-align:left}"
		"th{background:#eee}.bad{color:#a00}.ok{color:#060}</style></head><body>",
		f"<h1>{esc(data['unit_kerja'])}, {esc(data['instansi'])}</h1>",
		f"<p>{esc(data['cycle']['name'])}. <a href='summary.md'>summary.md</a> · "
		"<a href='summary.json'>summary.json</a></p>",
	]
	for group in data["groups"]:
		name = f"penetapan_{slug(group['name'])}"
		css = {"ok": "ok", "fail": "bad"}.get(group["status"], "")
		status = f"<span class='{css}'>{esc(STATUS_TEXT[group['status']])}</span>"
		links = f"<a href='forms/{name}.html'>HTML</a>" + (
			f" · <a href='forms/{name}.pdf'>PDF</a>" if pdfs else ""
		)
		parts.append(
			f"<h2>{esc(group['name'])}</h2><p>Kelompok distribusi; Capaian Kinerja Organisasi "
			f"<b>{esc(group['organisation_predicate'])}</b>; SE MenPANRB 3/2023: {status}; "
			f"Penetapan Predikat Kinerja: {links}</p>"
		)
		parts.append(
			"<table><tr><th>Nama</th><th>Jabatan</th><th>Predikat</th><th>JPM</th><th>9-Box</th><th>Formulir</th></tr>"
		)
		for eid in group["employees"]:
			e = employees[eid]
			forms = []
			for form in EMPLOYEE_FORMS:
				link = f"<a href='forms/{eid}/{form}.html'>{esc(FORM_TITLES[form])}</a>"
				if pdfs:
					link += f" (<a href='forms/{eid}/{form}.pdf'>PDF</a>)"
				forms.append(link)
			parts.append(
				f"<tr><td>{esc(e['nama'])}</td><td>{esc(e['jabatan'])}</td><td>{esc(str(e['predikat']))}</td>"
				f"<td>{esc(_md(e['jpm_capped']))}%</td><td>{esc(str(e['talent_box']))}</td>"
				f"<td>{'<br>'.join(forms)}</td></tr>"
			)
		parts.append("</table>")
	parts.append("</body></html>")
	return "\n".join(parts)


def _want_pdf(pdf: bool | None) -> bool:
	if pdf is not None:
		return pdf
	return os.environ.get("KINERJA_SAMPLE_PDF", "1").strip().lower() not in ("0", "false", "no", "off", "")


def main(out_dir: str | os.PathLike, pdf: bool | None = None, quiet: bool = False) -> dict[str, Any]:
	"""Evaluate the sample agency and write summary + forms into ``out_dir``; returns the summary dict.

	``pdf``: True/False, or None to follow ``KINERJA_SAMPLE_PDF`` (default on).
	"""
	out = Path(out_dir)
	(out / "forms").mkdir(parents=True, exist_ok=True)
	agency = evaluate()
	data = summary(agency)

	written: list[Path] = []
	for eid in agency.employees:
		folder = out / "forms" / eid
		folder.mkdir(parents=True, exist_ok=True)
		for form_name, form in build.appraisal_forms(SampleAppraisal(agency, eid)).items():
			path = folder / f"{form_name}.html"
			path.write_text(render.render(f"{form_name}.html", form), encoding="utf-8")
			written.append(path)
	for group in agency.groups:
		path = out / "forms" / f"penetapan_{slug(group.name)}.html"
		form = penetapan_form(agency, group)
		path.write_text(render.render("penetapan_predikat.html", form), encoding="utf-8")
		written.append(path)

	renderer = render.pdf_renderer() if _want_pdf(pdf) else None
	made = 0
	if renderer:
		with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 2)) as pool:
			made = sum(pool.map(lambda p: render.to_pdf(p, p.with_suffix(".pdf"), renderer), written))
	data["output"] = {
		"html_forms": len(written),
		"pdf_forms": made,
		"pdf_renderer": renderer if made else None,
	}
	(out / "summary.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
	(out / "summary.md").write_text(summary_markdown(data), encoding="utf-8")
	(out / "index.html").write_text(index_html(data, pdfs=made > 0), encoding="utf-8")

	if not quiet:
		if not _want_pdf(pdf):
			print("PDF: skipped (KINERJA_SAMPLE_PDF=0 / --no-pdf)")
		elif not renderer:
			print("PDF: not made, no renderer on PATH (wkhtmltopdf or chromium)")
		else:
			print(f"PDF: {made} of {len(written)} forms made with {renderer}")
		totals = data["totals"]
		print("Predikat: " + ", ".join(f"{name} {n}" for name, n in totals["predikat"].items()))
		print(
			f"Distribution groups (SE MenPANRB 3/2023): {totals['groups_passing']} passing, "
			f"{totals['groups_failing']} failing, {totals['groups_too_small']} too small to check: "
			+ "; ".join(
				f"{g['name']} ({g['total']}, CKO {g['organisation_predicate']}) {STATUS_TEXT[g['status']]}"
				for g in data["groups"]
			)
		)
		for g in [g for g in data["groups"] if g["proposals"]] + (
			[data["what_if"]] if data["what_if"] else []
		):
			what = "what-if " if g is data["what_if"] else ""
			print(
				f"Calibration assistant, {what}{g['name']} with CKO {g['organisation_predicate']}: "
				f"{STATUS_TEXT[g['status']]}; the fewest changes: {len(g['proposals'])}, first: "
				+ (g["proposals"][0]["text_id"] if g["proposals"] else "-")
			)
		print(f"Output: {out.resolve()} ({len(written)} HTML forms, summary.md, summary.json, index.html)")
	return data


if __name__ == "__main__":
	args = [a for a in sys.argv[1:] if not a.startswith("--")]
	main(args[0] if args else "out/sample", pdf=False if "--no-pdf" in sys.argv[1:] else None)
