"""Benchmark: creating a cycle's appraisals through the path HR uses, beside HRMS's own (figures, never a test).

	cd ~/frappe-bench
	env/bin/python apps/kinerja_asn/benchmarks/regency.py --site bench.test --units 60   # once
	env/bin/python apps/kinerja_asn/benchmarks/cycle_creation.py --site bench.test --appraisees 600

On the generated regency (benchmarks/regency.py: its employees, positions and profiles), it makes a
fresh Appraisal Cycle of `appraisees` employees and times, in one run:
- HRMS's own create_appraisals_for_cycle (one HRMS Appraisal per appraisee): the anchor;
- ours after it: kinerja_asn.penilaian_kinerja.cycle.create_for_cycle, which creates the ASN Appraisals and
  every rater task (HRMS's step then finds its appraisals made and skips them, so nothing is counted twice).
Every appraisee gets an HRMS Appraisal Template of 3 KRAs and 3 feedback criteria, as an agency using HRMS
would have. It prints seconds, ms per appraisee, the ratio ours / HRMS, rater tasks made, and the peak memory
of the process; everything is rolled back, so the run can be repeated.
"""

import argparse
import resource
import time

import frappe
from regency import BENCH, site, template

from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle

CYCLE = "Benchmark Pembuatan Siklus"


def run(appraisees: int = 600) -> dict:
	from hrms.hr.doctype.appraisal_cycle.appraisal_cycle import create_appraisals_for_cycle

	frappe.flags.mute_emails = True
	employees = frappe.get_all(
		"Employee",
		filters={"name": ("like", "BM-%"), "status": "Active"},
		pluck="name",
		order_by="name asc",
		limit=appraisees,
	)
	if len(employees) < appraisees:
		raise SystemExit(f"{len(employees)} generated employees: run benchmarks/regency.py first")
	company = frappe.db.get_value("Employee", employees[0], "company")
	try:
		appraisal_template = template()
		cycle = frappe.get_doc(
			{
				"doctype": "Appraisal Cycle",
				"cycle_name": f"{CYCLE} {time.strftime('%H%M%S')}",
				"company": company,
				"start_date": "2027-01-01",
				"end_date": "2027-12-31",
				"kra_evaluation_method": "Manual Rating",
				"kinerja_period_type": "Tahunan",
				"kinerja_period_label": "Akhir",
				"appraisees": [{"employee": e, "appraisal_template": appraisal_template} for e in employees],
			}
		).insert(ignore_permissions=True)
		started = time.perf_counter()
		create_appraisals_for_cycle(cycle)
		hrms = time.perf_counter() - started
		started = time.perf_counter()
		result = create_for_cycle(cycle.name)
		ours = time.perf_counter() - started
	finally:
		frappe.db.rollback()
	figures = {
		"appraisees": appraisees,
		"hrms_s": round(hrms, 1),
		"hrms_ms_per_appraisee": round(hrms * 1000 / appraisees, 1),
		"ours_s": round(ours, 1),
		"ours_ms_per_appraisee": round(ours * 1000 / appraisees, 1),
		"ratio_ours_to_hrms": round(ours / hrms, 2) if hrms else None,
		"asn_appraisals": result["created"],
		"rater_tasks": result["raters"],
		"problems": len(result["skipped"]) + len(result["failed_raters"]),
		"peak_memory_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
	}
	for key, value in figures.items():
		print(f"{key:>24}: {value}")
	return figures


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	parser.add_argument("--bench", default=str(BENCH))
	parser.add_argument("--appraisees", type=int, default=600)
	args = parser.parse_args()
	with site(args.site, args.bench):
		run(args.appraisees)


if __name__ == "__main__":
	main()
