"""Competency development (pengembangan kompetensi) and its follow-up: targets, plans, shortlist, reminders.

PP 11/2017 Ps. 203(4): PNS at least 20 JP per year. PPPK at most 24 JP per contract year (Perlan 15/2020,
corroborated). Both are parameters; suggested methods per gap are local practice.

Development plan (Ps. 203(5), 205-206: plans from the competency-gap analysis): the methods offered, JP of
an attended training event (stated JP, else its duration at 45 minutes per JP: a convention, a parameter),
JP to plan split over the gaps, realised JP per plan item, item and plan status, gap severity bands.
Talent shortlist: predikat Sangat Baik and kotak 7-9 (PermenPANRB 3/2020, see talent.py).
Feedback reminders: which reminder stage (H-n before the deadline, Eskalasi after it) a pending task is in.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from typing import Any

from kinerja_asn.scoring.errors import RuleError, _
from kinerja_asn.scoring.ratings import SANGAT_BAIK
from kinerja_asn.scoring.talent import SUCCESSION_BOXES

PNS = "PNS"
PPPK = "PPPK"
ASN_STATUSES = (PNS, PPPK)

DEFAULT_JP_TARGET: dict[str, float] = {PNS: 20}
DEFAULT_JP_CAP: dict[str, float] = {PPPK: 24}

# Local practice: (largest gap, methods) checked from the most negative; any other negative gap -> small.
DEFAULT_METHOD_RULES: tuple[tuple[float, tuple[str, ...]], ...] = (
	(-2.0, ("Pelatihan", "Coaching")),
	(-1.0, ("Coaching", "E-Learning")),
)
DEFAULT_SMALL_GAP_METHODS: tuple[str, ...] = ("Mentoring",)


def jp_progress(
	realised: float,
	asn_status: str,
	target: Mapping[str, float] = DEFAULT_JP_TARGET,
	cap: Mapping[str, float] = DEFAULT_JP_CAP,
) -> dict[str, Any]:
	"""Progress of the year's jam pelajaran: target, realised, remaining, percent, over_cap, met.

	Statuses without a target get target/percent None and remaining 0; without a cap, over_cap is False.
	"""
	if realised is None or not math.isfinite(realised) or realised < 0:
		raise RuleError(_("The realised jam pelajaran must be 0 or more, got {0}"), realised)
	goal = target.get(asn_status)
	limit = cap.get(asn_status)
	return {
		"asn_status": asn_status,
		"target": goal,
		"cap": limit,
		"realised": realised,
		"remaining": max(goal - realised, 0) if goal else 0,
		"percent": round(realised / goal * 100, 2) if goal else None,
		"met": realised >= goal if goal else True,
		"over_cap": limit is not None and realised > limit,
	}


def suggest_methods(
	gap: float,
	rules: tuple[tuple[float, tuple[str, ...]], ...] = DEFAULT_METHOD_RULES,
	small_gap_methods: tuple[str, ...] = DEFAULT_SMALL_GAP_METHODS,
) -> list[str]:
	"""Suggested development methods for a competency gap (assessed - required); [] if no gap."""
	if gap is None or not math.isfinite(gap):
		raise RuleError(_("The competency gap must be a number, got {0}"), gap)
	if gap >= 0:
		return []
	for largest_gap, methods in sorted(rules):
		if gap <= largest_gap:
			return list(methods)
	return list(small_gap_methods)


# ------------------------------------------------------------------ development plan (rencana pengembangan)

# Perlan LAN 10/2018 (klasikal and non-klasikal jalur) plus the local names of the brief; a Select in the
# Development Plan Item doctype offers exactly these, in this order.
DEVELOPMENT_METHODS: tuple[str, ...] = (
	"Pelatihan",
	"Bimbingan Teknis",
	"Seminar",
	"Workshop",
	"Kursus",
	"E-Learning",
	"Coaching",
	"Mentoring",
	"Magang",
	"Penugasan Khusus",
	"Detasering",
	"Patok Banding",
	"Belajar Mandiri",
	"Komunitas Belajar",
	"Tugas Belajar",
)

# Common convention in Indonesian training (1 jam pelajaran = 45 menit); UNCONFIRMED for this use, a setting.
DEFAULT_MINUTES_PER_JP = 45

PLANNED = "Direncanakan"
IN_PROGRESS = "Berjalan"
DONE = "Selesai"
ITEM_STATUSES = (PLANNED, IN_PROGRESS, DONE)

JP_MET = "Terpenuhi"
JP_NOT_MET = "Belum Terpenuhi"
JP_WITHIN_CAP = "Dalam Batas"
JP_OVER_CAP = "Melebihi Batas"
JP_NO_TARGET = "Tanpa Target"
JP_STATUSES = (JP_NOT_MET, JP_MET, JP_WITHIN_CAP, JP_OVER_CAP, JP_NO_TARGET)

# Local practice: gap severity bands from the most negative, aligned with DEFAULT_METHOD_RULES.
GAP_LARGE = "Besar"
GAP_MEDIUM = "Sedang"
GAP_SMALL = "Kecil"
DEFAULT_GAP_SEVERITY: tuple[tuple[float, str], ...] = ((-2.0, GAP_LARGE), (-1.0, GAP_MEDIUM))


@dataclass(frozen=True)
class Attendance:
	"""One training event an employee attended (present) and the JP it earns."""

	event: str
	program: str | None
	jp: float


def _is_number(value: Any) -> bool:
	return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


def event_minutes(start: datetime, end: datetime) -> float:
	"""Teaching minutes of a training event from its start and end time.

	Within one day: end - start. Over several days the event is read as running every day from the start
	clock time to the end clock time (08:00 Monday to 16:00 Wednesday = 3 x 8 hours), not through the
	nights; when the end clock time is not after the start clock time, the whole span counts.
	"""
	if start is None or end is None or end <= start:
		raise RuleError(_("The training event must end after it starts ({0} to {1})"), start, end)
	days = (end.date() - start.date()).days + 1
	if days == 1:
		return (end - start).total_seconds() / 60
	daily = (datetime.combine(start.date(), end.time()) - start).total_seconds() / 60
	if daily <= 0:
		return (end - start).total_seconds() / 60
	return days * daily


def event_jp(
	start: datetime,
	end: datetime,
	jp: float | None = None,
	minutes_per_jp: float = DEFAULT_MINUTES_PER_JP,
) -> float:
	"""JP credited to a participant marked present: the event's stated JP if set (> 0), else its duration."""
	if jp:
		if not _is_number(jp) or jp < 0:
			raise RuleError(_("The JP of a training event must be 0 or more, got {0}"), jp)
		return float(jp)
	if not _is_number(minutes_per_jp) or minutes_per_jp <= 0:
		raise RuleError(_("Minutes per JP must be more than 0, got {0}"), minutes_per_jp)
	return round(event_minutes(start, end) / minutes_per_jp, 2)


