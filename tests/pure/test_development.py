import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_asn.scoring.development import (
	DEFAULT_JP_CAP,
	DEFAULT_JP_TARGET,
	DEFAULT_METHOD_RULES,
	DEFAULT_MINUTES_PER_JP,
	DEFAULT_SMALL_GAP_METHODS,
	DEVELOPMENT_METHODS,
	ESCALATION,
	ITEM_STATUSES,
	JP_STATUSES,
	Attendance,
	allocate_jp,
	allocate_realised,
	check_planned_jp,
	event_jp,
	event_minutes,
	gap_severity,
	is_shortlisted,
	item_status,
	jp_progress,
	jp_status,
	planning_basis,
	reminder_days,
	reminder_stage,
	suggest_methods,
)
from kinerja_asn.scoring.errors import RuleError

PENGEMBANGAN = Path(__file__).resolve().parents[2] / "kinerja_asn" / "pengembangan" / "doctype"


def test_defaults():
	# PP 11/2017 Ps. 203(4): at least 20 JP for PNS; PPPK at most 24 JP (reference §6.2)
	assert DEFAULT_JP_TARGET == {"PNS": 20}
	assert DEFAULT_JP_CAP == {"PPPK": 24}


def test_pns_progress():
	progress = jp_progress(12, "PNS")
	assert progress["target"] == 20
	assert progress["realised"] == 12
	assert progress["remaining"] == 8
	assert progress["percent"] == 60.0
	assert progress["over_cap"] is False
	assert progress["met"] is False
	done = jp_progress(25, "PNS")
	assert done["remaining"] == 0 and done["met"] is True and done["percent"] == 125.0


def test_pppk_cap():
	assert jp_progress(24, "PPPK")["over_cap"] is False
	progress = jp_progress(25, "PPPK")
	assert progress["over_cap"] is True
	assert progress["target"] is None and progress["percent"] is None and progress["remaining"] == 0


def test_custom_and_errors():
	assert jp_progress(10, "PPPK", target={"PPPK": 10})["met"] is True
	with pytest.raises(RuleError):
		jp_progress(-1, "PNS")


@pytest.mark.parametrize(
	"gap, methods",
	[
		(-3, ["Pelatihan", "Coaching"]),
		(-2, ["Pelatihan", "Coaching"]),
		(-1.5, ["Coaching", "E-Learning"]),
		(-1, ["Coaching", "E-Learning"]),
		(-0.5, ["Mentoring"]),
		(0, []),
		(1, []),
	],
)
def test_suggest_methods(gap, methods):
	assert suggest_methods(gap) == methods


# ------------------------------------------------------------------------------------ development plan


def select_options(doctype_folder: str, fieldname: str) -> list[str]:
	path = PENGEMBANGAN / doctype_folder / f"{doctype_folder}.json"
	field = next(
		f for f in json.loads(path.read_text(encoding="utf-8"))["fields"] if f["fieldname"] == fieldname
	)
	return [o for o in field["options"].split("\n") if o]


def test_doctype_selects_offer_the_core_values():
	"""The Select fields of the Pengembangan doctypes offer exactly what the rules use."""
	assert select_options("development_plan_item", "development_method") == list(DEVELOPMENT_METHODS)
	assert select_options("development_plan_item", "status") == list(ITEM_STATUSES)
	assert select_options("development_plan", "jp_status") == list(JP_STATUSES)
	suggested = {m for _, methods in DEFAULT_METHOD_RULES for m in methods} | set(DEFAULT_SMALL_GAP_METHODS)
	assert suggested <= set(DEVELOPMENT_METHODS)
	for required in (
		"Pelatihan",
		"Coaching",
		"Mentoring",
		"E-Learning",
		"Magang",
		"Seminar",
		"Bimbingan Teknis",
	):
		assert required in DEVELOPMENT_METHODS


def test_event_minutes_same_day_and_several_days():
	assert event_minutes(datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 16)) == 480
	# 08:00 Monday to 16:00 Wednesday: three days of 8 hours, not 56 hours
	assert event_minutes(datetime(2026, 3, 2, 8), datetime(2026, 3, 4, 16)) == 3 * 480
	# ends earlier in the day than it started: the whole span (an overnight event)
	assert event_minutes(datetime(2026, 3, 2, 20), datetime(2026, 3, 3, 2)) == 360
	with pytest.raises(RuleError):
		event_minutes(datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 8))


def test_event_jp():
	assert DEFAULT_MINUTES_PER_JP == 45
	# 08:00-14:00 = 360 minutes = 8 JP of 45 minutes
	assert event_jp(datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 14)) == 8
	assert event_jp(datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 14), minutes_per_jp=60) == 6
	assert event_jp(datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 9)) == 1.33
	# the JP stated on the event wins over its duration; 0 or empty means "compute"
	assert event_jp(datetime(2026, 3, 2, 8), datetime(2026, 3, 4, 16), jp=24) == 24
	assert event_jp(datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 14), jp=0) == 8
	with pytest.raises(RuleError):
		event_jp(datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 14), jp=-2)
	with pytest.raises(RuleError):
		event_jp(datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 14), minutes_per_jp=0)
	with pytest.raises(RuleError):
		event_jp(datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 14), jp=float("nan"))


def test_planning_basis():
	assert planning_basis("PNS") == 20
	assert planning_basis("PPPK") == 24
	assert planning_basis("") == 0
	assert planning_basis("PNS", target={"PNS": 30}) == 30


