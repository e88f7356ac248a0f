"""The appraisal lifecycle: when feedback may change, what amend and reorganisation do with the raters' work,
and the version entries every state change leaves.

- Feedback can be saved, sent or withdrawn only while its appraisal is a draft whose predikat is not fixed
  (ditetapkan) and its cycle's feedback window is open (``feedback_closed`` says why not, and who can reopen).
- Cancelling an appraisal never touches its raters' feedback; the amendment takes it over (``take_over_feedback``)
  with a comment on both documents.
- When an appraisee's supervisor changes during a cycle, the open Atasan task moves to the new Pejabat Penilai
  Kinerja; submitted feedback of the former one is kept and marked (``move_atasan_task``).
- State changes written without a save (calibration, re-linking) leave a Version entry (``record_change``).
"""

import frappe
from frappe import _
from frappe.utils import getdate, today

from kinerja_asn.penilaian_kinerja.rollup import RATINGS
from kinerja_asn.scoring.aggregation import ATASAN

FIXED = "Ditetapkan"
APPRAISAL_STATE = ("name", "docstatus", "appraisal_cycle", "predikat_status", "predicate_calibration")


def appraisal_state(name: str):
	return frappe.db.get_value("ASN Appraisal", name, APPRAISAL_STATE, as_dict=True)


def feedback_closed(appraisal, cycle=None) -> str | None:
	"""Why the feedback of `appraisal` (a row with APPRAISAL_STATE) can no longer be given, sent or withdrawn,
	naming who can reopen it; None while it is open."""
	if appraisal.docstatus == 1:
		return _(
			"ASN Appraisal {0} is final: feedback can no longer be given or withdrawn. HR (Kepegawaian) can cancel and amend the appraisal."
		).format(appraisal.name)
	if appraisal.docstatus == 2:
		return _("ASN Appraisal {0} is cancelled: its feedback belongs to the amended appraisal.").format(
			appraisal.name
		)
	if appraisal.predikat_status == FIXED:
		return _(
			"The predikat of ASN Appraisal {0} is fixed by Predicate Calibration {1}: feedback can no longer be given or withdrawn. HR (Kepegawaian) can cancel that calibration first."
		).format(appraisal.name, appraisal.predicate_calibration)
	cycle = cycle or frappe.db.get_value(
		"Appraisal Cycle", appraisal.appraisal_cycle, ["name", "status", "feedback_deadline"], as_dict=True
	)
	if not cycle:
		return None
	if cycle.status == "Completed":
		return _(
			"Appraisal Cycle {0} is completed: feedback can no longer be given or withdrawn. HR (Kepegawaian) can reopen the cycle."
		).format(cycle.name)
	if cycle.feedback_deadline and getdate(today()) > getdate(cycle.feedback_deadline):
		return _(
			"The feedback deadline of cycle {0} was {1}: feedback can no longer be given or withdrawn. HR (Kepegawaian) can reopen it by extending the deadline."
		).format(cycle.name, frappe.format(cycle.feedback_deadline, "Date"))
	return None


def window_open(cycle) -> bool:
	"""Whether raters can still send feedback in `cycle` (a row with status and feedback_deadline)."""
	if cycle.status == "Completed":
		return False
	return not cycle.feedback_deadline or getdate(today()) <= getdate(cycle.feedback_deadline)


def record_change(doctype: str, name: str, changes: list[tuple[str, object, object]]) -> None:
	"""A Version entry (the document's timeline) for values changed without a save: [(field, old, new)]."""
	changed = [[field, old, new] for field, old, new in changes if (old or None) != (new or None)]
	if not changed:
		return
	frappe.get_doc(
		{
			"doctype": "Version",
			"ref_doctype": doctype,
			"docname": name,
			"data": frappe.as_json({"changed": changed, "added": [], "removed": [], "row_changed": []}),
		}
	).insert(ignore_permissions=True)


def take_over_feedback(amended, reason: str | None) -> int:
	"""An amended appraisal takes over the feedback of the one it amends (submitted and draft), with history on
	both documents. Returns how many feedback documents moved."""
	RF = frappe.qb.DocType("Rater Feedback")
	names = (
		frappe.qb.from_(RF)
		.select(RF.name)
		.where((RF.asn_appraisal == amended.amended_from) & (RF.docstatus < 2))
		.run(pluck=True)
	)
	if not names:
		return 0
	frappe.qb.update(RF).set(RF.asn_appraisal, amended.name).where(RF.name.isin(names)).run()
	set_rating_keys(names, asn_appraisal=amended.name)
	for name in names:
		record_change("Rater Feedback", name, [("asn_appraisal", amended.amended_from, amended.name)])
	user = frappe.session.user
	frappe.get_doc("ASN Appraisal", amended.amended_from).add_comment(
		"Info",
		_("Amended by {0} as {1}: {2}. Its {3} rater feedback moved to the amendment.").format(
			user, amended.name, reason or "-", len(names)
		),
	)
	amended.add_comment(
		"Info",
		_("Amends {0}; took over its {1} rater feedback.").format(amended.amended_from, len(names)),
	)
	return len(names)


def set_rating_keys(feedback: list[str], **keys) -> None:
	"""Keep the roll-up's keys on the rating rows (rollup.ROLLUP_KEYS) when feedback changes without a save."""
	for child, *_rest in RATINGS:
		Row = frappe.qb.DocType(child)
		query = frappe.qb.update(Row)
		for fieldname, value in keys.items():
			query = query.set(Row[fieldname], value)
		query.where(Row.parent.isin(feedback) & (Row.parenttype == "Rater Feedback")).run()


def move_atasan_task(appraisal: str, old: str | None, new: str | None) -> None:
	"""The appraisee's Pejabat Penilai Kinerja changed from `old` to `new` during the cycle (reorganisation):
	the open Atasan task of `old` goes to `new` (while the feedback window is open); a submitted one is kept
	and marked as the former supervisor's."""
	RF = frappe.qb.DocType("Rater Feedback")
	tasks = frappe.get_all(
		"Rater Feedback",
		filters={"asn_appraisal": appraisal, "rater_role": ATASAN, "docstatus": ("<", 2)},
		fields=["name", "rater", "docstatus"],
	)
	for task in tasks:
		if task.rater == new:
			continue
		if task.docstatus == 0:
			frappe.delete_doc("Rater Feedback", task.name, ignore_permissions=True, force=True)
		else:
			frappe.qb.update(RF).set(RF.former_supervisor, 1).where(RF.name == task.name).run()
			record_change("Rater Feedback", task.name, [("former_supervisor", 0, 1)])
	if new and not any(t.rater == new for t in tasks) and not feedback_closed(appraisal_state(appraisal)):
		frappe.get_doc(
			{"doctype": "Rater Feedback", "asn_appraisal": appraisal, "rater": new, "rater_role": ATASAN}
		).insert(ignore_permissions=True)
	frappe.get_doc("ASN Appraisal", appraisal).add_comment(
		"Info",
		_("Pejabat Penilai Kinerja changed from {0} to {1}: the open Atasan task moved to {1}.").format(
			old or "-", new or "-"
		),
	)
