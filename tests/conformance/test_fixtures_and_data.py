"""Seed data, fixtures and desk artifacts: what install.py and the desk expect."""

import json

import pytest
from frappe_rules import (
	APP,
	REPO,
	assert_clean,
	check_number_card,
	check_workspace,
	doctype_exists,
	hook_assignments,
	load_json,
	our_custom_fields,
	our_doctypes,
)

DATA = APP / "setup" / "data"
JSON_FILES = sorted(p for p in APP.rglob("*.json") if "node_modules" not in p.parts)
NUMBER_CARDS = sorted(p for p in APP.glob("*/number_card/*/*.json") if p.stem == p.parent.name)
WORKSPACES = sorted(p for p in APP.glob("*/workspace/*/*.json") if p.stem == p.parent.name)


def fieldnames(doctype: str) -> set[str]:
	return {f["fieldname"] for f in our_doctypes()[doctype]["fields"]}


def select_options(doctype: str, fieldname: str) -> list[str]:
	field = next(f for f in our_doctypes()[doctype]["fields"] if f["fieldname"] == fieldname)
	return [o for o in field["options"].split("\n") if o]


@pytest.mark.parametrize("path", JSON_FILES, ids=[str(p.relative_to(APP)) for p in JSON_FILES])
def test_json_parses(path):
	json.loads(path.read_text(encoding="utf-8"))


def test_competencies_seed():
	"""install.seed_competencies: get_doc({"doctype": "Competency", "is_standard": 1, "enabled": 1, **record})."""
	records = load_json(DATA / "competencies.json")
	assert len(records) == 9, "8 manajerial competencies + Perekat Bangsa"
	assert len({r["competency_name"] for r in records}) == 9, "competency names must be unique"
	assert {"is_standard", "enabled"} <= fieldnames("Competency")
	types = select_options("Competency", "competency_type")
	problems = []
	for record in records:
		name = record.get("competency_name")
		if unknown := set(record) - fieldnames("Competency"):
			problems.append(f"{name}: keys {sorted(unknown)} are not Competency fields")
		if record.get("competency_type") not in types:
			problems.append(f"{name}: competency_type {record.get('competency_type')!r} not in {types}")
		levels = record.get("levels") or []
		if sorted(level.get("level") for level in levels) != [1, 2, 3, 4, 5]:
			problems.append(f"{name}: levels must be 1..5 once each")
		for level in levels:
			if not (level.get("title") or "").strip():
				problems.append(f"{name} level {level.get('level')}: title missing (reqd)")
			if unknown := set(level) - fieldnames("Competency Level"):
				problems.append(
					f"{name} level {level.get('level')}: {sorted(unknown)} not Competency Level fields"
				)
	assert [r["competency_type"] for r in records].count("Manajerial") == 8
	assert_clean(problems)


def test_core_values_seed():
	"""install.seed_core_values reads value_name, idx (-> sequence), meaning and guides (-> Core Value Guide)."""
	records = load_json(DATA / "core_values.json")
	assert len(records) == 7, "BerAKHLAK has 7 core values"
	assert [r["idx"] for r in sorted(records, key=lambda r: r["idx"])] == list(range(1, 8))
	assert len({r["value_name"] for r in records}) == 7
	assert {"value_name", "sequence", "meaning", "guides"} <= fieldnames("Core Value")
	assert "guide" in fieldnames("Core Value Guide")
	for record in records:
		assert record["value_name"].strip() and record["meaning"].strip(), record
		guides = record["guides"]
		assert len(guides) == 3 and all(isinstance(g, str) and g.strip() for g in guides), record[
			"value_name"
		]


def test_job_groups_agree():
	"""install.seed_settings fills Job Group Standard Level rows from the scoring core's JOB_GROUPS; the
	Select fields holding a job group must all offer the same list."""
	from kinerja_asn.scoring import competency

	expected = list(competency.JOB_GROUPS)
	assert set(competency.DEFAULT_STANDARD_LEVELS) == set(expected)
	assert select_options("Job Group Standard Level", "job_group") == expected
	assert select_options("Position Competency Profile", "job_group") == expected
	employee_job_group = next(f for f in our_custom_fields()["Employee"] if f["fieldname"] == "job_group")
	assert [o for o in employee_job_group["options"].split("\n") if o] == expected


def test_settings_fields_used_by_installer():
	assert "job_group_levels" in fieldnames("Kinerja ASN Settings")
	assert {"job_group", "standard_level", "ak_coefficient"} <= fieldnames("Job Group Standard Level")


def test_fixtures():
	"""hooks.fixtures: each exported file exists, parses and holds records of an existing doctype."""
	fixtures = hook_assignments((APP / "hooks.py").read_text(encoding="utf-8")).get("fixtures") or []
	if not fixtures:
		pytest.skip("no fixtures declared in hooks.py")
	problems = []
	for entry in fixtures:
		doctype = entry if isinstance(entry, str) else entry.get("dt") or entry.get("doctype")
		if not doctype_exists(doctype, our_doctypes()):
			problems.append(f"fixture doctype {doctype!r} does not exist")
		path = APP / "fixtures" / f"{doctype.lower().replace(' ', '_')}.json"
		if not path.exists():
			problems.append(f"fixture file {path.relative_to(REPO)} missing (bench export-fixtures)")
	assert_clean(problems)


@pytest.mark.parametrize("path", NUMBER_CARDS, ids=[p.parent.name for p in NUMBER_CARDS])
def test_number_card(path):
	assert_clean(check_number_card(load_json(path)))


@pytest.mark.parametrize("path", WORKSPACES, ids=[p.parent.name for p in WORKSPACES])
def test_workspace(path):
	cards = {load_json(p).get("name") for p in NUMBER_CARDS}
	assert_clean(check_workspace(load_json(path), number_cards=cards))
