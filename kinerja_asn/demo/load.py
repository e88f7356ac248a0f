"""Demo data for trying the app on a bench: the Dinas Kesehatan of Kabupaten Batanghari.

	bench --site <site> kinerja-asn-demo [--with-feedback] [--password SECRET]

Creates (idempotently) the company, units, positions with their competency profiles, 30 employees with
users and a reports_to hierarchy, an annual Appraisal Cycle with SKP goals, the ASN Appraisals with their
rater tasks, the default distribution groups and, with --with-feedback, the raters' submitted feedback. Never
installed by default.
"""

import json
from pathlib import Path

import frappe

from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle
from kinerja_asn.penilaian_kinerja.groups import make_default_groups

DATA = Path(__file__).parent / "data" / "dinkes_batanghari.json"


def load_data() -> dict:
	return json.loads(DATA.read_text(encoding="utf-8"))


def load(with_feedback: bool = False, password: str | None = None) -> dict:
	data = load_data()
	company = ensure_company(data)
	departments = ensure_departments(data, company)
	ensure_competencies(data)
	ensure_profiles(data)
	employees = ensure_employees(data, company, departments, password)
	cycle = ensure_cycle(data, company, employees)
	ensure_goals(data, cycle, employees)
	result = create_for_cycle(cycle)
	result["distribution_groups"] = ensure_groups(data, cycle)
	if with_feedback:
		result["feedback"] = submit_feedback(data, cycle, employees)
	frappe.db.commit()  # nosemgrep: CLI command
	return {"company": company, "cycle": cycle, "employees": len(employees), **result}


def ensure_company(data: dict) -> str:
	name = data["company"]
	if not frappe.db.get_single_value("System Settings", "setup_complete"):
		# an empty site: ERPNext's setup wizard creates the company with its warehouses, accounts, etc.
		from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

		year = data["year"]
		setup_complete(
			{
				"currency": "IDR",
				"full_name": "Administrator",
				"company_name": name,
				"company_abbr": data["abbr"],
				"timezone": "Asia/Jakarta",
				"country": "Indonesia",
				"fy_start_date": f"{year}-01-01",
				"fy_end_date": f"{year}-12-31",
				"language": "English",
				"company_tagline": data["unit_kerja"],
				"chart_of_accounts": "Standard",
			}
		)
	if not frappe.db.exists("Company", name):
		frappe.get_doc(
			{
				"doctype": "Company",
				"company_name": name,
				"abbr": data["abbr"],
				"default_currency": "IDR",
				"country": "Indonesia",
			}
		).insert(ignore_permissions=True)
	return name


def ensure_departments(data: dict, company: str) -> dict[str, str]:
	names: dict[str, str] = {}
	for row in data["departments"]:
		existing = frappe.db.get_value(
			"Department", {"department_name": row["department_name"], "company": company}
		)
		if not existing:
			parent = names.get(row["parent"]) if row.get("parent") else None
			existing = (
				frappe.get_doc(
					{
						"doctype": "Department",
						"department_name": row["department_name"],
						"company": company,
						"parent_department": parent,
						"is_group": 1 if not row.get("parent") else 0,
					}
				)
				.insert(ignore_permissions=True)
				.name
			)
		names[row["department_name"]] = existing
	return names


def ensure_competencies(data: dict) -> None:
	for record in data["technical_competencies"]:
		if not frappe.db.exists("Competency", record["competency_name"]):
			frappe.get_doc({"doctype": "Competency", **record}).insert(ignore_permissions=True)


def ensure_profiles(data: dict) -> None:
	for position in data["positions"]:
		designation = position["designation"]
		if not frappe.db.exists("Designation", designation):
			frappe.get_doc({"doctype": "Designation", "designation_name": designation}).insert(
				ignore_permissions=True
			)
		if frappe.db.exists("Position Competency Profile", designation):
			continue
		profile = frappe.get_doc(
			{
				"doctype": "Position Competency Profile",
				"designation": designation,
				"job_group": position["job_group"],
			}
		)
		profile.flags.ignore_permissions = True
		profile.fill_standard_competencies()
		for row in position.get("technical", []):
			profile.append(
				"requirements", {"competency": row["competency"], "required_level": row["required_level"]}
			)
		profile.insert()


