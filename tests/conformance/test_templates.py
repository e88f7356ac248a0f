"""Jinja templates compile in Frappe's Jinja environment; print formats are well-formed."""

import pytest
from frappe_rules import (
	APP,
	assert_clean,
	check_print_format,
	check_template,
	hook_jinja_filters,
	load_json,
	modules,
	scrub,
	template_files,
)

FILTERS = hook_jinja_filters((APP / "hooks.py").read_text(encoding="utf-8"))
TEMPLATES = template_files()
PRINT_FORMATS = sorted(p for p in APP.glob("*/print_format/*/*.json") if p.stem == p.parent.name)


def params(paths, reason):
	"""One test per file, or one skipped test saying why when there are none yet."""
	if not paths:
		return [pytest.param(None, id="none-yet", marks=pytest.mark.skip(reason=reason))]
	return [pytest.param(path, id=str(path.relative_to(APP))) for path in paths]


@pytest.mark.parametrize("path", params(TEMPLATES, "no Jinja templates in kinerja_asn yet"))
def test_template_compiles(path):
	source = path.read_text(encoding="utf-8")
	assert_clean(check_template(source, str(path.relative_to(APP)), FILTERS))


@pytest.mark.parametrize("path", params(PRINT_FORMATS, "no print formats in kinerja_asn yet"))
def test_print_format(path):
	pf = load_json(path)
	problems = check_print_format(pf, filters=FILTERS)
	if scrub(pf.get("name") or "") != path.parent.name:
		problems.append(f"{path.name}: name {pf.get('name')!r} does not match its folder")
	if pf.get("module") in modules() and path.parents[2] != APP / scrub(pf["module"]):
		problems.append(f"{path.name}: not under its module folder {scrub(pf['module'])}/")
	assert_clean(problems)
