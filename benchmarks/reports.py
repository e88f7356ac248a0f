"""Benchmark of the Pengembangan reports and daily jobs on the generated regency (figures, never a test).

	cd ~/frappe-bench
	env/bin/python apps/kinerja_asn/benchmarks/reports.py --site bench.test

Needs the regency of benchmarks/regency.py (6,000 ASN, 35,880 Rater Feedback). Inside one
transaction that is rolled back at the end: rolls the cycle up (so that there are predikat and gaps), adds
training events (5 per ASN on average) and a Development Plan per ASN, then times every report as HR and as
a unit head, the plan refresh and the reminder job.
"""

import argparse
import random
import resource
import time

import frappe
from frappe.query_builder.functions import Concat
from frappe.utils import add_days, getdate, now
from pypika.functions import Lower
from regency import BENCH, CYCLE, site

from kinerja_asn.pengembangan import reminders
from kinerja_asn.pengembangan.doctype.development_plan.development_plan import refresh_plans
from kinerja_asn.pengembangan.report.competency_gap import competency_gap
from kinerja_asn.pengembangan.report.jp_realisation import jp_realisation
from kinerja_asn.pengembangan.report.predikat_distribution import predikat_distribution
from kinerja_asn.pengembangan.report.rater_completion import rater_completion
from kinerja_asn.pengembangan.report.talent_shortlist import talent_shortlist
from kinerja_asn.penilaian_kinerja import rollup

YEAR = 2026


def timed(fn, *args, repeat: int = 3, **kwargs) -> tuple[float, object]:
	"""Best of `repeat` runs (the first warms the caches) and the last result."""
	best, result = None, None
	for _ in range(repeat):
		started = time.perf_counter()
		result = fn(*args, **kwargs)
		elapsed = time.perf_counter() - started
		best = elapsed if best is None else min(best, elapsed)
	return best, result


def add_training(employees: list[str], company: str, rng: random.Random) -> int:
	"""300 completed, submitted events of 1-3 days with about 100 attendees each (90% present)."""
	events, rows = [], []
	stamp = now()
	for i in range(300):
		day = add_days(f"{YEAR}-01-05", rng.randrange(0, 330))
		days = rng.choice((1, 1, 2, 3))
		name = f"BM Pelatihan {i:04d}"
		events.append(
			(
				name, stamp, stamp, "Administrator", "Administrator", 1, name, "Completed", "Workshop", company,
				"Muara Bulian", f"{day} 08:00:00", f"{add_days(day, days - 1)} 16:00:00", name,
			)
		)  # fmt: skip
		for idx, employee in enumerate(rng.sample(employees, 100), start=1):
			rows.append(
				(
					frappe.generate_hash(length=12), stamp, stamp, "Administrator", "Administrator", 1, name,
					"Training Event", "employees", idx, employee, "Present" if rng.random() < 0.9 else "Absent",
				)
			)  # fmt: skip
	frappe.db.bulk_insert(
		"Training Event",
		["name", "creation", "modified", "owner", "modified_by", "docstatus", "event_name", "event_status",
		 "type", "company", "location", "start_time", "end_time", "introduction"],
		events,
	)  # fmt: skip
	frappe.db.bulk_insert(
		"Training Event Employee",
		["name", "creation", "modified", "owner", "modified_by", "docstatus", "parent", "parenttype",
		 "parentfield", "idx", "employee", "attendance"],
		rows,
		chunk_size=5000,
	)  # fmt: skip
	return len(rows)


def add_plans(employees: list[str], company: str) -> int:
	stamp = now()
	plans, items = [], []
	for i, employee in enumerate(employees):
		name = f"BM-RPK-{i:05d}"
		plans.append((name, stamp, stamp, "Administrator", "Administrator", employee, YEAR, company, "Draft"))
		items.append(
			(
				frappe.generate_hash(length=12), stamp, stamp, "Administrator", "Administrator", name,
				"Development Plan", "items", 1, "Pelatihan", 20,
			)
		)  # fmt: skip
	frappe.db.bulk_insert(
		"Development Plan",
		["name", "creation", "modified", "owner", "modified_by", "employee", "year", "company", "status"],
		plans,
		chunk_size=2000,
	)
	frappe.db.bulk_insert(
		"Development Plan Item",
		["name", "creation", "modified", "owner", "modified_by", "parent", "parenttype", "parentfield", "idx",
		 "development_method", "planned_jp"],
		items,
		chunk_size=2000,
	)  # fmt: skip
	return len(plans)


