"""One PDF for a whole unit: a print format rendered for every ASN Appraisal of a unit and cycle.

``print_unit`` (whitelisted, POST) checks the print permission and queues ``render_unit`` on the "long"
queue. The job renders each appraisal through Frappe's own print pipeline (``get_rendered_template``: the
print format, its permission and draft checks), puts the forms one after another in one print view
(``page-break`` between them), prints batches of ``BATCH`` forms with ``frappe.utils.pdf.get_pdf`` into one
``PdfWriter``, saves the result as a private File attached to the unit's Predicate Calibration (which only HR
can read) or else to nothing (then only its owner can read it), and tells the user (realtime event and a
Notification Log). Only HR prints a whole unit.

The print view is self-contained, so the job does not depend on wkhtmltopdf reaching the site over HTTP:
Frappe's print stylesheet (which the print view links) is given to wkhtmltopdf as a file, and each distinct
<style> block of the forms is kept once. Both matter for time: get_pdf parses every <style> of the page with
cssutils, whose cost grows with the square of the number of rules (inlining print.bundle.css and repeating
the forms' stylesheet 50 times made that parse 80% of the job).
"""

import contextlib
import io
import logging
import os
import re
import time

import frappe
from frappe import _
from frappe.utils import cint, escape_html
from frappe.utils.background_jobs import is_job_enqueued
from frappe.utils.jinja_globals import bundled_asset
from frappe.www.printview import get_print_style, get_rendered_template
from pypdf import PdfWriter

from kinerja_asn import access

APPRAISAL = "ASN Appraisal"
BATCH = 50  # forms per wkhtmltopdf run: one run per form is slow, one run for 500 forms is a lot of memory
JOB_TIMEOUT = 60 * 60
EVENT = "kinerja_asn_print_unit"
STYLE_BLOCK = re.compile(r"<style\b[^>]*>.*?</style>", re.S | re.I)


@frappe.whitelist(methods=["POST"])
def print_unit(department: str, appraisal_cycle: str, print_format: str) -> dict:
	"""Queue one PDF of ``print_format`` for every ASN Appraisal of ``department`` in ``appraisal_cycle``."""
	access.require(access.is_hr(), _("Only HR can print the forms of a whole unit."))
	validate(department, appraisal_cycle, print_format)
	names = appraisal_names(department, appraisal_cycle)
	if not names:
		frappe.throw(
			_("No ASN Appraisal of unit {0} in cycle {1} that you may print.").format(
				frappe.bold(department), frappe.bold(appraisal_cycle)
			)
		)
	job_id = f"{EVENT}::{frappe.session.user}::{department}::{appraisal_cycle}::{print_format}"
	if is_job_enqueued(job_id):  # the same PDF is already being made
		return {"job_id": job_id, "count": len(names), "queued": False}
	frappe.enqueue(
		"kinerja_asn.forms.bulk.render_unit",
		queue="long",
		timeout=JOB_TIMEOUT,
		job_id=job_id,
		deduplicate=True,
		enqueue_after_commit=True,
		department=department,
		appraisal_cycle=appraisal_cycle,
		print_format=print_format,
	)
	return {"job_id": job_id, "count": len(names), "queued": True}


def validate(department: str, appraisal_cycle: str, print_format: str) -> None:
	for doctype, name in (("Department", department), ("Appraisal Cycle", appraisal_cycle)):
		if not name or not frappe.db.exists(doctype, name):
			frappe.throw(
				_("{0} {1} does not exist.").format(_(doctype), frappe.bold(name)), frappe.DoesNotExistError
			)
	pf = frappe.db.get_value("Print Format", print_format, ["doc_type", "disabled"], as_dict=True)
	if not pf or pf.doc_type != APPRAISAL or pf.disabled:
		frappe.throw(
			_("{0} is not an enabled print format of ASN Appraisal.").format(frappe.bold(print_format))
		)


def appraisal_names(department: str, appraisal_cycle: str) -> list[str]:
	"""The unit's appraisals the current user may see, not cancelled (drafts only where Print Settings allow
	printing drafts), in the order of the hierarchy: the head of the unit first."""
	filters = {"department": department, "appraisal_cycle": appraisal_cycle, "docstatus": ("<", 2)}
	if not cint(frappe.db.get_single_value("Print Settings", "allow_print_for_draft")):
		filters["docstatus"] = 1
	rows = frappe.get_list(APPRAISAL, filters=filters, fields=["name", "employee", "employee_name"])
	if not rows:
		return []
	position = dict(
		frappe.get_all(
			"Employee",
			filters={"name": ("in", [r.employee for r in rows])},
			fields=["name", "lft"],
			as_list=True,
		)
	)
	rows.sort(key=lambda r: (cint(position.get(r.employee)), r.employee_name or "", r.name))
	return [r.name for r in rows]


# ---------------------------------------------------------------------------------------------------------
# The job
# ---------------------------------------------------------------------------------------------------------


