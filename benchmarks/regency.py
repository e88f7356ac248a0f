"""The generated regency every benchmark runs on: shared data generation and site helpers (never shipped).

	cd ~/frappe-bench
	env/bin/python apps/kinerja_asn/benchmarks/regency.py --site bench.test --units 60

builds (idempotently, with bulk inserts, committed) a regency of `units` × 100 ASN with a reports_to hierarchy,
position profiles of 13 competencies, an annual cycle, ASN Appraisals and, from the hierarchy, about 5.8 Rater
Feedback per appraisal with 20 ratings each (90% submitted): at 60 units 6,000 ASN, 35,880 feedback, 717,600
rating rows. Beside it, for the benchmarks that compare with HRMS, the same people get what HRMS itself would
hold for them: an HRMS Appraisal each (an Appraisal Template of 3 KRAs and 3 feedback criteria) and an
Employee Performance Feedback for every Rater Feedback but the self-assessments (90% submitted). It prints
what it made and how long it took. Use a dedicated site: the data is not cleaned up.

The other scripts of this folder import it (`site`, `timed`, `percentile`, `peak_mib`, CYCLE …); each says
in its docstring how to run it and what it prints.
"""

import argparse
import os
import random
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import frappe
from frappe.utils import now

from kinerja_asn.scoring.aggregation import ATASAN, DIRI
from kinerja_asn.scoring.raters import Person, assign_raters

CYCLE = "Benchmark Kabupaten 2026"
PREFIX = "BM"
TECHNICAL = ("BM Teknis Pelayanan", "BM Teknis Administrasi", "BM Teknis Perencanaan", "BM Teknis Pengawasan")
POSITIONS = {
	"BM Kepala Unit": "Administrator",
	"BM Kepala Seksi": "Pengawas",
	"BM Pelaksana": "Pelaksana",
	"BM Fungsional Ahli Pertama": "JF Ahli Pertama",
}
TEMPLATE = "BM Template Kinerja"
WEIGHTS = (40, 30, 30)  # of the template's 3 KRAs and 3 feedback criteria
BENCH = Path(__file__).resolve().parents[3]  # <bench>/apps/kinerja_asn/benchmarks/regency.py


# --- running a benchmark on a site ------------------------------------------------------------------------


@contextmanager
def site(name: str, bench: Path | str = BENCH) -> Iterator[None]:
	"""Connect this process to a site of a bench, as `bench --site name execute` would; one site after the
	other in the same process is fine (a benchmark compares two sites in one run)."""
	sites = Path(bench).resolve() / "sites"
	os.chdir(sites)
	frappe.init(site=name, sites_path=str(sites))
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		yield
	finally:
		frappe.db.rollback()
		frappe.destroy()


def timed(fn, *args, **kwargs) -> float:
	started = time.perf_counter()
	fn(*args, **kwargs)
	return time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
	"""The q-th percentile (0–100) by the nearest-rank method."""
	ordered = sorted(values)
	return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def peak_mib() -> float:
	return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def require_regency() -> list[str]:
	"""The draft ASN Appraisals of the generated cycle; exits when the site has none."""
	names = frappe.get_all(
		"ASN Appraisal", filters={"appraisal_cycle": CYCLE, "docstatus": 0}, pluck="name", order_by="name"
	)
	if not names:
		sys.exit(f"{frappe.local.site}: no generated regency; run benchmarks/regency.py --site … first")
	return names


# --- generation -------------------------------------------------------------------------------------------


def generate(units: int = 60, per_unit: int = 100, seed: int = 2026) -> None:
	"""The regency of `units` × `per_unit` ASN (idempotent: what exists is kept), committed."""
	from kinerja_asn.demo.load import ensure_company, load_data

	rng = random.Random(seed)
	started = time.perf_counter()
	company = ensure_company(load_data())
	setup_dictionary()
	departments = setup_departments(company, units)
	people = setup_employees(company, departments, per_unit)
	setup_cycle(company, people)
	appraisals = setup_appraisals(company, people, rng)
	feedback = setup_feedback(people, appraisals, rng)
	hrms_feedback = setup_hrms(company, people, rng)
	frappe.db.commit()  # nosemgrep: benchmark data generator
	print(
		f"generated {len(people)} ASN in {len(departments)} units, {len(appraisals)} appraisals, "
		f"{feedback} Rater Feedback; HRMS: {len(people)} Appraisals, {hrms_feedback} Employee Performance "
		f"Feedback; in {time.perf_counter() - started:.1f} s"
	)