def add_users(employees: list[str]) -> int:
	"""An enabled User for every ASN of the regency, linked from Employee and from their rater tasks."""
	stamp = now()
	rows = [
		(f"{e.lower()}@bench.test", stamp, stamp, "Administrator", "Administrator", f"{e.lower()}@bench.test",
		 f"ASN {e}", f"ASN {e}", 1, "System User")
		for e in employees
	]  # fmt: skip
	frappe.db.bulk_insert(
		"User",
		["name", "creation", "modified", "owner", "modified_by", "email", "first_name", "full_name", "enabled",
		 "user_type"],
		rows,
		chunk_size=2000,
		ignore_duplicates=True,
	)  # fmt: skip
	E = frappe.qb.DocType("Employee")
	RF = frappe.qb.DocType("Rater Feedback")
	frappe.qb.update(E).set(E.user_id, Concat(Lower(E.name), "@bench.test")).where(
		E.name.like("BM-%") & E.user_id.isnull()
	).run()
	frappe.qb.update(RF).join(E).on(E.name == RF.rater).set(RF.rater_user, E.user_id).where(
		RF.appraisal_cycle == CYCLE
	).run()
	return len(rows)


def unit_head_user() -> str:
	"""A User for the head of the first unit (the regency's employees have none)."""
	head = frappe.get_all(
		"Employee", filters={"name": ("like", "BM-%"), "reports_to": ("is", "not set")}, pluck="name", limit=1
	)[0]
	email = "bm.kepala@bench.test"
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": "Kepala", "send_welcome_email": 0}
		).insert(ignore_permissions=True)
		user.add_roles("Employee")
	frappe.db.set_value("Employee", head, "user_id", email)
	return email


def run() -> None:
	frappe.set_user("Administrator")
	rng = random.Random(2026)
	company = frappe.db.get_value("Appraisal Cycle", CYCLE, "company")
	appraisals = frappe.get_all("ASN Appraisal", filters={"appraisal_cycle": CYCLE}, pluck="name")
	employees = frappe.get_all("Employee", filters={"name": ("like", "BM-%")}, pluck="name")
	print(f"data: {len(appraisals)} ASN Appraisals, {len(employees)} ASN")
	try:
		started = time.perf_counter()
		rollup.rollup(appraisals)
		print(f"setup: roll-up {time.perf_counter() - started:.1f} s", end="")
		attendance = add_training(employees, company, rng)
		plans = add_plans(employees, company)
		print(f", {attendance} training attendances in 300 events, {plans} Development Plans")
		head = unit_head_user()
		users = add_users(employees)
		cycle = frappe._dict(appraisal_cycle=CYCLE, company=company)
		reports = (
			("Talent Shortlist", talent_shortlist, cycle),
			("Competency Gap (average)", competency_gap, cycle),
			("Competency Gap (share)", competency_gap, frappe._dict(cycle, value="Employees with a Gap (%)")),
			("Predikat Distribution", predikat_distribution, cycle),
			("Rater Completion (unit rated)", rater_completion, cycle),
			(
				"Rater Completion (unit of rater)",
				rater_completion,
				frappe._dict(cycle, group_by="Unit of the Rater"),
			),
			("JP Realisation (per ASN)", jp_realisation, frappe._dict(year=YEAR, company=company)),
			(
				"JP Realisation (per unit)",
				jp_realisation,
				frappe._dict(year=YEAR, company=company, by_unit=1),
			),
		)
		print(f"{'report':36} {'HR (all)':>16} {'unit head (100)':>18}")
		for label, module, filters in reports:
			frappe.set_user("Administrator")
			hr, result = timed(module.execute, frappe._dict(filters))
			rows = len(result[1])
			frappe.set_user(head)
			line, line_result = timed(module.execute, frappe._dict(filters))
			frappe.set_user("Administrator")
			print(
				f"{label:36} {hr * 1000:8.0f} ms {rows:5d} rows {line * 1000:7.0f} ms {len(line_result[1]):4d} rows"
			)

		elapsed, count = timed(refresh_plans, year=YEAR, repeat=1)
		print(f"refresh of every Development Plan ({count}): {elapsed:.2f} s")

		deadline = frappe.db.get_value("Appraisal Cycle", CYCLE, "feedback_deadline")
		frappe.db.set_value(
			"Appraisal Cycle", CYCLE, {"feedback_deadline": add_days(getdate(), 1), "status": "In Progress"}
		)
		frappe.local.outgoing_email_account = {}
		elapsed, counts = timed(reminders.send_feedback_reminders, repeat=1)
		print(f"reminder job, first run ({users} users): {elapsed:.2f} s {counts}")
		elapsed, counts = timed(reminders.send_feedback_reminders, repeat=1)
		print(f"reminder job, same day again: {elapsed:.2f} s {counts}")
		frappe.db.set_value("Appraisal Cycle", CYCLE, "feedback_deadline", add_days(getdate(), -1))
		elapsed, counts = timed(reminders.send_feedback_reminders, repeat=1)
		print(f"reminder job, escalation day: {elapsed:.2f} s {counts}   (deadline was {deadline})")
		peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
		print(f"peak memory of the benchmark process: {peak:.0f} MiB")
	finally:
		frappe.db.rollback()
		frappe.set_user("Administrator")


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	parser.add_argument("--bench", default=str(BENCH))
	args = parser.parse_args()
	with site(args.site, args.bench):
		run()


if __name__ == "__main__":
	main()
