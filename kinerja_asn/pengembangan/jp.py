"""Jam pelajaran (JP): realised JP from HRMS training attendance, and the year's minimum and maximum.

An employee earns the JP of a Training Event when the event is submitted and Completed and their row in it
is marked Present. The JP of an event is its `jp` custom field when set, else its duration at the settings'
minutes per JP (kinerja_asn.scoring.development.event_jp). The year of an event is the year it starts.
"""

from collections import defaultdict

import frappe
from frappe.utils import cint, flt

from kinerja_asn.scoring import development
from kinerja_asn.scoring.development import Attendance
from kinerja_asn.scoring.errors import RuleError
from kinerja_asn.settings import get_settings


def targets() -> tuple[dict[str, float], dict[str, float]]:
	"""(minimum JP per status, maximum JP per status) from Kinerja ASN Settings, else the core's defaults."""
	s = get_settings()
	target = dict(development.DEFAULT_JP_TARGET)
	cap = dict(development.DEFAULT_JP_CAP)
	if flt(s.get("jp_target_pns")) > 0:
		target[development.PNS] = flt(s.jp_target_pns)
	if flt(s.get("jp_cap_pppk")) > 0:
		cap[development.PPPK] = flt(s.jp_cap_pppk)
	return target, cap


def minutes_per_jp() -> float:
	return flt(get_settings().get("minutes_per_jp")) or development.DEFAULT_MINUTES_PER_JP


def has_event_jp_field() -> bool:
	return frappe.get_meta("Training Event").has_field("jp")


def attended(employees: list[str] | None, year: int) -> dict[str, list[Attendance]]:
	"""Per employee, the training events of `year` they attended, with the JP each earns.

	`employees` None means everyone (one query either way; an employee listed twice in an event counts once).
	"""
	out: dict[str, list[Attendance]] = defaultdict(list)
	if employees is not None and not employees:
		return out
	year = cint(year)
	TE = frappe.qb.DocType("Training Event")
	TEE = frappe.qb.DocType("Training Event Employee")
	fields = [TEE.employee, TE.name, TE.training_program, TE.start_time, TE.end_time]
	if has_event_jp_field():
		fields.append(TE.jp)
	query = (
		frappe.qb.from_(TE)
		.join(TEE)
		.on((TEE.parent == TE.name) & (TEE.parenttype == "Training Event"))
		.select(*fields)
		.where(
			(TE.docstatus == 1)
			& (TE.event_status == "Completed")
			& (TEE.attendance == "Present")
			& (TE.start_time >= f"{year}-01-01")
			& (TE.start_time < f"{year + 1}-01-01")
			& TEE.employee.isnotnull()
		)
		.orderby(TE.start_time)
		.orderby(TE.name)
	)
	if employees is not None:
		query = query.where(TEE.employee.isin(list(employees)))
	per_minute = minutes_per_jp()
	seen: set[tuple[str, str]] = set()
	event_jp: dict[str, float] = {}
	for row in query.run():
		employee, event, program, start, end = row[:5]
		if (employee, event) in seen:
			continue
		seen.add((employee, event))
		if event not in event_jp:
			try:
				event_jp[event] = development.event_jp(
					start, end, flt(row[5]) if len(row) > 5 else None, per_minute
				)
			except RuleError:
				event_jp[event] = 0.0  # an event without a valid duration earns nothing
		out[employee].append(Attendance(event, program, event_jp[event]))
	return out


def realised_total(rows: list[Attendance]) -> float:
	return round(sum(row.jp for row in rows), 2)