def setup_dictionary() -> None:
	for name in TECHNICAL:
		if not frappe.db.exists("Competency", name):
			frappe.get_doc(
				{
					"doctype": "Competency",
					"competency_name": name,
					"competency_type": "Teknis",
					"bidang": "Benchmark",
					"levels": [{"level": i, "title": f"{name} {i}"} for i in range(1, 6)],
				}
			).insert(ignore_permissions=True)
	for designation, job_group in POSITIONS.items():
		if not frappe.db.exists("Designation", designation):
			frappe.get_doc({"doctype": "Designation", "designation_name": designation}).insert()
		if not frappe.db.exists("Position Competency Profile", designation):
			profile = frappe.get_doc(
				{"doctype": "Position Competency Profile", "designation": designation, "job_group": job_group}
			)
			profile.fill_standard_competencies()
			for name in TECHNICAL:
				profile.append("requirements", {"competency": name, "required_level": 2})
			profile.insert(ignore_permissions=True)


def setup_departments(company: str, units: int) -> list[str]:
	abbr = frappe.db.get_value("Company", company, "abbr")
	names = []
	for i in range(1, units + 1):
		name = f"BM Unit {i:02d} - {abbr}"
		if not frappe.db.exists("Department", name):
			frappe.get_doc(
				{"doctype": "Department", "department_name": f"BM Unit {i:02d}", "company": company}
			).insert(ignore_permissions=True)
		names.append(name)
	return names


def setup_employees(company: str, departments: list[str], per_unit: int) -> list[Person]:
	"""Per unit: a head, 4 section heads, the rest staff under the sections; nested set computed here."""
	people: list[Person] = []
	rows = []
	existing = set(frappe.get_all("Employee", filters={"name": ("like", f"{PREFIX}-%")}, pluck="name"))
	counter = 0
	lft = (frappe.db.sql("select max(rgt) from tabEmployee")[0][0] or 0) + 1  # nosemgrep: benchmark
	for department in departments:
		counter += 1
		head = f"{PREFIX}-{counter:06d}"
		members = [(head, None, "BM Kepala Unit")]
		sections = []
		for _ in range(4):
			counter += 1
			sections.append(f"{PREFIX}-{counter:06d}")
			members.append((sections[-1], head, "BM Kepala Seksi"))
		for i in range(per_unit - 5):
			counter += 1
			designation = "BM Fungsional Ahli Pertama" if i % 3 == 0 else "BM Pelaksana"
			members.append((f"{PREFIX}-{counter:06d}", sections[i % 4], designation))
		bounds, lft = nested_set(members, head, lft)
		for name, parent, designation in members:
			people.append(Person(name, parent, department))
			if name in existing:
				continue
			rows.append(
				(
					name,
					now(),
					now(),
					"Administrator",
					"Administrator",
					f"ASN {name}",
					f"ASN {name}",
					company,
					"Active",
					"Male",
					"1985-01-01",
					"2010-01-01",
					department,
					designation,
					parent,
					bounds[name][0],
					bounds[name][1],
					f"1985010120100110{counter % 100:02d}",
					"PNS",
					POSITIONS[designation],
				)
			)
	frappe.db.bulk_insert(
		"Employee",
		[
			"name",
			"creation",
			"modified",
			"owner",
			"modified_by",
			"first_name",
			"employee_name",
			"company",
			"status",
			"gender",
			"date_of_birth",
			"date_of_joining",
			"department",
			"designation",
			"reports_to",
			"lft",
			"rgt",
			"nip",
			"asn_status",
			"job_group",
		],
		rows,
		chunk_size=2000,
	)
	return people


def nested_set(members: list[tuple], root: str, lft: int) -> tuple[dict[str, tuple[int, int]], int]:
	"""(lft, rgt) of every member of a tree given as (name, parent, …) rows; returns the next free lft."""
	children: dict[str | None, list[str]] = {}
	for name, parent, *_ in members:
		children.setdefault(parent, []).append(name)
	bounds: dict[str, tuple[int, int]] = {}
	stack = [(root, False)]
	starts: dict[str, int] = {}
	while stack:
		name, done = stack.pop()
		if done:
			bounds[name] = (starts[name], lft)
			lft += 1
			continue
		starts[name] = lft
		lft += 1
		stack.append((name, True))
		stack.extend((child, False) for child in reversed(children.get(name, [])))
	return bounds, lft


