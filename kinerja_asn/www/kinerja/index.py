"""/kinerja and every /kinerja/<path>: the portal shell (kinerja_asn.portal_shell renders and caches it).

No data here: the views (Penilaian Saya, Tugas Penilaian, one task form, Tim Saya, Panduan Penilaian) are
shown by kinerja_asn/public/js/kinerja_portal.js from the whitelisted endpoints of kinerja_asn.api.portal.
"""

import frappe

from kinerja_asn.api import portal

no_cache = 1


def get_context(context):
	# the view being rendered, set by kinerja_asn.portal_shell (which answers every portal route)
	portal.prepare_shell(context, frappe.local.flags.kinerja_shell_view or "saya")
