"""Factories for the Pengembangan integration tests (run under bench only)."""

import frappe

from kinerja_asn.tests.utils import (
	get_company,
	make_asn,
	make_department,
	make_profile,
	make_technical_competency,
)

DOMAIN = "pengembangan.test"
SURVEILANS = "_Test PG Surveilans"
PROMKES = "_Test PG Promkes"


def user(key: str) -> str:
	return f"{key}@{DOMAIN}"


def make_profiles() -> None:
	make_technical_competency(SURVEILANS)
	make_technical_competency(PROMKES)
	make_profile("_Test PG Kepala", "Administrator")
	make_profile("_Test PG Staf", "Pelaksana", [(SURVEILANS, 3), (PROMKES, 2)])


def make_team(prefix: str, staff: int, first: str = "Staf") -> dict:
	"""A unit `_Test PG <prefix>`: a head (key "head") and `staff` staff ("s1".."sn") reporting to them."""
	make_profiles()
	unit = make_department(f"_Test PG {prefix}")
	team = {"unit": unit}
	team["head"] = make_asn(user(f"{prefix}.head"), "_Test PG Kepala", unit, first_name=f"Kepala {prefix}")
	for i in range(1, staff + 1):
		team[f"s{i}"] = make_asn(
			user(f"{prefix}.s{i}"), "_Test PG Staf", unit, team["head"], first_name=f"{first} {prefix} {i}"
		)
	return team


def set_status(employee: str, asn_status: str | None) -> None:
	frappe.db.set_value("Employee", employee, "asn_status", asn_status)


def make_program(name: str, competency: str | None = None) -> str:
	if frappe.db.exists("Training Program", name):
		return name
	doc = frappe.get_doc(
		{
			"doctype": "Training Program",
			"training_program": name,
			"company": get_company(),
			"description": name,
		}
	)
	if competency and frappe.get_meta("Training Program").has_field("competency"):
		doc.competency = competency
	return doc.insert(ignore_permissions=True).name


def make_event(
	name: str,
	attendance: dict[str, str],
	start: str,
	end: str,
	program: str | None = None,
	jp: float | None = None,
	status: str = "Completed",
	submit: bool = True,
) -> str:
	"""A Training Event with rows employee -> "Present"/"Absent", submitted by default."""
	doc = frappe.get_doc(
		{
			"doctype": "Training Event",
			"event_name": name,
			"training_program": program,
			"event_status": status,
			"type": "Workshop",
			"company": get_company(),
			"location": "Muara Bulian",
			"start_time": start,
			"end_time": end,
			"introduction": name,
			"employees": [{"employee": e, "attendance": a} for e, a in attendance.items()],
		}
	)
	if jp is not None:
		doc.jp = jp
	doc.insert(ignore_permissions=True)
	if submit:
		doc.submit()
	return doc.name


def has_event_jp() -> bool:
	return frappe.get_meta("Training Event").has_field("jp")