def setup_cycle(company: str, people: list[Person]) -> None:
	if frappe.db.exists("Appraisal Cycle", CYCLE):
		return
	frappe.get_doc(
		{
			"doctype": "Appraisal Cycle",
			"cycle_name": CYCLE,
			"company": company,
			"start_date": "2026-01-01",
			"end_date": "2026-12-31",
			"kra_evaluation_method": "Manual Rating",
		}
	).insert(ignore_permissions=True)
	frappe.db.bulk_insert(
		"Appraisee",
		["name", "parent", "parenttype", "parentfield", "idx", "employee"],
		[
			(f"BMA-{p.employee}", CYCLE, "Appraisal Cycle", "appraisees", i, p.employee)
			for i, p in enumerate(people, 1)
		],
		chunk_size=5000,
	)


def setup_appraisals(company: str, people: list[Person], rng: random.Random) -> dict[str, str]:
	"""Employee → ASN Appraisal, with competency, behaviour and SKP result rows (bulk)."""
	existing = dict(
		frappe.get_all(
			"ASN Appraisal", filters={"appraisal_cycle": CYCLE}, fields=["employee", "name"], as_list=True
		)
	)
	designation = dict(
		frappe.get_all(
			"Employee",
			filters={"name": ("like", f"{PREFIX}-%")},
			fields=["name", "designation"],
			as_list=True,
		)
	)
	requirements: dict[str, list] = {}
	for row in frappe.get_all(
		"Position Competency Requirement",
		filters={"parent": ("in", list(POSITIONS))},
		fields=["parent", "competency", "competency_type", "required_level", "weight"],
		order_by="idx asc",
	):
		requirements.setdefault(row.parent, []).append(row)
	values = frappe.get_all("Core Value", order_by="sequence asc", pluck="name")
	parents, competencies, behaviours, results = [], [], [], []
	for person in people:
		if person.employee in existing:
			continue
		name = f"BM-APR-{person.employee}"
		existing[person.employee] = name
		position = designation[person.employee]
		parents.append(
			(
				name,
				now(),
				now(),
				"Administrator",
				"Administrator",
				"ASN-APR-.YYYY.-",
				person.employee,
				f"ASN {person.employee}",
				company,
				person.department,
				position,
				POSITIONS[position],
				CYCLE,
				"Tahunan",
				"Akhir",
				person.reports_to,
				"Usulan",
			)
		)
		for idx, req in enumerate(requirements[position], 1):
			competencies.append(
				(
					f"{name}-C{idx}",
					name,
					"ASN Appraisal",
					"competencies",
					idx,
					req.competency,
					req.competency_type,
					req.required_level,
					req.weight,
				)
			)
		for idx, value in enumerate(values, 1):
			behaviours.append((f"{name}-B{idx}", name, "ASN Appraisal", "behaviours", idx, value))
		for idx in range(1, 4):
			achievement = rng.choice((85, 95, 100, 105, 110))
			results.append(
				(
					f"{name}-R{idx}",
					name,
					"ASN Appraisal",
					"results",
					idx,
					"Utama",
					f"RHK {idx}",
					100,
					achievement,
					achievement,
				)
			)
	child = ["name", "parent", "parenttype", "parentfield", "idx"]
	frappe.db.bulk_insert(
		"ASN Appraisal",
		[
			"name",
			"creation",
			"modified",
			"owner",
			"modified_by",
			"naming_series",
			"employee",
			"employee_name",
			"company",
			"department",
			"designation",
			"job_group",
			"appraisal_cycle",
			"period_type",
			"period_label",
			"evaluator",
			"predikat_status",
		],
		parents,
		chunk_size=2000,
	)
	frappe.db.bulk_insert(
		"ASN Appraisal Competency",
		[*child, "competency", "competency_type", "required_level", "weight"],
		competencies,
		chunk_size=5000,
	)
	frappe.db.bulk_insert("ASN Appraisal Behaviour", [*child, "core_value"], behaviours, chunk_size=5000)
	frappe.db.bulk_insert(
		"ASN Appraisal Result",
		[*child, "jenis", "rhk", "target", "realisasi", "achievement"],
		results,
		chunk_size=5000,
	)
	return existing


