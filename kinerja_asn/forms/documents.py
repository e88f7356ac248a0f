"""The bench-side source of the form pipeline: the facts of a form read from stored Frappe documents.

``StoredAppraisal`` (an ASN Appraisal) and ``StoredCalibration`` (a Predicate Calibration, for the Penetapan
Predikat Kinerja) implement ``kinerja_asn.forms.build.AppraisalSource`` / ``UnitSource``; ``build`` hands them
to the one pipeline, ``kinerja_asn.forms.build``, which makes the ``form`` dict of the templates. This module
only reads: the documents and their neighbours (employees, units, goals, the unit's calibration, the feedback
of one rater role) with a handful of queries per form, each when a form first needs it.

Access: who may print a form is decided by kinerja_asn.access; ``forms.jinja.kinerja_form`` checks it on the
stored document before it calls ``build`` (the desk print formats and the bulk PDF of a unit both go through
it). ``build`` itself checks nothing.
"""

import base64
import mimetypes
from collections import Counter
from functools import cached_property
from typing import Any

import frappe
from frappe import _
from frappe.query_builder.functions import Count
from frappe.utils import cint, flt, getdate

from kinerja_asn.forms import build as pipeline
from kinerja_asn.forms import context as ctx
from kinerja_asn.penilaian_kinerja import groups
from kinerja_asn.penilaian_kinerja.groups import GROUP
from kinerja_asn.scoring import competency as comp
from kinerja_asn.scoring import ratings
from kinerja_asn.settings import min_group_size

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
FORMS = {
	**dict.fromkeys(pipeline.APPRAISAL_FORMS, APPRAISAL),
	**dict.fromkeys(pipeline.UNIT_FORMS, CALIBRATION),
}


# ---------------------------------------------------------------------------------------------------------
# Shared: settings, units, people
# ---------------------------------------------------------------------------------------------------------