def planning_basis(
	asn_status: str,
	target: Mapping[str, float] = DEFAULT_JP_TARGET,
	cap: Mapping[str, float] = DEFAULT_JP_CAP,
) -> float:
	"""JP to plan for a year: the minimum (PNS), else the maximum (PPPK), else 0 (local practice)."""
	return float(target.get(asn_status) or cap.get(asn_status) or 0)


def allocate_jp(gaps: Sequence[float], total: float) -> list[int]:
	"""Split `total` whole JP over the negative gaps in proportion to their size (largest remainder).

	Non-negative gaps get 0; the result sums to round(total) when any gap is negative, else to 0.
	"""
	if not _is_number(total) or total < 0:
		raise RuleError(_("The JP to plan must be 0 or more, got {0}"), total)
	for gap in gaps:
		if not _is_number(gap):
			raise RuleError(_("The competency gap must be a number, got {0}"), gap)
	sizes = [Fraction(str(-g)) if g < 0 else Fraction(0) for g in gaps]
	whole = round(total)
	weight = sum(sizes)
	if not weight or not whole:
		return [0] * len(gaps)
	exact = [size * whole / weight for size in sizes]
	shares = [math.floor(value) for value in exact]
	by_remainder = sorted(range(len(gaps)), key=lambda i: (-(exact[i] - shares[i]), i))
	for i in by_remainder[: whole - sum(shares)]:
		shares[i] += 1
	return shares


def allocate_realised(
	items: Sequence[tuple[str | None, str | None]], attended: Sequence[Attendance]
) -> tuple[list[float], float]:
	"""Realised JP per plan item (training event, training program) and the JP attended outside the plan.

	Each attended event counts once: for the first item naming that event; otherwise for the first item that
	names the event's program without naming an event; otherwise outside the plan.
	"""
	realised = [0.0] * len(items)
	by_event = {}
	by_program = {}
	for idx, (event, program) in enumerate(items):
		if event:
			by_event.setdefault(event, idx)
		elif program:
			by_program.setdefault(program, idx)
	unplanned = 0.0
	for row in attended:
		idx = by_event.get(row.event)
		if idx is None and row.program:
			idx = by_program.get(row.program)
		if idx is None:
			unplanned += row.jp
		else:
			realised[idx] += row.jp
	return [round(value, 2) for value in realised], round(unplanned, 2)