def setup_feedback(people: list[Person], appraisals: dict[str, str], rng: random.Random) -> int:
	if frappe.db.count("Rater Feedback", {"name": ("like", "BM-RF-%")}):
		return frappe.db.count("Rater Feedback", {"name": ("like", "BM-RF-%")})
	by_unit: dict[str, list[Person]] = {}
	for person in people:
		by_unit.setdefault(person.department, []).append(person)
	competencies = {r.parent: [] for r in []}  # filled below per appraisal from its rows
	rows = frappe.get_all(
		"ASN Appraisal Competency",
		filters={"parent": ("like", "BM-APR-%")},
		fields=["parent", "competency"],
		order_by="idx asc",
	)
	for row in rows:
		competencies.setdefault(row.parent, []).append(row.competency)
	values = frappe.get_all("Core Value", order_by="sequence asc", pluck="name")
	feedback, comp_rows, beh_rows = [], [], []
	count = 0
	for person in people:
		appraisal = appraisals[person.employee]
		strength = rng.uniform(-1, 1)
		for rater, role in assign_raters(person, by_unit[person.department], peers_to_assign=3):
			count += 1
			name = f"BM-RF-{count:07d}"
			docstatus = 0 if rng.random() < 0.1 else 1
			feedback.append(
				(
					name,
					now(),
					now(),
					"Administrator",
					"Administrator",
					docstatus,
					"RF-.YYYY.-",
					appraisal,
					person.employee,
					CYCLE,
					rater,
					role,
					"Masukan konstruktif.",
				)
			)
			base = 3 + strength + (0.3 if role == ATASAN else 0)
			for idx, competency in enumerate(competencies[appraisal], 1):
				level = min(5, max(1, round(base + rng.uniform(-1, 1))))
				comp_rows.append(
					(
						f"{name}-C{idx}",
						name,
						"Rater Feedback",
						"competency_ratings",
						idx,
						docstatus,
						competency,
						level,
						appraisal,
						role,
					)
				)
			for idx, value in enumerate(values, 1):
				score = min(5, max(1, round(base + 0.5 + rng.uniform(-1, 1))))
				beh_rows.append(
					(
						f"{name}-B{idx}",
						name,
						"Rater Feedback",
						"behaviour_ratings",
						idx,
						docstatus,
						value,
						score,
						appraisal,
						role,
					)
				)
	child = ["name", "parent", "parenttype", "parentfield", "idx", "docstatus"]
	frappe.db.bulk_insert(
		"Rater Feedback",
		[
			"name",
			"creation",
			"modified",
			"owner",
			"modified_by",
			"docstatus",
			"naming_series",
			"asn_appraisal",
			"employee",
			"appraisal_cycle",
			"rater",
			"rater_role",
			"feedback",
		],
		feedback,
		chunk_size=5000,
	)
	# the roll-up's keys on every rating row, as the feedback's lifecycle keeps them (rollup.ROLLUP_KEYS)
	frappe.db.bulk_insert(
		"Rater Competency Rating",
		[*child, "competency", "level", "asn_appraisal", "rater_role"],
		comp_rows,
		chunk_size=10000,
	)
	frappe.db.bulk_insert(
		"Rater Behaviour Rating",
		[*child, "core_value", "score", "asn_appraisal", "rater_role"],
		beh_rows,
		chunk_size=10000,
	)
	return count


def template() -> str:
	"""An HRMS Appraisal Template like an agency's: 3 KRAs and 3 feedback criteria."""
	if frappe.db.exists("Appraisal Template", TEMPLATE):
		return TEMPLATE
	for i in range(1, 4):
		if not frappe.db.exists("KRA", f"BM KRA {i}"):
			frappe.get_doc({"doctype": "KRA", "title": f"BM KRA {i}"}).insert(ignore_permissions=True)
		if not frappe.db.exists("Employee Feedback Criteria", f"BM Kriteria {i}"):
			frappe.get_doc({"doctype": "Employee Feedback Criteria", "criteria": f"BM Kriteria {i}"}).insert(
				ignore_permissions=True
			)
	frappe.get_doc(
		{
			"doctype": "Appraisal Template",
			"template_title": TEMPLATE,
			"goals": [
				{"key_result_area": f"BM KRA {i}", "per_weightage": w} for i, w in enumerate(WEIGHTS, 1)
			],
			"rating_criteria": [
				{"criteria": f"BM Kriteria {i}", "per_weightage": w} for i, w in enumerate(WEIGHTS, 1)
			],
		}
	).insert(ignore_permissions=True)
	return TEMPLATE


