"""/kinerja/panduan — Panduan Penilaian: my position's competency profile, the dictionary, BerAKHLAK guides,
the kuadran, the SE 3/2023 pattern, rater weights and the anonymity threshold (kinerja_asn.api.portal)."""

from frappe import _

from kinerja_asn.api import portal

no_cache = 1


def get_context(context):
	portal.prepare_page(context, "panduan", _("Appraisal Guide"))
	context.parents = [{"route": "/kinerja", "title": _("My Appraisals")}]
	context.kinerja = portal.get_guide()
