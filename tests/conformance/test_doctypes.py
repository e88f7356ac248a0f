"""Every doctype JSON of the app follows Frappe's DocType rules (checked without a bench)."""

import pytest
from frappe_rules import (
	APP,
	assert_clean,
	check_doctype,
	check_doctype_location,
	check_type_hints,
	doctype_files,
	has_type_block,
	load_json,
	modules,
	scrub,
)

DOCTYPE_FILES = doctype_files()
IDS = [path.parent.name for path in DOCTYPE_FILES]

# Problems found in our artifacts and reported to the lead: {(test, doctype folder): (problem text, reason)}.
IMPORT_WITHOUT_ALLOW_IMPORT = (
	"import set but the doctype is not allow_import",
	"import=1 in permissions without allow_import: Frappe's validate_permissions refuses to save the DocType",
)
KNOWN_PROBLEMS: dict[tuple[str, str], tuple[str, str]] = {}


def test_doctypes_are_found():
	assert DOCTYPE_FILES, "no doctype JSON found under kinerja_asn/<module>/doctype/<name>/<name>.json"


def test_no_stray_doctype_folders():
	"""A doctype folder Frappe cannot load, or one outside a declared module, never gets installed."""
	problems = []
	for folder in sorted(APP.glob("*/doctype/*/")):
		if folder.name != "__pycache__" and not (folder / f"{folder.name}.json").exists():
			problems.append(f"{folder.relative_to(APP)}: no {folder.name}.json")
	declared = {scrub(module) for module in modules()}
	for folder in sorted(APP.glob("*/doctype")):
		if folder.parent.name not in declared:
			problems.append(f"{folder.relative_to(APP)}: {folder.parent.name} is not a module in modules.txt")
	assert_clean(problems)


@pytest.mark.parametrize("path", DOCTYPE_FILES, ids=IDS)
def test_location_and_controller(path):
	assert_clean(check_doctype_location(path), KNOWN_PROBLEMS.get(("location", path.parent.name)))


@pytest.mark.parametrize("path", DOCTYPE_FILES, ids=IDS)
def test_doctype_rules(path):
	assert_clean(check_doctype(load_json(path)), KNOWN_PROBLEMS.get(("rules", path.parent.name)))


@pytest.mark.parametrize("path", DOCTYPE_FILES, ids=IDS)
def test_controller_type_hints(path):
	"""hooks.export_python_type_annotations: the controller's generated type block matches the JSON."""
	controller = path.with_suffix(".py")
	if not controller.exists():
		pytest.skip("no controller (reported by test_location_and_controller)")
	source = controller.read_text(encoding="utf-8")
	if not has_type_block(source):
		pytest.skip("no auto-generated types block yet (Frappe writes it on the next save in developer mode)")
	problems = check_type_hints(load_json(path), source)
	assert_clean(problems, KNOWN_PROBLEMS.get(("type_hints", path.parent.name)))