def setup_hrms(company: str, people: list[Person], rng: random.Random) -> int:
	"""What HRMS itself holds for the same head count: an Appraisal per person in the cycle and an Employee
	Performance Feedback per Rater Feedback (HRMS has no self-feedback document: self-assessments are left out),
	as bulk rows; returns the number of feedback."""
	existing = frappe.db.count("Employee Performance Feedback", {"name": ("like", "BM-EPF-%")})
	if existing:
		return existing
	appraisal_template = template()
	stamp = now()
	appraisals, kras = [], []
	for person in people:
		name = f"BM-HAPR-{person.employee}"
		appraisals.append(
			(name, stamp, stamp, "Administrator", "Administrator", "HR-APR-.YYYY.-", person.employee,
			 f"ASN {person.employee}", "Draft", company, person.department, CYCLE, appraisal_template,
			 "2026-01-01", "2026-12-31")
		)  # fmt: skip
		for idx, weight in enumerate(WEIGHTS, 1):
			kras.append((f"{name}-K{idx}", name, "Appraisal", "appraisal_kra", idx, f"BM KRA {idx}", weight))
	RF = frappe.qb.DocType("Rater Feedback")
	feedback = (
		frappe.qb.from_(RF)
		.select(RF.name, RF.employee, RF.rater, RF.docstatus)
		.where(RF.name.like("BM-RF-%") & (RF.rater_role != DIRI))
		.orderby(RF.name)
		.run()
	)
	epfs, ratings = [], []
	for i, (_rf, employee, rater, docstatus) in enumerate(feedback, 1):
		name = f"BM-EPF-{i:07d}"
		values = [rng.choice((0.4, 0.6, 0.8, 1.0)) if docstatus else 0 for _ in WEIGHTS]
		total = round(sum(v * 5 * w / 100 for v, w in zip(values, WEIGHTS, strict=True)), 2)
		epfs.append(
			(name, stamp, stamp, "Administrator", "Administrator", docstatus, employee, f"ASN {employee}",
			 f"BM-HAPR-{employee}", CYCLE, rater, f"ASN {rater}", "Masukan konstruktif.", stamp, company, total)
		)  # fmt: skip
		for idx, (value, weight) in enumerate(zip(values, WEIGHTS, strict=True), 1):
			ratings.append(
				(f"{name}-R{idx}", name, "Employee Performance Feedback", "feedback_ratings", idx, docstatus,
				 f"BM Kriteria {idx}", weight, value)
			)  # fmt: skip
	child = ["name", "parent", "parenttype", "parentfield", "idx"]
	frappe.db.bulk_insert(
		"Appraisal",
		["name", "creation", "modified", "owner", "modified_by", "naming_series", "employee",
		 "employee_name", "status", "company", "department", "appraisal_cycle", "appraisal_template",
		 "start_date", "end_date"],
		appraisals,
		chunk_size=2000,
	)  # fmt: skip
	frappe.db.bulk_insert("Appraisal KRA", [*child, "kra", "per_weightage"], kras, chunk_size=5000)
	frappe.db.bulk_insert(
		"Employee Performance Feedback",
		["name", "creation", "modified", "owner", "modified_by", "docstatus", "employee", "employee_name",
		 "appraisal", "appraisal_cycle", "reviewer", "reviewer_name", "feedback", "added_on", "company",
		 "total_score"],
		epfs,
		chunk_size=5000,
	)  # fmt: skip
	frappe.db.bulk_insert(
		"Employee Feedback Rating",
		[*child, "docstatus", "criteria", "per_weightage", "rating"],
		ratings,
		chunk_size=10000,
	)
	return len(epfs)


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	parser.add_argument(
		"--bench", default=str(BENCH), help="the bench folder (default: the one this app is in)"
	)
	parser.add_argument("--units", type=int, default=60, help="units of 100 ASN (60: 6,000 ASN)")
	args = parser.parse_args()
	with site(args.site, args.bench):
		generate(args.units)


if __name__ == "__main__":
	main()
