"""/kinerja and every /kinerja/<path>: the portal shell (kinerja_asn.portal_shell renders and caches it).

No data here: the views (Penilaian Saya, Tugas Penilaian, one task form, Tim Saya, Panduan Penilaian) are
shown by kinerja_asn/public/js/kinerja_portal.js from the whitelisted endpoints of kinerja_asn.api.portal.
"""

from kinerja_asn.api import portal
from kinerja_asn.portal_shell import current_view

no_cache = 1


def get_context(context):
	portal.prepare_shell(context, current_view() or "saya")
