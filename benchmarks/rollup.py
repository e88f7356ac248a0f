"""Roll-up and feedback submit, measured side by side in one run: figures and their ratios (issue #14).

	cd ~/frappe-bench
	env/bin/python apps/kinerja_asn/benchmarks/regency.py --site perf600.test --units 6    # once: 600 ASN
	env/bin/python apps/kinerja_asn/benchmarks/regency.py --site perf.test --units 60      # once: 6,000 ASN
	env/bin/python apps/kinerja_asn/benchmarks/rollup.py --site perf.test --small-site perf600.test

On each site (the generated regency of benchmarks/regency.py; the small one first), inside transactions that
are rolled back, so runs are repeatable, it times:
- the bare aggregate queries the roll-up is built on (per appraisal, rater role and item over every rating
  row of the cycle), once as the rating rows alone through their covering index (this layout) and once
  joined to their Rater Feedback by name (the layout before v1.2): best of `--repeat` runs each;
- our set-based full-cycle roll-up (kinerja_asn.penilaian_kinerja.rollup.rollup of every draft appraisal),
  best of `--repeat`, with where its time goes (aggregates, writes, loading and arithmetic);
- the SE 3/2023 distribution check of every unit (Predicate Calibration), after a roll-up;
- the naive way: load and save each ASN Appraisal, on `--sample` appraisals, extrapolated to the cycle;
- HRMS's own machinery at the same head count: Appraisal recompute (load and save each HRMS Appraisal, on
  `--sample`, extrapolated) and Employee Performance Feedback submit (each with its Appraisal update);
- one Rater Feedback submit including its roll-up, and one HRMS Employee Performance Feedback submit, each
  `--submits` times per site in `--rounds` rounds alternating the two sites (3 warm-up submits after each
  connection): p50 / p95;
- the EXPLAIN of every query one submit runs: how many, and the largest row estimate and any full scan;
then peak memory of the process, and the ratios against the issue's targets (met / NOT met).
"""

import argparse
import statistics
import time

import frappe
from regency import BENCH, CYCLE, peak_mib, percentile, require_regency, site, timed

from kinerja_asn.penilaian_kinerja import rollup

# (rating table, item field, value field): the two aggregates of rollup.collect
AGGREGATES = [(child, item, value) for child, _key, item, value in rollup.RATINGS]
BIG_TABLE = 10_000  # rows: a table this large grows with the cycle
WARM_UP = 3  # submits not counted after connecting to a site


def bare_queries(appraisals: list[str], joined: bool, explain: bool = False) -> float:
	"""The per-item aggregates alone (all rows fetched), as the roll-up's layout or joined to the feedback;
	`explain` prints their plans instead of timing them."""
	names = tuple(appraisals)
	started = time.perf_counter()
	for child, item, value in AGGREGATES:
		if joined:  # the layout before v1.2: every rating row looks its feedback up by name
			query = f"""SELECT f.asn_appraisal, f.rater_role, r.{item}, AVG(r.{value}), COUNT(r.{value})
				FROM `tab{child}` r JOIN `tabRater Feedback` f ON r.parent = f.name
				WHERE f.asn_appraisal IN %(names)s AND f.docstatus = 1 AND r.parenttype = 'Rater Feedback'
					AND r.{value} > 0
				GROUP BY f.asn_appraisal, f.rater_role, r.{item}"""
		else:
			query = f"""SELECT r.asn_appraisal, r.rater_role, r.{item}, AVG(r.{value}), COUNT(r.{value})
				FROM `tab{child}` r
				WHERE r.asn_appraisal IN %(names)s AND r.docstatus = 1 AND r.{value} > 0
				GROUP BY r.asn_appraisal, r.rater_role, r.{item}"""
		if explain:
			for p in frappe.db.sql(f"EXPLAIN {query}", {"names": names}, as_dict=True):  # nosemgrep: ours
				print(
					f"   EXPLAIN {child}{' (joined)' if joined else ''}: {p.table} type={p.type} "
					f"key={p.key} rows={int(p.rows or 0):,} {p.Extra}"
				)
			continue
		frappe.db.sql(query, {"names": names})  # nosemgrep: benchmark, our own table names
	return time.perf_counter() - started


def best(fn, repeat: int) -> float:
	times = []
	for _ in range(repeat):
		times.append(fn())
		frappe.db.rollback()
	return min(times)