def settings() -> frappe._dict:
	s = frappe.get_cached_doc("Kinerja ASN Settings")
	return frappe._dict(
		instansi=(s.instansi_name or "").strip(),
		city=(s.city or "").strip(),
		logo=logo_data_uri(s.instansi_logo),
		form=pipeline.Settings(
			perilaku_above=flt(s.perilaku_above_threshold) or ratings.DEFAULT_PERILAKU_ABOVE,
			perilaku_below=flt(s.perilaku_below_threshold) or ratings.DEFAULT_PERILAKU_BELOW,
			jp_target_pns=flt(s.jp_target_pns),
			jp_cap_pppk=flt(s.jp_cap_pppk),
			min_group_size=min_group_size(),
			max_rounding=s.distribution_max_rounding or None,
			min_rounding=s.distribution_min_rounding or None,
		),
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


def unit_names(departments) -> dict[str, tuple[str, str]]:
	"""Department -> (unit kerja text, unit organisasi).

	The unit organisasi is the department's top ancestor below the root ("Dinas Kesehatan"); the unit kerja
	text names both (``context.unit_kerja_text``).
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
		out[department] = (ctx.unit_kerja_text(row.department_name, organisation), organisation)
	return out


def people(employees) -> dict[str, frappe._dict]:
	names = [e for e in employees if e]
	if not names:
		return {}
	rows = frappe.get_all("Employee", filters={"name": ("in", names)}, fields=list(EMPLOYEE_FIELDS))
	return {row.name: row for row in rows}


def person(row, units: dict[str, tuple[str, str]]) -> pipeline.Person:
	"""A pipeline Person from an Employee row (or the same fields of an ASN Appraisal)."""
	return pipeline.Person(
		nama=row.employee_name or "",
		nip=row.nip,
		golongan=row.pangkat_golongan,
		asn_status=row.asn_status,
		jabatan=row.designation or "",
		unit_kerja=units.get(row.department, ("", ""))[0] if row.department else "",
	)


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


def group_distribution(employee: str | None, appraisal_cycle: str | None) -> pipeline.UnitDistribution | None:
	"""The distribution group of an appraisee: its CKO (from its Predicate Calibration, the submitted one
	first, else the group's own), its name and its predikat counts; None when the appraisee has no group."""
	group = groups.group_of(employee, appraisal_cycle)
	if not group:
		return None
	info = frappe.db.get_value(GROUP, group, ["group_name", "organisation_predicate"], as_dict=True)
	calibrated = frappe.get_all(
		CALIBRATION,
		filters={"distribution_group": group, "docstatus": ("<", 2)},
		pluck="organisation_predicate",
		order_by="docstatus desc, modified desc",
		limit=1,
	)
	counts = Counter(
		r.predikat for r in groups.member_appraisals(group, ["predikat"]) if r.predikat in ratings.PREDIKAT
	)
	return pipeline.UnitDistribution(
		organisation_predicate=(calibrated[0] if calibrated else None) or info.organisation_predicate,
		counts=dict(counts),
		group=info.group_name,
	)


def positive(value) -> float | None:
	"""A Float field that was never set reads 0: None for "not assessed" (levels and scores start at 1)."""
	value = flt(value)
	return value if value > 0 else None


# ---------------------------------------------------------------------------------------------------------
# One ASN Appraisal
# ---------------------------------------------------------------------------------------------------------


class StoredAppraisal:
	"""``AppraisalSource`` of a stored ASN Appraisal; related records are read once, when first needed."""

	def __init__(self, doc):
		self.doc = doc

	@cached_property
	def _settings(self) -> frappe._dict:
		return settings()

	@property
	def settings(self) -> pipeline.Settings:
		return self._settings.form

	@cached_property
	def _people(self) -> dict[str, frappe._dict]:
		return people([self.doc.employee, self.doc.evaluator, self.doc.evaluator_supervisor])

	@cached_property
	def _units(self) -> dict[str, tuple[str, str]]:
		return unit_names([self.doc.department, *(p.department for p in self._people.values())])

	@cached_property
	def period(self) -> pipeline.Period:
		doc, s = self.doc, self._settings
		start, end = doc.start_date, doc.end_date
		if not (start and end):  # the appraisal's own period, else its cycle's
			cycle = frappe.db.get_value(
				"Appraisal Cycle", doc.appraisal_cycle, ["start_date", "end_date"], as_dict=True
			)
			start, end = start or (cycle and cycle.start_date), end or (cycle and cycle.end_date)
		return pipeline.Period(
			instansi=s.instansi or (doc.company or ""),
			unit_organisasi=self._units.get(doc.department, ("", ""))[1] if doc.department else "",
			city=s.city,
			start=getdate(start),
			end=getdate(end),
			period_label=doc.period_label or "",
			period_type=doc.period_type or "Tahunan",
			logo=s.logo,
		)

	@property
	def employee(self) -> pipeline.Person:
		# the appraisal's own copy of the employee's fields (as of the appraisal)
		return person(self.doc, self._units)

	def _of(self, employee: str | None) -> pipeline.Person | None:
		row = self._people.get(employee) if employee else None
		return person(row, self._units) if row else None

	@property
	def evaluator(self) -> pipeline.Person | None:
		return self._of(self.doc.evaluator)

	@property
	def evaluator_supervisor(self) -> pipeline.Person | None:
		return self._of(self.doc.evaluator_supervisor)

	@property
	def job_group(self) -> str:
		return self.doc.job_group or ""

	@property
	def asn_status(self) -> str:
		return self.doc.asn_status or ""

	@cached_property
	def results(self) -> list[dict[str, Any]]:
		names = [row.goal for row in self.doc.results if row.goal]
		goals = (
			{
				row.name: row
				for row in frappe.get_all(
					"Goal",
					filters={"name": ("in", names)},
					fields=["name", "rhk_atasan", "aspek", "perspektif", "target_unit", "umpan_balik"],
				)
			}
			if names
			else {}
		)
		rows = []
		for row in self.doc.results:
			goal = goals.get(row.goal) or frappe._dict()
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
		return rows

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

	@property
	def expectations(self) -> dict[str, str]:
		return {}  # no Ekspektasi Khusus Pimpinan is recorded: the SKP leaves the column to be filled in

	@cached_property
	def behaviours(self) -> list[pipeline.Behaviour]:
		return [
			pipeline.Behaviour(row.core_value, positive(row.score), cint(row.rater_count))
			for row in self.doc.behaviours
		]

	@cached_property
	def competencies(self) -> list[pipeline.CompetencyLine]:
		rows = []
		for row in self.doc.competencies:
			assessed = positive(row.assessed_level)
			required = cint(row.required_level)
			rows.append(
				pipeline.CompetencyLine(
					competency=row.competency,
					competency_type=row.competency_type or "",
					required=required,
					assessed=assessed,
					gap=comp.gap(assessed, required) if assessed is not None else None,
					rater_count=cint(row.rater_count),
				)
			)
		return rows

	@property
	def role_summary(self) -> list[dict[str, Any]]:
		return [
			{
				"role": row.rater_role,
				"raters": cint(row.raters_submitted),
				"competency_mean": flt(row.competency_mean) or None,
				"behaviour_mean": flt(row.behaviour_mean) or None,
				"weight": flt(row.weight),
			}
			for row in self.doc.role_summary
		]

	@cached_property
	def outcome(self) -> pipeline.Outcome:
		doc = self.doc
		return pipeline.Outcome(
			hasil_kerja_rating=doc.hasil_kerja_rating,
			perilaku_rating=doc.perilaku_rating,
			predikat=doc.predikat,
			angka_kredit=positive(doc.angka_kredit),
			jpm=flt(doc.jpm),
			jpm_capped=flt(doc.jpm_capped),
			jpm_category=doc.jpm_category,
			potential=doc.potential,
			talent_box=cint(doc.talent_box) or None,
			notes=doc.notes or "",
			periodic_summary=doc.periodic_summary or "",
		)

	@cached_property
	def unit(self) -> pipeline.UnitDistribution:
		"""The appraisee's distribution group; before HR made the groups, the unit kerja, not yet checked."""
		return group_distribution(self.doc.employee, self.doc.appraisal_cycle) or pipeline.UnitDistribution(
			organisation_predicate=None,
			counts=unit_distribution(self.doc.department, self.doc.appraisal_cycle),
		)

	def feedback(self, role: str) -> pipeline.RoleFeedback:
		"""The submitted Rater Feedback of ``role`` on this appraisal: texts, behaviour notes, levels."""
		out = pipeline.RoleFeedback()
		rows = frappe.get_all(
			"Rater Feedback",
			filters={"asn_appraisal": self.doc.name, "docstatus": 1, "rater_role": role},
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

	@cached_property
	def _level_titles(self) -> dict[tuple[str, int], str]:
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

	def level_title(self, competency: str, level: int) -> str:
		return self._level_titles.get((competency, level), "")


# ---------------------------------------------------------------------------------------------------------
# One Predicate Calibration
# ---------------------------------------------------------------------------------------------------------


class StoredCalibration:
	"""``UnitSource`` of a stored Predicate Calibration: the unit's Penetapan Predikat Kinerja."""

	def __init__(self, doc):
		self.doc = doc

	@cached_property
	def _appraisals(self) -> dict[str, frappe._dict]:
		names = [row.asn_appraisal for row in self.doc.employees if row.asn_appraisal]
		if not names:
			return {}
		return {
			row.name: row
			for row in frappe.get_all(
				APPRAISAL,
				filters={"name": ("in", names)},
				fields=["name", "employee", "nip", "designation", "evaluator"],
			)
		}

	@cached_property
	def members(self) -> list[pipeline.Member]:
		rows = []
		for row in self.doc.employees:
			appraisal = self._appraisals.get(row.asn_appraisal) or frappe._dict()
			rows.append(
				pipeline.Member(
					nama=row.employee_name or "",
					nip=appraisal.nip,
					jabatan=appraisal.designation or "",
					hasil_kerja_rating=row.hasil_kerja_rating,
					perilaku_rating=row.perilaku_rating,
					predikat=row.predikat,
					employee=appraisal.employee,
					evaluator=appraisal.evaluator,
				)
			)
		return rows

	@property
	def leader(self) -> str | None:
		return self.doc.leader or None

	@cached_property
	def _people(self) -> dict[str, frappe._dict]:
		return people([self.doc.leader, pipeline.unit_head(self.members, self.leader)])

	@cached_property
	def _units(self) -> dict[str, tuple[str, str]]:
		return unit_names([self.doc.department, *(p.department for p in self._people.values())])

	def person(self, employee: str) -> pipeline.Person | None:
		row = self._people.get(employee)
		return person(row, self._units) if row else None

	@property
	def unit_kerja(self) -> str:
		if not self.doc.department:  # the group of the heads of perangkat daerah
			return self.doc.group_name or ""
		return self._units.get(self.doc.department, (self.doc.department, ""))[0]

	@property
	def group_name(self) -> str:
		return self.doc.group_name or ""

	@property
	def settings(self) -> pipeline.Settings:
		return settings().form

	@property
	def organisation_predicate(self) -> str:
		return self.doc.organisation_predicate

	@cached_property
	def period(self) -> pipeline.Period:
		doc, s = self.doc, settings()
		cycle = frappe._dict(
			frappe.db.get_value(
				"Appraisal Cycle",
				doc.appraisal_cycle,
				["start_date", "end_date", "kinerja_period_type", "kinerja_period_label"],
				as_dict=True,
			)
			or {}
		)
		return pipeline.Period(
			instansi=s.instansi or (doc.company or ""),
			unit_organisasi=self._units.get(doc.department, ("", ""))[1],
			city=s.city,
			start=getdate(cycle.start_date),
			end=getdate(cycle.end_date),
			period_label=cycle.kinerja_period_label or "Akhir",
			period_type=cycle.kinerja_period_type or "Tahunan",
			logo=s.logo,
		)


# ---------------------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------------------


def build(form: str, doc) -> dict[str, Any]:
	"""The ``form`` context of one official form for a stored document (no access check: see forms.jinja)."""
	doctype = FORMS.get(form)
	if not doctype:
		frappe.throw(_("Unknown form {0}. Use one of: {1}.").format(form, ", ".join(FORMS)))
	if doc.doctype != doctype:
		frappe.throw(_("Form {0} is printed from {1}, not {2}.").format(form, _(doctype), _(doc.doctype)))
	if doctype == CALIBRATION:
		return pipeline.penetapan_predikat(StoredCalibration(doc))
	return pipeline.appraisal_form(form, StoredAppraisal(doc))