def render_unit(department: str, appraisal_cycle: str, print_format: str, batch: int = BATCH) -> str:
	"""Background job: print the unit into one PDF, save it as a private File and notify the user.
	Returns the File name."""
	user = frappe.session.user
	started = time.monotonic()
	try:
		pdf, count = unit_pdf(department, appraisal_cycle, print_format, batch=batch)
		file = save_pdf(pdf, department, appraisal_cycle, print_format)
	except Exception:
		frappe.log_error(title=_("Printing unit {0} failed").format(department))
		notify(user, _("Printing {0} of {1} failed; see the Error Log.").format(print_format, department))
		raise
	seconds = time.monotonic() - started
	notify(
		user,
		_("{0} of {1} ({2} appraisals) is ready.").format(print_format, department, count),
		file=file,
		extra={"count": count, "seconds": round(seconds, 1)},
	)
	return file.name


def unit_pdf(
	department: str, appraisal_cycle: str, print_format: str, batch: int = BATCH
) -> tuple[bytes, int]:
	"""The PDF bytes of the unit and the number of forms in it."""
	from frappe.utils.pdf import get_file_data_from_writer, get_pdf

	pf = frappe.get_doc("Print Format", print_format)
	names = appraisal_names(department, appraisal_cycle)
	if not names:
		frappe.throw(
			_("No ASN Appraisal of unit {0} in cycle {1} to print.").format(department, appraisal_cycle)
		)
	style = get_print_style(print_format=pf)
	stylesheet = print_stylesheet()
	meta = frappe.get_meta(APPRAISAL)
	writer = PdfWriter()
	for start in range(0, len(names), batch):
		bodies = [
			get_rendered_template(
				frappe.get_doc(APPRAISAL, name), print_format=pf, meta=meta, no_letterhead=1
			)
			for name in names[start : start + batch]
		]
		options = {"user-style-sheet": stylesheet} if stylesheet else {}
		with quiet_css_parser():
			get_pdf(print_view(bodies, style, title=f"{print_format} {department}"), options, output=writer)
	return get_file_data_from_writer(writer), len(names)


def print_stylesheet() -> str | None:
	"""Path of Frappe's built print.bundle.css, which the print view links; None if assets are not built."""
	path = os.path.join(frappe.local.sites_path, (bundled_asset("print.bundle.css") or "").lstrip("/"))
	return os.path.abspath(path) if os.path.isfile(path) else None


@contextlib.contextmanager
def quiet_css_parser():
	"""get_pdf parses every <style> with cssutils, which logs an error for each CSS value it does not know
	(Frappe's print styles have a few); silence it while printing."""
	logger = logging.getLogger("CSSUTILS")
	level = logger.level
	logger.setLevel(logging.CRITICAL)
	try:
		yield
	finally:
		logger.setLevel(level)


def print_view(bodies: list[str], style: str, title: str = "") -> str:
	"""www/printview.html with several bodies, each in its own .print-format followed by a page break; a
	<style> block that a later body repeats is kept only where it first appears."""
	seen: set[str] = set()

	def first_time(match: re.Match) -> str:
		block = match.group(0)
		if block in seen:
			return ""
		seen.add(block)
		return block

	pages = "\n".join(
		f'<div class="print-format{" page-break" if index < len(bodies) - 1 else ""}">'
		f"{STYLE_BLOCK.sub(first_time, body)}</div>"
		for index, body in enumerate(bodies)
	)
	return f"""<!DOCTYPE html>
<html lang="{frappe.local.lang or "id"}">
<head>
<meta charset="utf-8">
<title>{escape_html(title)}</title>
<meta name="generator" content="frappe">
<style>{style}</style>
</head>
<body>
<div class="print-format-gutter">
{pages}
</div>
</body>
</html>"""


def save_pdf(pdf: bytes, department: str, appraisal_cycle: str, print_format: str):
	"""A private File of the current user, attached to the unit's Predicate Calibration (HR only) or to nothing
	(its owner only): never to a document that every employee can read, such as the Appraisal Cycle."""
	calibration = frappe.db.get_value(
		"Predicate Calibration",
		{"department": department, "appraisal_cycle": appraisal_cycle, "docstatus": ("<", 2)},
		"name",
		order_by="docstatus desc, modified desc",
	)
	file_name = " - ".join((print_format, department, appraisal_cycle)).replace("/", "-") + ".pdf"
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"attached_to_doctype": "Predicate Calibration" if calibration else None,
			"attached_to_name": calibration,
			"is_private": 1,
			"content": pdf,
		}
	)
	file.flags.ignore_permissions = True  # the user printed the appraisals; the File is theirs (owner)
	file.insert()
	return file


def notify(user: str, message: str, file=None, extra: dict | None = None) -> None:
	payload = {"message": message, "file_url": file.file_url if file else None, **(extra or {})}
	frappe.publish_realtime(EVENT, payload, user=user, after_commit=True)
	log = frappe.get_doc(
		{
			"doctype": "Notification Log",
			"for_user": user,
			"type": "Alert",
			"subject": message,
			"document_type": "File" if file else None,
			"document_name": file.name if file else None,
			"link": file.file_url if file else None,
		}
	)
	log.insert(ignore_permissions=True)


def pdf_pages(pdf: bytes) -> int:
	from pypdf import PdfReader

	return len(PdfReader(io.BytesIO(pdf)).pages)