def rollup_breakdown(appraisals: list[str]) -> dict[str, float]:
	"""One full-cycle roll-up with the time of its parts: aggregate queries, writes, the rest."""
	parts = {"aggregates": 0.0, "writes": 0.0}
	originals = {name: getattr(rollup, name) for name in ("collect", "bulk_update", "replace_role_summaries")}

	def wrap(name: str, part: str):
		def timed_part(*args, **kwargs):
			started = time.perf_counter()
			try:
				return originals[name](*args, **kwargs)
			finally:
				parts[part] += time.perf_counter() - started

		return timed_part

	rollup.collect = wrap("collect", "aggregates")
	rollup.bulk_update = wrap("bulk_update", "writes")
	rollup.replace_role_summaries = wrap("replace_role_summaries", "writes")
	try:
		parts["total"] = timed(rollup.rollup, appraisals)
	finally:
		for name, fn in originals.items():
			setattr(rollup, name, fn)
		frappe.db.rollback()
	parts["loads and arithmetic"] = parts["total"] - parts["aggregates"] - parts["writes"]
	return parts


def calibrate_all(appraisals: list[str]) -> float:
	"""Seconds of the SE 3/2023 distribution check of every unit, on the rolled-up cycle (rolled back)."""
	rollup.rollup(appraisals)  # predikat in place for the check
	departments = frappe.get_all(
		"ASN Appraisal", filters={"appraisal_cycle": CYCLE}, pluck="department", distinct=True
	)
	started = time.perf_counter()
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
	elapsed = time.perf_counter() - started
	frappe.db.rollback()
	return elapsed


def per_document_save(doctype: str, names: list[str]) -> float:
	"""Seconds per document of loading and saving each of `names` (the naive recompute)."""
	started = time.perf_counter()
	for name in names:
		frappe.get_doc(doctype, name).save()
	elapsed = time.perf_counter() - started
	frappe.db.rollback()
	return elapsed / max(len(names), 1)


def submit_times(doctype: str, drafts: list[str], fill, count: int) -> list[float]:
	"""Seconds of `count` submits of draft documents (each filled by `fill`, rolled back), after 3 warm-ups."""
	times = []
	for i, name in enumerate(drafts[: count + WARM_UP]):
		doc = frappe.get_doc(doctype, name)
		fill(doc)
		elapsed = timed(doc.submit)
		frappe.db.rollback()
		if i >= WARM_UP:  # the first submits warm the caches (doctype meta, settings)
			times.append(elapsed)
	return times


def fill_feedback(doc) -> None:
	for row in doc.competency_ratings:
		row.level = row.level or 3
	for row in doc.behaviour_ratings:
		row.score = row.score or 3


def fill_hrms_feedback(doc) -> None:
	for row in doc.feedback_ratings:
		row.rating = row.rating or 0.6


def draft_feedback(limit: int) -> list[str]:
	"""Draft Rater Feedback of the generated cycle, one per appraisal."""
	seen, out = set(), []
	for row in frappe.get_all(
		"Rater Feedback",
		filters={"appraisal_cycle": CYCLE, "docstatus": 0},
		fields=["name", "asn_appraisal"],
		order_by="name",
		limit=limit * 5,
	):
		if row.asn_appraisal not in seen:
			seen.add(row.asn_appraisal)
			out.append(row.name)
	return out[:limit]


def explain_submit(name: str) -> dict:
	"""Every query of one Rater Feedback submit (rolled back) with its EXPLAIN: the count, the largest row
	estimate, and the queries that scan a table of more than BIG_TABLE rows."""
	captured: list[str] = []
	original = frappe.db.sql

	def capture(query, *args, **kwargs):
		result = original(query, *args, **kwargs)
		captured.append(str(frappe.db.last_query))
		return result

	doc = frappe.get_doc("Rater Feedback", name)
	fill_feedback(doc)
	frappe.db.sql = capture
	try:
		doc.submit()
	finally:
		del frappe.db.sql
		frappe.db.rollback()
	explained, scans = [], []
	for query in captured:
		if not query.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE")):
			continue
		try:
			plan = frappe.db.sql(f"EXPLAIN {query}", as_dict=True)  # nosemgrep: the submit's own queries
		except Exception:
			continue
		rows = max(int(p.rows or 0) for p in plan) if plan else 0
		explained.append((rows, query, plan))
		for p in plan:
			if p.type in ("ALL", "index") and int(p.rows or 0) > BIG_TABLE:
				scans.append((p.table, p.type, int(p.rows or 0), " ".join(query.split())[:160]))
	explained.sort(key=lambda e: -e[0])
	return {
		"queries": len(captured),
		"explained": len(explained),
		"max_rows": explained[0][0] if explained else 0,
		"largest": explained[:3],
		"scans": scans,
	}


