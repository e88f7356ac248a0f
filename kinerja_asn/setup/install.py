"""Install, migrate and uninstall hooks: custom fields, the national dictionary and default settings."""

import json
from pathlib import Path

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

from kinerja_asn import access
from kinerja_asn.penilaian_kinerja import rollup
from kinerja_asn.scoring import angka_kredit, competency
from kinerja_asn.setup.custom_fields import get_custom_fields

DATA_DIR = Path(__file__).parent / "data"


def after_install() -> None:
	setup()


def after_migrate() -> None:
	setup()


def setup() -> None:
	"""Idempotent: runs on install and on every migrate, never overwriting what users edited."""
	create_custom_fields(get_custom_fields(), ignore_validate=True)
	add_indexes()
	seed_settings()
	seed_competencies()
	seed_core_values()
	add_supervisor_role()


def add_supervisor_role() -> None:
	"""The desk role of supervisors (kinerja_asn.access), given to everyone who has staff."""
	role = {"doctype": "Role", "role_name": "Pejabat Penilai Kinerja", "desk_access": 1}
	assert role["role_name"] == access.SUPERVISOR_ROLE
	if not frappe.db.exists("Role", role["role_name"]):
		frappe.get_doc(role).insert(ignore_permissions=True)
	access.grant_supervisor_roles()


def add_indexes() -> None:
	"""Covering indexes of the roll-up's aggregate queries (kinerja_asn.penilaian_kinerja.rollup.collect):
	feedback counted per (appraisal, rater role, docstatus), ratings averaged per (appraisal, rater role, item)
	from the rating rows alone. Each also serves every lookup of one appraisal's feedback or ratings.
	And every portal request finds the session user's employee by user_id (kinerja_asn.access.employee_of),
	which ERPNext does not index (a scan of every employee, ~10 ms at 6,000)."""
	frappe.db.add_index("Rater Feedback", RATER_FEEDBACK_INDEX)
	for child, _key, item, value in rollup.RATINGS:
		frappe.db.add_index(child, rollup.rating_index(item, value))
	frappe.db.add_index("Employee", ["user_id"])


RATER_FEEDBACK_INDEX = ["asn_appraisal", "rater_role", "docstatus"]


def before_uninstall() -> None:
	delete_custom_fields(get_custom_fields())


def delete_custom_fields(custom_fields: dict[str, list[dict]]) -> None:
	for doctype, fields in custom_fields.items():
		frappe.db.delete(
			"Custom Field",
			{"dt": doctype, "fieldname": ("in", [field["fieldname"] for field in fields])},
		)
		frappe.clear_cache(doctype=doctype)


def load_data(filename: str) -> list[dict]:
	return json.loads((DATA_DIR / filename).read_text(encoding="utf-8"))


def seed_settings() -> None:
	settings = frappe.get_single("Kinerja ASN Settings")
	changed = False
	for df in settings.meta.fields:
		if df.default and settings.get(df.fieldname) in (None, ""):
			settings.set(df.fieldname, df.default)
			changed = True
	if not settings.job_group_levels:
		for job_group in competency.JOB_GROUPS:
			settings.append(
				"job_group_levels",
				{
					"job_group": job_group,
					"standard_level": competency.DEFAULT_STANDARD_LEVELS[job_group],
					"ak_coefficient": angka_kredit.DEFAULT_JF_COEFFICIENTS.get(job_group, 0),
				},
			)
		changed = True
	if changed:
		settings.flags.ignore_permissions = True  # installer
		settings.save()


def seed_competencies() -> None:
	for record in load_data("competencies.json"):
		if frappe.db.exists("Competency", record["competency_name"]):
			continue  # never overwrite a user's edits
		doc = frappe.get_doc({"doctype": "Competency", "is_standard": 1, "enabled": 1, **record})
		doc.insert(ignore_permissions=True)  # installer


def seed_core_values() -> None:
	for record in load_data("core_values.json"):
		if frappe.db.exists("Core Value", record["value_name"]):
			continue
		frappe.get_doc(
			{
				"doctype": "Core Value",
				"value_name": record["value_name"],
				"sequence": record["idx"],
				"meaning": record["meaning"],
				"guides": [{"guide": guide} for guide in record["guides"]],
			}
		).insert(ignore_permissions=True)  # installer
