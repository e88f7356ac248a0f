"""/kinerja/panduan (Panduan Penilaian): my position's profile, the dictionary, and how scores are made."""

import frappe
from frappe import _
from frappe.utils import cint, flt

from kinerja_asn import access
from kinerja_asn.api.portal.common import (
	SCORE_GUIDE,
	no_employee,
	require_user,
	text_lines,
)
from kinerja_asn.scoring import distribution
from kinerja_asn.scoring.aggregation import (
	ATASAN,
	BAWAHAN,
	DIRI,
	POOLED,
	RATER_ROLES,
	REKAN,
)
from kinerja_asn.scoring.ratings import KUADRAN, RATINGS
from kinerja_asn.settings import anonymity_threshold, get_settings, role_weights

# ------------------------------------------------------------------------- 4. /kinerja/panduan: the guide


def _competency_details(names: list[str]) -> dict[str, dict]:
	if not names:
		return {}
	info = {
		c.name: {
			"competency": c.name,
			"competency_type": c.competency_type,
			"competency_type_label": _(c.competency_type),
			"bidang": c.bidang,
			"definition": c.definition,
			"levels": [],
		}
		for c in frappe.get_list(
			"Competency",
			filters={"name": ("in", names)},
			fields=["name", "competency_type", "bidang", "definition"],
		)
	}
	for lv in frappe.get_all(
		"Competency Level",
		filters={"parent": ("in", list(info) or [""]), "parenttype": "Competency"},
		fields=["parent", "level", "title", "description", "indicators"],
		order_by="level asc",
	):
		info[lv.parent]["levels"].append(
			{
				"level": lv.level,
				"title": lv.title,
				"description": lv.description,
				"indicators": text_lines(lv.indicators),
			}
		)
	return info


@frappe.whitelist()
def get_guide() -> dict:
	"""My position's competency profile, the competency dictionary, the BerAKHLAK guides, how ratings become a
	predikat, the SE 3/2023 pattern, and the rater weights and anonymity threshold of the settings."""
	user = require_user()
	if not frappe.has_permission("Competency", "read"):
		return {"profile": None, "designation": None, **no_employee()}
	employee = access.employee_of(user)
	designation = employee and frappe.db.get_value("Employee", employee, "designation")
	profile = None
	if designation and frappe.get_list(
		"Position Competency Profile", filters={"name": designation}, pluck="name", limit=1
	):
		p = frappe.get_doc("Position Competency Profile", designation)
		details = _competency_details([r.competency for r in p.requirements])
		profile = {
			"designation": p.designation,
			"job_group": p.job_group,
			"requirements": [
				{
					"competency": r.competency,
					"competency_type_label": _(r.competency_type) if r.competency_type else None,
					"required_level": r.required_level,
					"weight": r.weight,
					"level_description": r.level_description,
					"levels": details.get(r.competency, {}).get("levels", []),
					"definition": details.get(r.competency, {}).get("definition"),
				}
				for r in p.requirements
			],
		}
	names = frappe.get_list(
		"Competency", filters={"enabled": 1}, pluck="name", order_by="competency_name asc"
	)
	details = _competency_details(names)
	dictionary = []
	for kind in ("Manajerial", "Sosial Kultural", "Teknis"):
		items = [details[n] for n in names if n in details and details[n]["competency_type"] == kind]
		if items:
			dictionary.append({"competency_type": kind, "label": _(kind), "competencies": items})
	values = frappe.get_list("Core Value", fields=["name", "meaning"], order_by="sequence asc")
	guides: dict[str, list[str]] = {}
	for g in frappe.get_all(
		"Core Value Guide",
		filters={"parent": ("in", [v.name for v in values] or [""]), "parenttype": "Core Value"},
		fields=["parent", "guide"],
		order_by="idx asc",
	):
		guides.setdefault(g.parent, []).append(g.guide)
	s = get_settings()
	weights = role_weights()
	return {
		"designation": designation,
		"profile": profile,
		"dictionary": dictionary,
		"core_values": [
			{"core_value": v.name, "meaning": v.meaning, "guides": guides.get(v.name, [])} for v in values
		],
		"score_guide": [{"score": sc, "text": _(t)} for sc, t in SCORE_GUIDE],
		"ratings": [{"value": v, "label": _(v)} for v in RATINGS],
		"kuadran": [
			{
				"hasil_kerja": h,
				"hasil_kerja_label": _(h),
				"cells": [
					{"perilaku": p, "predikat": KUADRAN[(h, p)], "label": _(KUADRAN[(h, p)])} for p in RATINGS
				],
			}
			for h in RATINGS
		],
		"distribution_rules": [
			{
				"organisation_predicate": cko,
				"label": _(cko),
				"rules": [_(r.description) for r in distribution.RULES[cko]],
			}
			for cko in distribution.ORGANISATION_PREDICATES
		],
		"weights": [
			{"role": role, "label": _(role), "weight": flt(weights.get(role, 0), 2)} for role in RATER_ROLES
		],
		"anonymity_threshold": anonymity_threshold(),
		"anonymous_roles": [_(r) for r in (REKAN, BAWAHAN)],
		"always_visible_roles": [_(r) for r in (ATASAN, DIRI)],
		"pooled_label": _(POOLED),
		"peers_to_assign": cint(s.peers_to_assign),
		"min_peer_raters": cint(s.min_peer_raters),
		"thresholds": {
			"hasil_above": flt(s.hasil_above_threshold),
			"hasil_below": flt(s.hasil_below_threshold),
			"perilaku_above": flt(s.perilaku_above_threshold),
			"perilaku_below": flt(s.perilaku_below_threshold),
		},
	}
