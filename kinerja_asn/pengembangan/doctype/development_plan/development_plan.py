# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""Rencana Pengembangan Kompetensi: one per employee per year.

Not submittable, on purpose: the plan is a living document of the year. Its realisation (realised JP per
activity and for the year) keeps changing from Training Event attendance, activities are added when training
is offered, and the link to the source appraisal must not block cancelling and amending that appraisal (a
submitted document linking it would). The supervisor (or HR) approves it (status Disetujui); changing the
planned activities of an approved plan returns it to Draft. Every change is kept (track changes).
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, flt, getdate, now_datetime, today

from kinerja_asn import access
from kinerja_asn.pengembangan import jp
from kinerja_asn.rules import rule_errors
from kinerja_asn.scoring import development

DRAFT = "Draft"
APPROVED = "Disetujui"
EMPLOYEE_FIELDS = ("employee_name", "nip", "asn_status", "company", "department", "designation")
PLANNED_FIELDS = ("competency", "development_method", "training_program", "training_event", "planned_jp")


class DevelopmentPlan(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from kinerja_asn.pengembangan.doctype.development_plan_item.development_plan_item import (
			DevelopmentPlanItem,
		)

		appraisal_cycle: DF.Link | None
		approved_by: DF.Link | None
		approved_on: DF.Datetime | None
		asn_appraisal: DF.Link | None
		asn_status: DF.Data | None
		company: DF.Link | None
		department: DF.Link | None
		designation: DF.Link | None
		employee: DF.Link
		employee_name: DF.Data | None
		items: DF.Table[DevelopmentPlanItem]
		jp_cap: DF.Float
		jp_percent: DF.Percent
		jp_refreshed_on: DF.Datetime | None
		jp_remaining: DF.Float
		jp_status: DF.Literal[
			"", "Belum Terpenuhi", "Terpenuhi", "Dalam Batas", "Melebihi Batas", "Tanpa Target"
		]
		jp_target: DF.Float
		naming_series: DF.Literal["RPK-.YYYY.-"]
		nip: DF.Data | None
		notes: DF.SmallText | None
		status: DF.Literal["Draft", "Disetujui"]
		supervisor: DF.Link | None
		supervisor_name: DF.Data | None
		total_planned_jp: DF.Float
		total_realised_jp: DF.Float
		unplanned_jp: DF.Float
		year: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		self.set_employee_details()
		self.validate_year()
		self.validate_duplicate()
		self.validate_source_appraisal()
		self.set_gap_details()
		self.validate_items()
		self.refresh_realisation()
		self.check_planned_jp()
		self.reset_approval_on_change()

	def set_employee_details(self) -> None:
		values = frappe.db.get_value(
			"Employee", self.employee, [*EMPLOYEE_FIELDS, "reports_to"], as_dict=True
		)
		if not values:
			frappe.throw(_("Employee {0} does not exist.").format(self.employee))
		for field in EMPLOYEE_FIELDS:
			self.set(field, values.get(field))
		if not self.supervisor and values.reports_to:
			self.supervisor = values.reports_to
		self.supervisor_name = (
			frappe.db.get_value("Employee", self.supervisor, "employee_name") if self.supervisor else None
		)

	def validate_year(self) -> None:
		if not 2000 <= cint(self.year) <= 2100:
			frappe.throw(_("Enter the year of the plan, for example {0}.").format(getdate(today()).year))

	def validate_duplicate(self) -> None:
		existing = frappe.db.get_value(
			"Development Plan",
			{"employee": self.employee, "year": self.year, "name": ("!=", self.name or "")},
		)
		if existing:
			frappe.throw(
				_("{0} already has Development Plan {1} for {2}: add the activities there.").format(
					frappe.bold(self.employee_name or self.employee),
					frappe.get_desk_link("Development Plan", existing),
					self.year,
				),
				frappe.DuplicateEntryError,
				title=_("One Plan per Employee per Year"),
			)

	def validate_source_appraisal(self) -> None:
		if not self.asn_appraisal:
			self.appraisal_cycle = None
			return
		values = frappe.db.get_value(
			"ASN Appraisal", self.asn_appraisal, ["employee", "appraisal_cycle", "docstatus"], as_dict=True
		)
		if not values or values.employee != self.employee or values.docstatus == 2:
			frappe.throw(
				_("ASN Appraisal {0} is not a valid appraisal of {1}.").format(
					frappe.bold(self.asn_appraisal), frappe.bold(self.employee_name or self.employee)
				)
			)
		self.appraisal_cycle = values.appraisal_cycle

	def set_gap_details(self) -> None:
		"""Required and assessed level and gap of each activity's competency, from the source appraisal."""
		rows = gap_rows(self.asn_appraisal) if self.asn_appraisal else {}
		for item in self.items:
			row = rows.get(item.competency) if item.competency else None
			item.required_level = row.required_level if row else 0
			item.assessed_level = row.assessed_level if row else 0
			item.gap = row.gap if row else 0

	def validate_items(self) -> None:
		events = {item.training_event for item in self.items if item.training_event}
		programs = (
			dict(
				frappe.get_all(
					"Training Event",
					filters={"name": ("in", list(events))},
					fields=["name", "training_program"],
					as_list=True,
				)
			)
			if events
			else {}
		)
		for item in self.items:
			if flt(item.planned_jp) < 0:
				frappe.throw(
					_("Row {0}: the planned JP must be 0 or more.").format(item.idx), title=_("Invalid JP")
				)
			program = programs.get(item.training_event)
			if item.training_event and program:
				if item.training_program and item.training_program != program:
					frappe.throw(
						_("Row {0}: Training Event {1} belongs to Training Program {2}, not {3}.").format(
							item.idx,
							frappe.bold(item.training_event),
							frappe.bold(program),
							frappe.bold(item.training_program),
						)
					)
				item.training_program = program

	def refresh_realisation(self) -> None:
		target, cap = jp.targets()
		attended = jp.attended([self.employee], cint(self.year)).get(self.employee, [])
		apply_realisation(self, attended, target, cap)

	def check_planned_jp(self) -> None:
		_target, cap = jp.targets()
		with rule_errors(_("Too Many JP Planned")):
			development.check_planned_jp(flt(self.total_planned_jp), self.asn_status or "", cap)
		if self.jp_target and flt(self.total_planned_jp) < flt(self.jp_target) and not self.flags.quiet:
			frappe.msgprint(
				_("The plan has {0} JP; {1} needs at least {2} JP in {3}.").format(
					f"{flt(self.total_planned_jp):g}",
					self.employee_name,
					f"{flt(self.jp_target):g}",
					self.year,
				),
				indicator="orange",
				alert=True,
			)

	def reset_approval_on_change(self) -> None:
		if self.is_new() or self.status != APPROVED:
			return
		before = self.get_doc_before_save()
		if before and planned_signature(before) != planned_signature(self):
			self.status = DRAFT
			self.approved_by = None
			self.approved_on = None
			frappe.msgprint(
				_("The planned activities changed: the plan is back in Draft and needs approval again."),
				indicator="orange",
				alert=True,
			)

	@frappe.whitelist()
	def approve(self) -> None:
		"""The supervisor of the employee (anyone above them in the line) or HR approves the plan (decided on the
		stored plan: a doc method may be called with a client-built document)."""
		if not access.can_manage_plan(frappe.db.get_value("Development Plan", self.name, "employee")):
			frappe.throw(
				_("Only a supervisor of {0} or HR can approve this plan.").format(self.employee_name),
				frappe.PermissionError,
			)
		if not self.items:
			frappe.throw(_("Add at least one development activity before approving the plan."))
		self.status = APPROVED
		self.approved_by = frappe.session.user
		self.approved_on = now_datetime()
		self.flags.ignore_permissions = True  # checked above: a supervisor approves their line's plan
		self.flags.approving = True
		self.save()

	@frappe.whitelist()
	def refresh_jp(self) -> None:
		"""Recompute the realised JP from training attendance (derived values only; any reader may)."""
		self.check_permission("read")
		refresh_plans(names=[self.name])


def on_doctype_update() -> None:
	"""One plan per employee per year, also for concurrent inserts (called by Frappe at migrate)."""
	frappe.db.add_unique("Development Plan", ["employee", "year"], constraint_name="unique_employee_year")


def planned_signature(doc) -> list[tuple]:
	return [tuple(row.get(f) or None for f in PLANNED_FIELDS) for row in doc.get("items") or []]


def gap_rows(asn_appraisal: str) -> dict[str, frappe._dict]:
	"""The assessed competency rows of an appraisal (rater_count > 0), by competency."""
	rows = frappe.get_all(
		"ASN Appraisal Competency",
		filters={"parent": asn_appraisal, "parenttype": "ASN Appraisal"},
		fields=["competency", "required_level", "assessed_level", "gap", "rater_count"],
		order_by="idx asc",
	)
	return {row.competency: row for row in rows if row.rater_count}


def apply_realisation(plan, attended, target: dict, cap: dict) -> None:
	"""Write realised JP per activity, the year's totals, progress and status on a plan (doc or _dict)."""
	items = plan.get("items") or []
	realised, unplanned = development.allocate_realised(
		[(item.training_event, item.training_program) for item in items], attended
	)
	for item, value in zip(items, realised, strict=True):
		item.realised_jp = value
		item.status = development.item_status(flt(item.planned_jp), value)
	total = jp.realised_total(attended)
	progress = development.jp_progress(total, plan.asn_status or "", target, cap)
	plan.jp_target = progress["target"] or 0
	plan.jp_cap = progress["cap"] or 0
	plan.total_planned_jp = round(sum(flt(item.planned_jp) for item in items), 2)
	plan.total_realised_jp = total
	plan.unplanned_jp = unplanned
	plan.jp_remaining = progress["remaining"]
	plan.jp_percent = progress["percent"] or 0
	plan.jp_status = development.jp_status(progress)
	plan.jp_refreshed_on = now_datetime()


# ---------------------------------------------------------------------------------------- bulk refresh

PLAN_TOTALS = (
	"jp_target",
	"jp_cap",
	"total_planned_jp",
	"total_realised_jp",
	"unplanned_jp",
	"jp_remaining",
	"jp_percent",
	"jp_status",
	"jp_refreshed_on",
)


def refresh_plans(
	names: list[str] | None = None, year: int | None = None, employees: list[str] | None = None
):
	"""Recompute the realisation of many plans set-based (a few queries and bulk updates, no saves).

	Select plans by name, or by year (and employees). Returns the number of plans refreshed.
	"""
	from kinerja_asn.db import bulk_update

	filters = {}
	if names is not None:
		filters["name"] = ("in", names or [""])
	if year is not None:
		filters["year"] = cint(year)
	if employees is not None:
		filters["employee"] = ("in", employees or [""])
	plans = frappe.get_all("Development Plan", filters=filters, fields=["name", "employee", "year"])
	if not plans:
		return 0
	status = dict(
		frappe.get_all(
			"Employee",
			filters={"name": ("in", list({p.employee for p in plans}))},
			fields=["name", "asn_status"],
			as_list=True,
		)
	)
	docs = {p.name: frappe._dict(p, asn_status=status.get(p.employee) or "", items=[]) for p in plans}
	for row in frappe.get_all(
		"Development Plan Item",
		filters={"parent": ("in", list(docs)), "parenttype": "Development Plan"},
		fields=["name", "parent", "training_event", "training_program", "planned_jp"],
		order_by="idx asc",
	):
		docs[row.parent]["items"].append(row)

	target, cap = jp.targets()
	by_year: dict[int, list[frappe._dict]] = {}
	for doc in docs.values():
		by_year.setdefault(cint(doc.year), []).append(doc)
	parent_updates, item_updates = {}, {}
	for plan_year, year_docs in by_year.items():
		attended = jp.attended([d.employee for d in year_docs], plan_year)
		for doc in year_docs:
			apply_realisation(doc, attended.get(doc.employee, []), target, cap)
			parent_updates[doc.name] = {"asn_status": doc.asn_status, **{f: doc[f] for f in PLAN_TOTALS}}
			for item in doc["items"]:
				item_updates[item.name] = {"realised_jp": item.realised_jp, "status": item.status}
	bulk_update("Development Plan", parent_updates)
	bulk_update("Development Plan Item", item_updates)
	return len(docs)


# ------------------------------------------------------------------------------ from an ASN Appraisal


@frappe.whitelist(methods=["POST"])
def make_from_appraisal(asn_appraisal: str, year: int | None = None) -> dict:
	"""Create (or extend) the employee's plan for `year` from the appraisal's negative competency gaps.

	HR or a supervisor of the appraised employee (their Pejabat Penilai or anyone above them in the line).
	Each competency below its required level becomes an activity with the suggested method and a share of the
	year's JP (in proportion to the gap). Competencies already in the plan are not added twice.
	"""
	row = access.stored_appraisal(asn_appraisal)
	access.require(
		bool(row) and (access.is_hr() or access.supervises(row)),
		_(
			"Only the Pejabat Penilai Kinerja of this employee, their supervisors or HR can plan their development."
		),
	)
	appraisal = frappe.get_doc("ASN Appraisal", row.name)
	if appraisal.docstatus == 2:
		frappe.throw(_("ASN Appraisal {0} is cancelled.").format(frappe.bold(appraisal.name)))
	year = cint(year) or getdate(today()).year
	gaps = [
		row for row in appraisal.competencies if row.rater_count and row.assessed_level and flt(row.gap) < 0
	]
	if not gaps:
		frappe.throw(
			_(
				"{0} has no assessed competency below its required level in {1}: there is no gap to plan for. "
				"Create a Development Plan by hand if development is still needed."
			).format(appraisal.employee_name, appraisal.name),
			title=_("No Competency Gap"),
		)

	name = frappe.db.get_value("Development Plan", {"employee": appraisal.employee, "year": year})
	plan = frappe.get_doc("Development Plan", name) if name else frappe.new_doc("Development Plan")
	if plan.is_new():
		plan.update(
			{
				"employee": appraisal.employee,
				"year": year,
				"asn_appraisal": appraisal.name,
				"supervisor": appraisal.evaluator,
			}
		)
	elif not plan.asn_appraisal:
		plan.asn_appraisal = appraisal.name
	present = {item.competency for item in plan.items if item.competency}
	new = [row for row in gaps if row.competency not in present]
	target, cap = jp.targets()
	basis = development.planning_basis(appraisal.asn_status or "", target, cap)
	still_free = max(basis - sum(flt(item.planned_jp) for item in plan.items), 0)
	shares = development.allocate_jp([flt(row.gap) for row in new], still_free)
	programs = suggested_programs([row.competency for row in new], appraisal.company)
	for row, share in zip(new, shares, strict=True):
		plan.append(
			"items",
			{
				"competency": row.competency,
				"development_method": (development.suggest_methods(flt(row.gap)) or ["Pelatihan"])[0],
				"training_program": programs.get(row.competency),
				"planned_jp": share,
				"description": _("Close the gap of {0} (level {1} of {2} required).").format(
					row.competency, flt(row.assessed_level, 2), row.required_level
				),
			},
		)
	plan.flags.ignore_permissions = True  # checked above: HR or a supervisor of the employee
	plan.save()
	return {"name": plan.name, "created": not name, "added": len(new), "year": year}


def suggested_programs(competencies: list[str], company: str | None) -> dict[str, str]:
	"""A scheduled Training Program per competency, when Training Program has the `competency` field."""
	if not competencies or not frappe.get_meta("Training Program").has_field("competency"):
		return {}
	filters = {"competency": ("in", competencies), "status": ("!=", "Cancelled")}
	if company:
		filters["company"] = company
	out = {}
	for row in frappe.get_all(
		"Training Program", filters=filters, fields=["name", "competency"], order_by="modified desc"
	):
		out.setdefault(row.competency, row.name)
	return out