def test_allocate_jp_by_gap_size():
	# gaps -2, -1, -1 share 20 JP as 10 / 5 / 5
	assert allocate_jp([-2, -1, -1], 20) == [10, 5, 5]
	# non-negative gaps get nothing; remainders go to the largest fractions, then the first
	assert allocate_jp([-1, 0, 0.5, -1, -1], 20) == [7, 0, 0, 7, 6]
	assert allocate_jp([0, 1], 20) == [0, 0]
	assert allocate_jp([-1.5], 0) == [0]
	with pytest.raises(RuleError):
		allocate_jp([-1], -1)
	with pytest.raises(RuleError):
		allocate_jp([None], 20)


@given(
	st.lists(st.floats(min_value=-4, max_value=4, allow_nan=False), max_size=12),
	st.integers(min_value=0, max_value=60),
)
def test_allocate_jp_sums_to_the_total(gaps, total):
	shares = allocate_jp(gaps, total)
	assert len(shares) == len(gaps)
	assert all(share >= 0 for share in shares)
	assert all(share == 0 for share, gap in zip(shares, gaps, strict=True) if gap >= 0)
	assert sum(shares) == (total if any(g < 0 for g in gaps) else 0)


def test_allocate_realised():
	items = [("EV-1", "Prog A"), (None, "Prog A"), (None, "Prog B"), ("EV-9", None)]
	attended = [
		Attendance("EV-1", "Prog A", 8),  # named by item 0
		Attendance("EV-2", "Prog A", 4),  # program of item 1
		Attendance("EV-3", "Prog A", 2),  # program of item 1
		Attendance("EV-4", "Prog B", 6),  # program of item 2
		Attendance("EV-5", None, 3),  # not in the plan
		Attendance("EV-6", "Prog C", 1.5),  # not in the plan
	]
	assert allocate_realised(items, attended) == ([8, 6, 6, 0], 4.5)
	assert allocate_realised([], attended) == ([], 24.5)


@pytest.mark.parametrize(
	"planned, realised, status",
	[
		(10, 0, "Direncanakan"),
		(10, 4, "Berjalan"),
		(10, 10, "Selesai"),
		(10, 12, "Selesai"),
		(0, 2, "Selesai"),
	],
)
def test_item_status(planned, realised, status):
	assert item_status(planned, realised) == status


def test_jp_status():
	assert jp_status(jp_progress(12, "PNS")) == "Belum Terpenuhi"
	assert jp_status(jp_progress(20, "PNS")) == "Terpenuhi"
	assert jp_status(jp_progress(24, "PPPK")) == "Dalam Batas"
	assert jp_status(jp_progress(30, "PPPK")) == "Melebihi Batas"
	assert jp_status(jp_progress(5, "")) == "Tanpa Target"


def test_check_planned_jp():
	check_planned_jp(24, "PPPK")
	check_planned_jp(60, "PNS")  # no upper limit for PNS
	with pytest.raises(RuleError) as error:
		check_planned_jp(30, "PPPK")
	assert error.value.args_ == ("PPPK", "24", "30")


@pytest.mark.parametrize(
	"gap, severity",
	[(-3, "Besar"), (-2, "Besar"), (-1.5, "Sedang"), (-1, "Sedang"), (-0.25, "Kecil"), (0, None), (1, None)],
)
def test_gap_severity(gap, severity):
	assert gap_severity(gap) == severity


def test_gap_severity_follows_the_method_rules():
	"""A gap gets a severity exactly when methods are suggested for it."""
	for gap in (-3, -2, -1.5, -1, -0.5, 0, 0.5):
		assert (gap_severity(gap) is None) == (suggest_methods(gap) == [])


# ------------------------------------------------------------------------------------- talent shortlist


@pytest.mark.parametrize(
	"predikat, box, expected",
	[
		("Sangat Baik", 9, True),
		("Sangat Baik", 8, True),
		("Sangat Baik", 7, True),
		("Sangat Baik", 6, False),
		("Baik", 9, False),
		(None, 9, False),
		("Sangat Baik", None, False),
		("Sangat Baik", 0, False),
	],
)
def test_is_shortlisted(predikat, box, expected):
	assert is_shortlisted(predikat, box) is expected


# --------------------------------------------------------------------------------- feedback reminders


def test_reminder_days():
	assert reminder_days("7, 1") == (7, 1)
	assert reminder_days("1;7;7") == (7, 1)
	assert reminder_days("3") == (3,)
	assert reminder_days(None) == (7, 1)
	assert reminder_days("") == (7, 1)
	assert reminder_days([0, 2]) == (2, 0)
	with pytest.raises(RuleError):
		reminder_days("tujuh")
	with pytest.raises(RuleError):
		reminder_days("-1")


@pytest.mark.parametrize(
	"days_left, stage",
	[
		(10, None),
		(8, None),
		(7, "H-7"),
		(3, "H-7"),
		(2, "H-7"),
		(1, "H-1"),
		(0, "H-1"),
		(-1, ESCALATION),
		(-30, ESCALATION),
		(-31, None),
	],
)
def test_reminder_stage(days_left, stage):
	assert reminder_stage(days_left, (7, 1)) == stage


def test_reminder_stage_options():
	assert reminder_stage(-1, (7, 1), escalate=False) is None
	assert reminder_stage(0, (3, 0)) == "H-0"
	assert reminder_stage(-5, (3,), escalation_window=3) is None
	assert reminder_stage(5, ()) is None