def measure(args, name: str, full: bool) -> dict:
	"""Every figure of one site; `full` adds the cycle-wide ones (roll-up, bare queries, naive, HRMS recompute)."""
	out: dict = {"site": name}
	with site(name, args.bench):
		appraisals = require_regency()
		out["appraisals"] = len(appraisals)
		out["feedback"] = frappe.db.count("Rater Feedback", {"appraisal_cycle": CYCLE})
		out["ratings"] = sum(frappe.db.count(child) for child, _i, _v in AGGREGATES)
		print(
			f"\n== {name}: {out['appraisals']:,} ASN Appraisals, {out['feedback']:,} Rater Feedback, "
			f"{out['ratings']:,} rating rows"
		)
		if full:
			bare_queries(appraisals, joined=False)  # warm the buffer pool for both layouts
			bare_queries(appraisals, joined=True)
			out["bare_keys"] = best(lambda: bare_queries(appraisals, joined=False), args.repeat)
			out["bare_join"] = best(lambda: bare_queries(appraisals, joined=True), args.repeat)
			print(f"bare aggregate queries, rating rows alone (covering index): {out['bare_keys']:.2f} s")
			print(f"bare aggregate queries, joined to Rater Feedback (before):  {out['bare_join']:.2f} s")
			bare_queries(appraisals, joined=False, explain=True)
			bare_queries(appraisals, joined=True, explain=True)
			runs = [rollup_breakdown(appraisals) for _ in range(args.repeat)]
			parts = min(runs, key=lambda p: p["total"])
			out["rollup"] = parts["total"]
			print(
				f"full-cycle roll-up, set-based: {parts['total']:.2f} s (aggregates {parts['aggregates']:.2f} s, "
				f"writes {parts['writes']:.2f} s, loads and arithmetic {parts['loads and arithmetic']:.2f} s)"
			)
			out["calibration"] = calibrate_all(appraisals)
			print(f"SE 3/2023 check of every unit (after the roll-up): {out['calibration']:.2f} s")
			sample = appraisals[: args.sample]
			out["naive_per_doc"] = per_document_save("ASN Appraisal", sample)
			out["naive_cycle"] = out["naive_per_doc"] * len(appraisals)
			print(
				f"naive (load and save each ASN Appraisal): {out['naive_per_doc'] * 1000:.0f} ms each on "
				f"{len(sample)}, ≈ {out['naive_cycle']:.0f} s for the cycle"
			)
			hrms = frappe.get_all(
				"Appraisal", filters={"appraisal_cycle": CYCLE, "docstatus": 0}, pluck="name", order_by="name"
			)
			out["hrms_recompute_per_doc"] = per_document_save("Appraisal", hrms[: args.sample])
			out["hrms_recompute_cycle"] = out["hrms_recompute_per_doc"] * len(hrms)
			print(
				f"HRMS Appraisal recompute (load and save each): {out['hrms_recompute_per_doc'] * 1000:.0f} ms "
				f"each on {min(len(hrms), args.sample)}, ≈ {out['hrms_recompute_cycle']:.0f} s for {len(hrms):,}"
			)
		drafts = draft_feedback(WARM_UP + 1)
		submit_times("Rater Feedback", drafts[:WARM_UP], fill_feedback, 0)  # warm caches: no metadata queries
		plan = explain_submit(drafts[WARM_UP])
		out["explain"] = plan
		print(
			f"one submit: {plan['queries']} queries, {plan['explained']} explained; largest row estimate "
			f"{plan['max_rows']:,}; full scans of tables > {BIG_TABLE:,} rows: {len(plan['scans'])}"
		)
		for rows, query, _plan in plan["largest"]:
			print(f"   {rows:>7,} rows  {' '.join(query.split())[:150]}")
		for table, kind, rows, query in plan["scans"]:
			print(f"   SCAN {table} ({kind}, {rows:,} rows): {query}")
	return out


