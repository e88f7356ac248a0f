"""/kinerja — Penilaian Saya: my appraisals, results and aggregated feedback (kinerja_asn.api.portal)."""

from frappe import _

from kinerja_asn.api import portal

no_cache = 1


def get_context(context):
	portal.prepare_page(context, "saya", _("My Appraisals"))
	context.parents = [{"route": "/me", "title": _("My Account")}]
	context.kinerja = portal.get_my_appraisals()
