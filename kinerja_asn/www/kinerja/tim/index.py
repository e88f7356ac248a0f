"""/kinerja/tim — Tim Saya: the appraisals of my own staff (I am their Pejabat Penilai Kinerja), rater progress,
ratings with override reasons (kinerja_asn.api.appraisal.set_evaluation) and the SE 3/2023 distribution."""

import frappe
from frappe import _

from kinerja_asn.api import portal

no_cache = 1


def get_context(context):
	portal.prepare_page(context, "tim", _("My Team"))
	context.parents = [{"route": "/kinerja", "title": _("My Appraisals")}]
	context.kinerja = portal.get_team(
		appraisal_cycle=frappe.form_dict.get("cycle"),
		organisation_predicate=frappe.form_dict.get("organisation_predicate"),
	)
