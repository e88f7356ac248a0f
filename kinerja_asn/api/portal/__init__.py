"""Self-service portal (/kinerja, /kinerja/tugas, /kinerja/tim, /kinerja/panduan): the data of each page and
the portal's whitelisted endpoints.

Ordinary employees have no desk or REST rights on appraisal data: these functions are their only way in. Each
asks kinerja_asn.access (on the stored documents) and returns plain dicts with only what the session user may
see; the portal's one page (kinerja_asn.portal_shell) holds no data, and its script shows exactly these dicts:

- a person sees their own appraisals and, of the raters' input, only groups at or above the anonymity threshold
  and feedback texts without names (kinerja_asn.api.appraisal.get_feedback_summary), and only once the results
  are released (kinerja_asn.access.released);
- a rater sees and fills only their own Rater Feedback (its stored rater_user is the session user);
- a supervisor sees the appraisals of their own staff (evaluator = their employee), with rater progress as
  counts only.
"""

from kinerja_asn.api.portal.appraisals import (
	appraisal_for_person,
	development_plan,
	development_suggestions,
	get_my_appraisals,
)
from kinerja_asn.api.portal.common import PAGES, SCORE_GUIDE, VIEWS, js_messages, prepare_shell, view_of
from kinerja_asn.api.portal.guide import get_guide
from kinerja_asn.api.portal.tasks import MAX_TEXT, get_my_tasks, get_task, save_feedback
from kinerja_asn.api.portal.team import get_team, team_distribution

__all__ = (
	"MAX_TEXT",
	"PAGES",
	"SCORE_GUIDE",
	"VIEWS",
	"appraisal_for_person",
	"development_plan",
	"development_suggestions",
	"get_guide",
	"get_my_appraisals",
	"get_my_tasks",
	"get_task",
	"get_team",
	"js_messages",
	"prepare_shell",
	"save_feedback",
	"team_distribution",
	"view_of",
)
