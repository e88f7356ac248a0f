"""One Rater Feedback submit, before and after a change, interleaved in one process beside HRMS's own.

	cd ~/frappe-bench
	git -C apps/kinerja_asn worktree add /tmp/kinerja-before <commit before the change>
	env/bin/python apps/kinerja_asn/benchmarks/submit_ab.py --site perf.test --before /tmp/kinerja-before

Each round submits (and rolls back) one Rater Feedback with the code of `--before`, one with this checkout's
and one HRMS Employee Performance Feedback, so that load from other processes falls on all three alike (on a
busy machine two separate runs of rollup.py differ more than the change does). The "before" code is the
Rater Feedback controller's save-path methods and the roll-up of `--before`, swapped in for its submit
(Frappe's own update_child_table when `--before` has none); everything else is this checkout's. Prints
p50 / p95 of each and the ratios.
"""

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path

import frappe
from frappe.model.document import Document
from regency import BENCH, CYCLE, percentile, site
from rollup import draft_feedback, fill_feedback, fill_hrms_feedback

from kinerja_asn.penilaian_kinerja import rollup
from kinerja_asn.penilaian_kinerja.doctype.rater_feedback.rater_feedback import RaterFeedback

WARM_UP = 3
SAVE_PATH = ("lock_appraisal", "get_appraisal", "validate_open", "validate_duplicate", "set_rows")


def load(name: str, path: Path):
	spec = importlib.util.spec_from_file_location(name, path)
	module = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(module)
	return module


def switcher(before: Path):
	"""A function that puts the code of `before` (True) or of this checkout (False) in place."""
	old = load(
		"before_rater_feedback",
		before / "kinerja_asn/penilaian_kinerja/doctype/rater_feedback/rater_feedback.py",
	)
	old_rollup = load("before_rollup", before / "kinerja_asn/penilaian_kinerja/rollup.py")
	names = (*SAVE_PATH, "update_child_table")
	new = {name: RaterFeedback.__dict__.get(name) for name in names}
	new_rollup = rollup.rollup

	def use(use_before: bool) -> None:
		for name in names:
			method = old.RaterFeedback.__dict__.get(name) if use_before else new[name]
			setattr(RaterFeedback, name, method or Document.__dict__[name])
		rollup.rollup = old_rollup.rollup if use_before else new_rollup

	return use


def submit(doctype: str, name: str, fill) -> float:
	doc = frappe.get_doc(doctype, name)
	fill(doc)
	started = time.perf_counter()
	doc.submit()
	elapsed = time.perf_counter() - started
	frappe.db.rollback()
	return elapsed


def main() -> None:
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("--site", required=True)
	parser.add_argument("--before", required=True, type=Path, help="a checkout of the code before the change")
	parser.add_argument("--rounds", type=int, default=60)
	parser.add_argument("--bench", default=str(BENCH))
	args = parser.parse_args()
	use = switcher(args.before.resolve())
	times: dict[str, list[float]] = {"before": [], "after": [], "hrms": []}
	with site(args.site, args.bench):
		count = args.rounds + WARM_UP
		drafts = draft_feedback(2 * count)
		hrms = frappe.get_all(
			"Employee Performance Feedback",
			filters={"appraisal_cycle": CYCLE, "docstatus": 0},
			pluck="name",
			order_by="name",
			limit=count,
		)
		for i in range(min(count, len(drafts) // 2, len(hrms))):
			use(True)
			before = submit("Rater Feedback", drafts[2 * i], fill_feedback)
			use(False)
			after = submit("Rater Feedback", drafts[2 * i + 1], fill_feedback)
			theirs = submit("Employee Performance Feedback", hrms[i], fill_hrms_feedback)
			if i >= WARM_UP:  # the first submits warm the caches
				times["before"].append(before)
				times["after"].append(after)
				times["hrms"].append(theirs)
	p50 = {kind: statistics.median(values) * 1000 for kind, values in times.items()}
	p95 = {kind: percentile(values, 95) * 1000 for kind, values in times.items()}
	print(f"{args.site}, {len(times['after'])} rounds:")
	for kind, label in (("before", "before"), ("after", "after"), ("hrms", "HRMS EPF")):
		print(f"  {label:9s} p50 {p50[kind]:.1f} ms  p95 {p95[kind]:.1f} ms")
	print(
		f"  HRMS / before {p50['hrms'] / p50['before']:.2f}   HRMS / after {p50['hrms'] / p50['after']:.2f}   "
		f"before / after {p50['before'] / p50['after']:.2f}   (p50)"
	)
	sys.stdout.flush()


if __name__ == "__main__":
	main()
