"""The calibration assistant on a Predicate Calibration: proposals from the pure core
(kinerja_asn.scoring.calibration), and the Pejabat Penilai's decision on each. An accepted proposal becomes a
rating override on the ASN Appraisal with the proposal's reason; the kuadran then makes the predikat."""

import frappe
from frappe import _
from frappe.utils import flt

from kinerja_asn import access
from kinerja_asn.rules import rule_errors
from kinerja_asn.scoring import calibration
from kinerja_asn.settings import distribution_options, thresholds

CALIBRATION = "Predicate Calibration"
USULAN, DITERIMA, DITOLAK = "Usulan", "Diterima", "Ditolak"


def _achievements(appraisals: list[str]) -> dict[str, float]:
	"""Mean achievement (percent) of each appraisal's results: the hasil kerja score the boundary is read on."""
	R = frappe.qb.DocType("ASN Appraisal Result")
	rows = (
		frappe.qb.from_(R)
		.select(R.parent, R.achievement)
		.where((R.parenttype == "ASN Appraisal") & R.parent.isin(appraisals or [""]))
		.run()
	)
	values: dict[str, list[float]] = {}
	for parent, achievement in rows:
		if achievement is not None:
			values.setdefault(parent, []).append(flt(achievement))
	return {parent: round(sum(v) / len(v), 2) for parent, v in values.items()}


def candidates(doc) -> list[calibration.Candidate]:
	"""The group's rated employees as the assistant sees them (keyed by ASN Appraisal)."""
	rated = [r for r in doc.employees if r.hasil_kerja_rating and r.perilaku_rating]
	achievement = _achievements([r.asn_appraisal for r in rated])
	behaviour = dict(
		frappe.get_all(
			"ASN Appraisal",
			filters={"name": ("in", [r.asn_appraisal for r in rated] or [""])},
			fields=["name", "behaviour_score"],
			as_list=True,
		)
	)
	return [
		calibration.Candidate(
			r.asn_appraisal,
			r.hasil_kerja_rating,
			r.perilaku_rating,
			achievement.get(r.asn_appraisal),
			flt(behaviour.get(r.asn_appraisal)) or None,
		)
		for r in rated
	]


def _require_editable(doc) -> None:
	if doc.docstatus != 0:
		frappe.throw(_("The predikat of this group is already fixed. Cancel the calibration to change it."))


@frappe.whitelist(methods=["POST"])
def propose_changes(name: str) -> dict:
	"""Fill the calibration's proposals: the fewest predikat changes that make the group satisfy SE 3/2023."""
	doc = frappe.get_doc(CALIBRATION, name)
	doc.check_permission("write")
	_require_editable(doc)
	doc.set_employees()
	doc.check()
	decided = [r for r in doc.proposals if r.status != USULAN]
	doc.set("proposals", decided)
	for idx, row in enumerate(doc.proposals, 1):  # the decided ones first, in their order
		row.idx = idx
	if doc.check_result != "Tidak Sesuai":
		doc.assistant_note = _("The group meets the distribution rules: nothing to change.")
		doc.save()
		return {"proposals": 0}
	settled = {r.asn_appraisal for r in decided}  # decided once: never proposed again
	names = {r.asn_appraisal: r for r in doc.employees}
	with rule_errors(_("Calibration Assistant")):
		answer = calibration.propose(
			doc.organisation_predicate,
			candidates(doc),
			thresholds(),
			fixed=settled,
			**distribution_options(),
		)
	if not answer.feasible:
		template, args = answer.infeasible_reason
		doc.assistant_note = _(template).format(*args)
	else:
		doc.assistant_note = _(
			"{0} change(s) are the fewest that make this group meet SE 3/2023. Accept or reject each; an accepted one becomes a rating override with its reason."
		).format(len(answer.proposals))
	for p in answer.proposals:
		row = names[p.key]
		doc.append(
			"proposals",
			{
				"asn_appraisal": p.key,
				"employee": row.employee,
				"employee_name": row.employee_name,
				"from_predikat": p.from_predikat,
				"to_predikat": p.to_predikat,
				"hasil_kerja_rating": p.hasil_kerja_rating,
				"perilaku_rating": p.perilaku_rating,
				"gap": p.gap,
				"reason": p.reason(row.employee_name, _),
				"status": USULAN,
			},
		)
	doc.save()
	return {"proposals": len(answer.proposals), "note": doc.assistant_note}


@frappe.whitelist(methods=["POST"])
def decide_proposal(name: str, proposal: str, accept: int | bool | str) -> dict:
	"""Accept (the proposal becomes a rating override with its reason) or reject one proposal. HR, or the
	Pejabat Penilai Kinerja of the employee concerned, decides; the calibration is then checked again."""
	if not frappe.db.exists(CALIBRATION, name):
		frappe.throw(_("Predicate Calibration {0} does not exist.").format(name))
	frappe.db.get_value(CALIBRATION, name, "name", for_update=True)  # one decision at a time per group
	doc = frappe.get_doc(CALIBRATION, name)
	row = next((r for r in doc.proposals if r.name == proposal), None)
	if not row:
		frappe.throw(
			_("This proposal is no longer on the calibration. Reload it and ask the assistant again.")
		)
	appraisal = access.stored_appraisal(row.asn_appraisal)
	access.require(
		access.can_evaluate(appraisal) or doc.has_permission("write"),
		_("Only HR or the Pejabat Penilai Kinerja of {0} can decide this proposal.").format(
			row.employee_name
		),
	)
	_require_editable(doc)
	if row.status != USULAN:
		frappe.throw(_("This proposal was already decided ({0}).").format(_(row.status)))
	accepted = frappe.utils.sbool(accept)
	if accepted:
		_apply(row, doc.name)
	row.status = DITERIMA if accepted else DITOLAK
	row.decided_by = frappe.session.user
	doc.flags.ignore_permissions = True  # checked above: HR, or the evaluator of this employee
	doc.save()
	return {"status": row.status, "check_result": doc.check_result}


def _apply(row, calibration_name: str) -> None:
	"""The accepted proposal as a rating override on the appraisal (the kuadran makes the predikat)."""
	appraisal = frappe.get_doc("ASN Appraisal", row.asn_appraisal)
	if appraisal.docstatus != 0 or appraisal.predikat_status == "Ditetapkan":
		frappe.throw(_("The appraisal of {0} is no longer open for changes.").format(row.employee_name))
	reason = _("Calibration {0}: {1}").format(calibration_name, row.reason)
	for axis in ("hasil_kerja", "perilaku"):
		new = row.get(f"{axis}_rating")
		if new == appraisal.get(f"{axis}_rating"):
			continue
		appraisal.set(f"{axis}_rating", new)
		appraisal.set(f"{axis}_override_reason", None if new == appraisal.get(f"{axis}_proposed") else reason)
	appraisal.flags.ignore_permissions = True  # the decider was checked by decide_proposal
	appraisal.save()
	appraisal.add_comment("Info", reason)
