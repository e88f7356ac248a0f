"""Benchmark of the appraisal roll-ups on a generated regency (figures, never a timed test).

	bench --site bench.test execute kinerja_asn.benchmarks.regency.generate --kwargs "{'units': 60}"
	bench --site bench.test execute kinerja_asn.benchmarks.regency.run

`generate` builds (idempotently, with bulk inserts) a regency of `units` × 100 ASN with a reports_to
hierarchy, position profiles of 13 competencies, an annual cycle, ASN Appraisals and, from the hierarchy,
about 5.8 Rater Feedback per appraisal with 20 ratings each (90% submitted). `run` prints:
the full-cycle roll-up, single feedback submits (each with its roll-up), the SE 3/2023 check of every unit,
and the naive way (load and save each appraisal) measured on a sample and extrapolated. Every measurement
is rolled back, so runs are repeatable. Use a dedicated site: the data is not cleaned up.
"""

import random
import resource
import statistics
import time

import frappe
from frappe.utils import now

from kinerja_asn.penilaian_kinerja import rollup
from kinerja_asn.scoring.aggregation import ATASAN
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


def generate(units: int = 60, per_unit: int = 100, seed: int = 2026) -> None:
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
	frappe.db.commit()  # nosemgrep: benchmark data generator
	print(
		f"generated {len(people)} ASN in {len(departments)} units, {len(appraisals)} appraisals, "
		f"{feedback} Rater Feedback in {time.perf_counter() - started:.1f} s"
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
	frappe.db.bulk_insert(
		"Rater Competency Rating", [*child, "competency", "level"], comp_rows, chunk_size=10000
	)
	frappe.db.bulk_insert(
		"Rater Behaviour Rating", [*child, "core_value", "score"], beh_rows, chunk_size=10000
	)
	return count


# --- measurements ---------------------------------------------------------------------------------------


def timed(fn, *args, **kwargs) -> float:
	started = time.perf_counter()
	fn(*args, **kwargs)
	return time.perf_counter() - started


def run(naive_sample: int = 200, submits: int = 20) -> None:
	frappe.set_user("Administrator")
	appraisals = frappe.get_all(
		"ASN Appraisal", filters={"appraisal_cycle": CYCLE, "docstatus": 0}, pluck="name"
	)
	feedback_rows = frappe.db.count("Rater Feedback")
	rating_rows = frappe.db.count("Rater Competency Rating") + frappe.db.count("Rater Behaviour Rating")
	print(f"data: {len(appraisals)} ASN Appraisals, {feedback_rows} Rater Feedback, {rating_rows} ratings")

	full = timed(rollup.rollup, appraisals)
	frappe.db.rollback()
	print(f"full cycle roll-up (set-based, {len(appraisals)} appraisals): {full:.2f} s   [target < 15 s]")

	drafts = frappe.get_all(
		"Rater Feedback",
		filters={"appraisal_cycle": CYCLE, "docstatus": 0},
		fields=["name", "asn_appraisal"],
		limit=submits * 5,
	)
	seen, times = set(), []
	for i, row in enumerate(drafts):
		if row.asn_appraisal in seen or len(times) >= submits:
			continue
		seen.add(row.asn_appraisal)
		doc = frappe.get_doc("Rater Feedback", row.name)
		for r in doc.competency_ratings:
			r.level = r.level or 3
		for r in doc.behaviour_ratings:
			r.score = r.score or 3
		elapsed = timed(doc.submit)
		frappe.db.rollback()
		if i:  # the first submit warms the caches (doctype meta, settings) and is not counted
			times.append(elapsed)
	if times:
		times.sort()
		p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
		print(
			f"one feedback submit incl. roll-up: median {statistics.median(times) * 1000:.0f} ms, "
			f"p95 {p95 * 1000:.0f} ms over {len(times)} submits   [target < 100 ms]"
		)

	departments = frappe.get_all(
		"ASN Appraisal", filters={"appraisal_cycle": CYCLE}, pluck="department", distinct=True
	)

	def calibrate_all() -> None:
		for department in departments:
			doc = frappe.get_doc(
				{
					"doctype": "Predicate Calibration",
					"department": department,
					"appraisal_cycle": CYCLE,
					"organisation_predicate": "Baik",
				}
			)
			doc.set_employees()
			doc.check()

	rollup.rollup(appraisals)  # predikat in place for the check
	calibration = timed(calibrate_all)
	frappe.db.rollback()
	print(f"SE 3/2023 check of all {len(departments)} units: {calibration:.2f} s   [target < 1 s]")

	sample = appraisals[:naive_sample]

	def naive() -> None:
		for name in sample:
			frappe.get_doc("ASN Appraisal", name).save()

	naive_time = timed(naive)
	frappe.db.rollback()
	per_doc = naive_time / max(len(sample), 1)
	print(
		f"naive roll-up (load and save each appraisal): {per_doc * 1000:.0f} ms per appraisal on {len(sample)}, "
		f"≈ {per_doc * len(appraisals):.0f} s for the cycle (set-based: {full:.2f} s)"
	)
	print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