def ensure_employees(
	data: dict, company: str, departments: dict[str, str], password: str | None
) -> dict[str, str]:
	"""Sample id (E01…) → Employee name; supervisors first so reports_to exists."""
	ids: dict[str, str] = {}
	pending = list(data["employees"])
	while pending:
		row = next(r for r in pending if not r.get("reports_to") or r["reports_to"] in ids)
		pending.remove(row)
		existing = frappe.db.get_value("Employee", {"nip": row["nip"]})
		if not existing:
			ensure_user(row, password)
			existing = (
				frappe.get_doc(
					{
						"doctype": "Employee",
						"first_name": row["first_name"],
						"last_name": row.get("last_name"),
						"employee_name": row["employee_name"],
						"gender": row["gender"],
						"date_of_birth": row["date_of_birth"],
						"date_of_joining": row["date_of_joining"],
						"company": company,
						"status": "Active",
						"user_id": row["user_email"],
						"designation": row["designation"],
						"department": departments[row["department"]],
						"reports_to": ids.get(row.get("reports_to")),
						"nip": row["nip"],
						"asn_status": row["asn_status"],
						"pangkat_golongan": row["pangkat_golongan"],
					}
				)
				.insert(ignore_permissions=True)
				.name
			)
			# ERPNext builds employee_name from first/last name; keep the official name with titles
			frappe.db.set_value("Employee", existing, "employee_name", row["employee_name"])
		ids[row["id"]] = existing
	return ids


def ensure_user(row: dict, password: str | None) -> None:
	if frappe.db.exists("User", row["user_email"]):
		return
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": row["user_email"],
			"first_name": row["first_name"],
			"last_name": row.get("last_name"),
			"send_welcome_email": 0,
			"new_password": password,
			"language": "id",
		}
	)
	user.flags.no_welcome_mail = True
	user.insert(ignore_permissions=True)


def ensure_cycle(data: dict, company: str, employees: dict[str, str]) -> str:
	spec = data["cycle"]
	if frappe.db.exists("Appraisal Cycle", spec["name"]):
		return spec["name"]
	cycle = frappe.get_doc(
		{
			"doctype": "Appraisal Cycle",
			"cycle_name": spec["name"],
			"company": company,
			"start_date": spec["start_date"],
			"end_date": spec["end_date"],
			"kra_evaluation_method": "Manual Rating",
			"kinerja_period_type": spec["period_type"],
			"kinerja_period_label": spec["period_label"],
		}
	)
	for employee in employees.values():
		cycle.append("appraisees", {"employee": employee})
	cycle.insert(ignore_permissions=True)
	return cycle.name


def ensure_groups(data: dict, cycle: str) -> int:
	"""The default distribution groups of the cycle (the Dinas as one group, the Kepala Dinas with the other
	heads of perangkat daerah), with the CKO the data gives per group name."""
	make_default_groups(cycle)
	groups = frappe.get_all(
		"Distribution Group", filters={"appraisal_cycle": cycle}, fields=["name", "group_name"]
	)
	for group in groups:
		cko = data["organisation_predicates"].get(group.group_name)
		if cko:
			frappe.db.set_value("Distribution Group", group.name, "organisation_predicate", cko)
	return len(groups)


def ensure_goals(data: dict, cycle: str, employees: dict[str, str]) -> None:
	start, end = data["cycle"]["start_date"], data["cycle"]["end_date"]
	for sample_id, rows in data["skp"].items():
		employee = employees[sample_id]
		if frappe.db.exists("Goal", {"employee": employee, "appraisal_cycle": cycle}):
			continue
		for row in rows:
			frappe.get_doc(
				{
					"doctype": "Goal",
					"goal_name": row["rhk"][:140],
					"employee": employee,
					"appraisal_cycle": cycle,
					"start_date": start,
					"end_date": end,
					"jenis_rhk": row["jenis"],
					"rhk_atasan": row.get("rhk_atasan"),
					"iki": row["iki"],
					"aspek": row.get("aspek"),
					"perspektif": row.get("perspektif"),
					"target_value": row["target"],
					"target_unit": row.get("satuan"),
					"realisasi_value": row["realisasi"],
					"umpan_balik": row.get("umpan_balik"),
				}
			).insert(ignore_permissions=True)


def submit_feedback(data: dict, cycle: str, employees: dict[str, str]) -> int:
	count = 0
	for rating in data["ratings"]:
		appraisal = frappe.db.get_value(
			"ASN Appraisal",
			{"employee": employees[rating["employee"]], "appraisal_cycle": cycle, "docstatus": 0},
		)
		name = appraisal and frappe.db.get_value(
			"Rater Feedback",
			{"asn_appraisal": appraisal, "rater": employees[rating["rater"]], "docstatus": 0},
		)
		if not name:
			continue
		doc = frappe.get_doc("Rater Feedback", name)
		for row in doc.competency_ratings:
			row.level = rating["competencies"].get(row.competency, 0)
		for row in doc.behaviour_ratings:
			row.score = rating["behaviours"].get(row.core_value, 0)
		doc.feedback = rating.get("feedback")
		doc.submit()
		count += 1
	return count