def item_status(planned: float, realised: float) -> str:
	"""Direncanakan (nothing yet), Berjalan (part of the planned JP) or Selesai (planned JP reached)."""
	if realised <= 0:
		return PLANNED
	return DONE if realised >= planned else IN_PROGRESS


def jp_status(progress: Mapping[str, Any]) -> str:
	"""Status of a jp_progress(): over the cap first, then met/not met (target), within cap, no target."""
	if progress.get("over_cap"):
		return JP_OVER_CAP
	if progress.get("target"):
		return JP_MET if progress.get("met") else JP_NOT_MET
	if progress.get("cap") is not None:
		return JP_WITHIN_CAP
	return JP_NO_TARGET


def check_planned_jp(planned: float, asn_status: str, cap: Mapping[str, float] = DEFAULT_JP_CAP) -> None:
	"""A plan may not plan more JP than the status allows in a year (PPPK: 24 JP)."""
	limit = cap.get(asn_status)
	if limit is not None and planned > limit:
		raise RuleError(
			_("An employee with status {0} may follow at most {1} JP per year; the plan has {2} JP"),
			asn_status,
			f"{limit:g}",
			f"{planned:g}",
		)


def gap_severity(gap: float, bands: Sequence[tuple[float, str]] = DEFAULT_GAP_SEVERITY) -> str | None:
	"""Besar / Sedang / Kecil for a negative gap (local bands), None when there is no gap."""
	if gap is None or not math.isfinite(gap):
		raise RuleError(_("The competency gap must be a number, got {0}"), gap)
	if gap >= 0:
		return None
	for largest_gap, label in sorted(bands):
		if gap <= largest_gap:
			return label
	return GAP_SMALL


# ------------------------------------------------------------------------------------- talent shortlist

DEFAULT_SHORTLIST_PREDIKAT: tuple[str, ...] = (SANGAT_BAIK,)


def is_shortlisted(
	predikat: str | None,
	box: int | None,
	predicates: Sequence[str] = DEFAULT_SHORTLIST_PREDIKAT,
	boxes: Sequence[int] = SUCCESSION_BOXES,
) -> bool:
	"""Reward and talent shortlist: predikat Sangat Baik and kotak 7-9 (PermenPANRB 3/2020 succession)."""
	return bool(predikat) and predikat in predicates and box in boxes


# --------------------------------------------------------------------------------- feedback reminders

ESCALATION = "Eskalasi"
DEFAULT_REMINDER_DAYS: tuple[int, ...] = (7, 1)
DEFAULT_ESCALATION_WINDOW = 30  # days after the deadline in which overdue tasks are still escalated


def reminder_days(value: str | Sequence[int] | None) -> tuple[int, ...]:
	"""Days before the deadline at which raters are reminded, from a setting such as "7, 1"."""
	if value is None or value == "":
		return DEFAULT_REMINDER_DAYS
	parts = value.replace(";", ",").split(",") if isinstance(value, str) else list(value)
	days = set()
	for part in parts:
		text = str(part).strip()
		if not text:
			continue
		if not text.isdigit():
			raise RuleError(
				_("Reminder days must be whole numbers of 0 or more separated by commas, got {0}"), value
			)
		days.add(int(text))
	return tuple(sorted(days, reverse=True))


def reminder_stage(
	days_left: int,
	days_before: Sequence[int] = DEFAULT_REMINDER_DAYS,
	escalate: bool = True,
	escalation_window: int = DEFAULT_ESCALATION_WINDOW,
) -> str | None:
	"""The reminder due for a pending task `days_left` days before its deadline (negative: overdue).

	Before the deadline: "H-n" for the smallest configured n that has been reached (so a task first seen 3 days
	before a deadline with days (7, 1) gets H-7, then H-1 on the last day), None before the first. After the
	deadline: Eskalasi (to the rater's supervisor) within the escalation window, if escalation is on.
	"""
	if days_left < 0:
		return ESCALATION if escalate and -days_left <= escalation_window else None
	reached = [n for n in days_before if days_left <= n]
	return f"H-{min(reached)}" if reached else None