def submit_rounds(args, sites: list[str]) -> dict[str, dict[str, list[float]]]:
	"""Rater Feedback and HRMS Employee Performance Feedback submits, `--rounds` rounds alternating between the
	sites (so load from other processes falls on both alike), different documents in each round."""
	out = {name: {"submit": [], "hrms_submit": []} for name in sites}
	per_round = max(1, args.submits // args.rounds)
	for r in range(args.rounds):
		for name in sites:
			with site(name, args.bench):
				skip = r * (per_round + WARM_UP)
				ours = draft_feedback(skip + per_round + WARM_UP)[skip:]
				theirs = frappe.get_all(
					"Employee Performance Feedback",
					filters={"appraisal_cycle": CYCLE, "docstatus": 0},
					pluck="name",
					order_by="name",
					limit_start=skip,
					limit=per_round + WARM_UP,
				)
				out[name]["submit"] += submit_times("Rater Feedback", ours, fill_feedback, per_round)
				out[name]["hrms_submit"] += submit_times(
					"Employee Performance Feedback", theirs, fill_hrms_feedback, per_round
				)
	for name in sites:
		for key, label in (
			("submit", "Rater Feedback submit incl. roll-up"),
			("hrms_submit", "HRMS Employee Performance Feedback submit"),
		):
			times = out[name][key]
			print(
				f"{name}: {label}: p50 {statistics.median(times) * 1000:.1f} ms, "
				f"p95 {percentile(times, 95) * 1000:.1f} ms ({len(times)} submits)"
			)
	return out


def verdict(ok: bool) -> str:
	return "met" if ok else "NOT met"


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True, help="the 6,000-ASN site")
	parser.add_argument("--small-site", required=True, help="the 600-ASN site (submit flatness)")
	parser.add_argument("--bench", default=str(BENCH))
	parser.add_argument("--submits", type=int, default=40, help="submits counted per site and kind")
	parser.add_argument("--rounds", type=int, default=4, help="rounds of submits alternating the sites")
	parser.add_argument("--sample", type=int, default=50, help="documents saved one by one (naive, HRMS)")
	parser.add_argument("--repeat", type=int, default=2, help="runs of the bare queries and the roll-up")
	args = parser.parse_args()

	small = measure(args, args.small_site, full=False)
	large = measure(args, args.site, full=True)
	print(f"\n== submits, {args.rounds} rounds alternating between the sites")
	times = submit_rounds(args, [args.small_site, args.site])
	for figures in (small, large):
		for key, values in times[figures["site"]].items():
			figures[f"{key}_p50"] = statistics.median(values)
			figures[f"{key}_p95"] = percentile(values, 95)
	n = large["appraisals"]
	ms = 1000
	print(f"\n== ratios (one run; {small['appraisals']:,} and {n:,} ASN)")
	rows = [
		(
			"bare aggregates: joined / rating rows alone",
			large["bare_join"] / large["bare_keys"],
			"≥ 3",
			large["bare_join"] / large["bare_keys"] >= 3,
		),
		(
			"full-cycle roll-up / bare aggregates (rows alone)",
			large["rollup"] / large["bare_keys"],
			"≤ 1.5",
			large["rollup"] / large["bare_keys"] <= 1.5,
		),
		(
			"naive per-document save / set-based roll-up (cycle)",
			large["naive_cycle"] / large["rollup"],
			"≥ 50",
			large["naive_cycle"] / large["rollup"] >= 50,
		),
		(
			"HRMS Appraisal recompute / our roll-up (cycle)",
			large["hrms_recompute_cycle"] / large["rollup"],
			"(anchor)",
			None,
		),
		(
			"submit p95 at 6,000 / at 600 ASN (flatness)",
			large["submit_p95"] / small["submit_p95"],
			"≤ 1.2",
			large["submit_p95"] / small["submit_p95"] <= 1.2,
		),
		(
			"HRMS feedback submit p50 / ours p50 (6,000 ASN)",
			large["hrms_submit_p50"] / large["submit_p50"],
			"> 1",
			large["hrms_submit_p50"] > large["submit_p50"],
		),
		(
			"HRMS feedback submit p95 at 6,000 / at 600 ASN",
			large["hrms_submit_p95"] / small["hrms_submit_p95"],
			"(anchor)",
			None,
		),
	]
	for label, ratio, target, ok in rows:
		print(f"{label:<54} {ratio:>8.2f}   target {target:<8} {'' if ok is None else verdict(ok)}")
	print(
		f"submit p95 at 6,000 ASN: {large['submit_p95'] * ms:.1f} ms (p50 {large['submit_p50'] * ms:.1f} ms); "
		f"at 600: {small['submit_p95'] * ms:.1f} ms (p50 {small['submit_p50'] * ms:.1f} ms)"
	)
	scans = len(large["explain"]["scans"])
	print(f"full scans of cycle-sized tables in one submit (EXPLAIN): {scans}   {verdict(scans == 0)}")
	print(f"peak memory of this process: {peak_mib():.0f} MiB")


if __name__ == "__main__":
	main()
