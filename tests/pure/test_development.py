import pytest

from kinerja_asn.scoring.development import (
	DEFAULT_JP_CAP,
	DEFAULT_JP_TARGET,
	jp_progress,
	suggest_methods,
)
from kinerja_asn.scoring.errors import RuleError


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
