"""Timing of the one-PDF print of a unit (kinerja_asn.forms.bulk) on the generated regency (a figure, never a
timed test).

	cd ~/frappe-bench
	env/bin/python apps/kinerja_asn/benchmarks/print_unit.py --site bench.test --size 200 [--single 5]

On the generated regency (benchmarks/regency.py).

The generated units have 100 ASN each: inside the transaction, the appraisals of the next units are moved
into "BM Unit 01" until it has ``size``, their scores are rolled up and the unit gets a Predicate Calibration.
Then the job function runs as the worker would (``render_unit``) for each print format asked, and prints
the time, the pages and the size of the PDF. Everything is rolled back and the PDF files are removed, so runs
are repeatable. ``single=n`` also times n forms printed one by one (one wkhtmltopdf run each, like Frappe's
own multi-document PDF) for comparison.
"""

import argparse
import os
import time

import frappe
from regency import BENCH, CYCLE, PREFIX, site

from kinerja_asn.forms import bulk
from kinerja_asn.penilaian_kinerja import rollup

FORMATS = ("Dokumen Evaluasi Kinerja Pegawai", "SKP", "Evaluasi Kinerja Pegawai")


def make_unit(size: int) -> str:
	"""The first generated unit, grown to ``size`` appraisals with those of the next units."""
	units = frappe.get_all(
		"Department", filters={"department_name": ("like", f"{PREFIX} Unit %")}, pluck="name", order_by="name"
	)
	if not units:
		frappe.throw("No generated units: run benchmarks/regency.py first.")
	unit = units[0]
	A = frappe.qb.DocType("ASN Appraisal")
	for other in units[1:]:
		have = frappe.db.count("ASN Appraisal", {"department": unit, "appraisal_cycle": CYCLE})
		if have >= size:
			break
		move = frappe.get_all(
			"ASN Appraisal",
			filters={"department": other, "appraisal_cycle": CYCLE},
			pluck="name",
			order_by="name",
			limit=size - have,
		)
		frappe.qb.update(A).set(A.department, unit).where(A.name.isin(move)).run()
	names = frappe.get_all(
		"ASN Appraisal", filters={"department": unit, "appraisal_cycle": CYCLE}, pluck="name"
	)
	rollup.rollup(names)
	frappe.get_doc(
		{
			"doctype": "Predicate Calibration",
			"department": unit,
			"appraisal_cycle": CYCLE,
			"organisation_predicate": "Baik",
		}
	).insert(ignore_permissions=True)
	return unit


def run(size: int = 200, formats: str | None = None, batch: int = bulk.BATCH, single: int = 0) -> None:
	frappe.set_user("Administrator")
	try:
		unit = make_unit(size)
		count = frappe.db.count("ASN Appraisal", {"department": unit, "appraisal_cycle": CYCLE})
		print(f"unit {unit}: {count} ASN Appraisals; batches of {batch} forms per wkhtmltopdf run")
		for print_format in formats.split("|") if formats else FORMATS:
			started = time.perf_counter()
			name = bulk.render_unit(unit, CYCLE, print_format, batch=batch)
			elapsed = time.perf_counter() - started
			file = frappe.get_doc("File", name)
			path = file.get_full_path()
			pdf = file.get_content()
			os.remove(path)
			print(
				f"{print_format}: one PDF of {count} forms, {bulk.pdf_pages(pdf)} pages, "
				f"{len(pdf) / 1024 / 1024:.1f} MiB in {elapsed:.1f} s ({elapsed / count * 1000:.0f} ms per form)"
			)
			if single:
				time_single(unit, print_format, single)
	finally:
		frappe.db.rollback()


def time_single(unit: str, print_format: str, sample: int) -> None:
	"""n forms printed one wkhtmltopdf run each (Frappe's multi-document way), extrapolated to the unit."""
	from frappe.utils.pdf import get_pdf

	pf = frappe.get_doc("Print Format", print_format)
	names = bulk.appraisal_names(unit, CYCLE)
	style, stylesheet = bulk.get_print_style(print_format=pf), bulk.print_stylesheet()
	started = time.perf_counter()
	for name in names[:sample]:
		body = bulk.get_rendered_template(
			frappe.get_doc("ASN Appraisal", name), print_format=pf, no_letterhead=1
		)
		with bulk.quiet_css_parser():
			get_pdf(bulk.print_view([body], style), {"user-style-sheet": stylesheet} if stylesheet else {})
	per_form = (time.perf_counter() - started) / min(sample, len(names))
	print(
		f"  one wkhtmltopdf run per form: {per_form * 1000:.0f} ms per form, "
		f"≈ {per_form * len(names):.0f} s for the unit"
	)


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	parser.add_argument("--bench", default=str(BENCH))
	parser.add_argument("--size", type=int, default=200, help="ASN in the unit printed")
	parser.add_argument("--formats", help="print formats separated by |")
	parser.add_argument("--batch", type=int, default=bulk.BATCH, help="forms per wkhtmltopdf run")
	parser.add_argument("--single", type=int, default=0, help="also time n forms printed one by one")
	args = parser.parse_args()
	with site(args.site, args.bench):
		run(args.size, args.formats, args.batch, args.single)


if __name__ == "__main__":
	main()
