"""Keep the realised JP of Development Plans in step with HRMS Training Events.

doc_events on Training Event (submit, update after submit, cancel) refresh the plans of its attendees for the
event's year; a daily job refreshes every plan of the running year (and of last year during January), so
changes made outside those events (settings, late corrections) are picked up too.
"""

import frappe
from frappe.utils import add_days, getdate, today

from kinerja_asn.pengembangan.doctype.development_plan.development_plan import refresh_plans

BACKGROUND_THRESHOLD = 200


def on_training_event_change(doc, method: str | None = None) -> None:
	employees = sorted({row.employee for row in doc.get("employees") or [] if row.employee})
	if not employees or not doc.start_time:
		return
	year = getdate(doc.start_time).year
	if len(employees) > BACKGROUND_THRESHOLD:
		frappe.enqueue(
			refresh_plans,
			queue="long",
			enqueue_after_commit=True,
			year=year,
			employees=employees,
		)
		return
	refresh_plans(year=year, employees=employees)


def refresh_running_years() -> int:
	"""Daily: refresh the plans of this year, and of last year while January lasts."""
	now = getdate(today())
	years = sorted({now.year, getdate(add_days(now, -31)).year})
	return sum(refresh_plans(year=year) for year in years)
