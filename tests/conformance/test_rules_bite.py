"""The checks bite: broken samples are reported (and a valid sample is not, so each report is the mutation's)."""

import copy

import pytest
from frappe_rules import (
	APP,
	check_custom_fields,
	check_doctype,
	check_hooks,
	check_number_card,
	check_patches,
	check_po,
	check_print_format,
	check_template,
	check_type_hints,
	check_workspace,
	our_doctypes,
)

OURS = our_doctypes()
ROLES = {"HR Manager", "HR User", "Employee"}


def sample() -> dict:
	fields = [
		{"fieldname": "title", "fieldtype": "Data", "label": "Title", "reqd": 1},
		{"fieldname": "kind", "fieldtype": "Select", "label": "Kind", "options": "A\nB", "default": "A"},
		{"fieldname": "employee", "fieldtype": "Link", "label": "Employee", "options": "Employee"},
		{"fieldname": "employee_name", "fieldtype": "Data", "fetch_from": "employee.employee_name"},
		{
			"fieldname": "nip",
			"fieldtype": "Data",
			"fetch_from": "employee.nip",
			"depends_on": "eval:doc.employee",
		},
		{"fieldname": "levels", "fieldtype": "Table", "label": "Levels", "options": "Competency Level"},
	]
	return {
		"doctype": "DocType",
		"name": "Sample Doc",
		"module": "Kompetensi",
		"autoname": "field:title",
		"title_field": "title",
		"sort_field": "modified",
		"fields": fields,
		"field_order": [f["fieldname"] for f in fields],
		"permissions": [{"role": "HR Manager", "read": 1, "write": 1, "create": 1}],
	}


def mutated(change) -> list[str]:
	dt = copy.deepcopy(sample())
	change(dt)
	return check_doctype(dt, OURS, ROLES)


def field(dt: dict, fieldname: str) -> dict:
	return next(f for f in dt["fields"] if f["fieldname"] == fieldname)


def add_field(dt: dict, new: dict) -> None:
	dt["fields"].append(new)
	dt["field_order"].append(new["fieldname"])


def test_valid_sample_passes():
	assert check_doctype(sample(), OURS, ROLES) == []


def submittable(dt):
	dt["is_submittable"] = 1


def child_with_permissions(dt):
	dt["istable"] = 1
	dt["fields"] = dt["fields"][:2]
	dt["field_order"] = dt["field_order"][:2]


DOCTYPE_BREAKAGES = {
	"invalid fieldtype": (
		lambda dt: field(dt, "title").update(fieldtype="Textt"),
		"invalid fieldtype 'Textt'",
	),
	"link to missing doctype": (
		lambda dt: field(dt, "employee").update(options="No Such Doctype"),
		"'No Such Doctype' is not a doctype",
	),
	"table to missing doctype": (
		lambda dt: field(dt, "levels").update(options="No Such Child"),
		"'No Such Child' is not a doctype",
	),
	"table multiselect to missing doctype": (
		lambda dt: add_field(
			dt, {"fieldname": "tags", "fieldtype": "Table MultiSelect", "options": "No Such Child"}
		),
		"'No Such Child' is not a doctype",
	),
	"fieldtype in the wrong case": (
		lambda dt: field(dt, "title").update(fieldtype="data"),
		"invalid fieldtype 'data'",
	),
	"duplicate fieldname": (
		lambda dt: add_field(dt, {"fieldname": "title", "fieldtype": "Data"}),
		"duplicate",
	),
	"reserved fieldname": (lambda dt: add_field(dt, {"fieldname": "name", "fieldtype": "Data"}), "reserved"),
	"python keyword": (
		lambda dt: add_field(dt, {"fieldname": "class", "fieldtype": "Data"}),
		"Python keyword",
	),
	"document method": (
		lambda dt: add_field(dt, {"fieldname": "save", "fieldtype": "Data"}),
		"conflicts with a method",
	),
	"uppercase fieldname": (
		lambda dt: add_field(dt, {"fieldname": "Title2", "fieldtype": "Data"}),
		"lowercase",
	),
	"fetch_from missing field": (
		lambda dt: field(dt, "employee_name").update(fetch_from="employee.no_such_field"),
		"'Employee' has no field 'no_such_field'",
	),
	"fetch_from malformed": (
		lambda dt: field(dt, "employee_name").update(fetch_from="employee"),
		"must be link_field.target_field",
	),
	"fetch_from through non-link": (
		lambda dt: field(dt, "employee_name").update(fetch_from="title.x"),
		"not a Link",
	),
	"table to non-istable (ours)": (
		lambda dt: field(dt, "levels").update(options="Competency"),
		"not a child table",
	),
	"table to non-istable (platform)": (
		lambda dt: field(dt, "levels").update(options="Employee"),
		"not a child table",
	),
	"link without options": (lambda dt: field(dt, "employee").pop("options"), "needs options"),
	"field_order mismatch": (lambda dt: dt["field_order"].reverse(), "field_order"),
	"select reqd without options": (
		lambda dt: field(dt, "kind").update(options="", default=None, reqd=1),
		"Select needs options",
	),
	"select default not an option": (
		lambda dt: field(dt, "kind").update(default="C"),
		"not one of the options",
	),
	"depends_on unknown field": (
		lambda dt: field(dt, "nip").update(depends_on="eval:doc.no_such == 1"),
		"unknown field doc.no_such",
	),
	"depends_on assignment": (
		lambda dt: field(dt, "nip").update(depends_on="eval:doc.title=1"),
		"assignment",
	),
	"depends_on unbalanced": (
		lambda dt: field(dt, "nip").update(mandatory_depends_on="eval:(doc.title"),
		"unbalanced",
	),
	"depends_on bare unknown": (lambda dt: field(dt, "nip").update(depends_on="nope"), "neither eval:"),
	"unique on text": (
		lambda dt: add_field(dt, {"fieldname": "notes", "fieldtype": "Small Text", "unique": 1}),
		"cannot be unique",
	),
	"mandatory section break": (
		lambda dt: add_field(dt, {"fieldname": "sb", "fieldtype": "Section Break", "reqd": 1}),
		"cannot be mandatory",
	),
	"hidden mandatory without default": (
		lambda dt: field(dt, "title").update(hidden=1),
		"hidden and mandatory",
	),
	"check default": (
		lambda dt: add_field(dt, {"fieldname": "flag", "fieldtype": "Check", "default": "2"}),
		"Check default",
	),
	"amended_from on non-submittable": (
		lambda dt: add_field(dt, {"fieldname": "amended_from", "fieldtype": "Link", "options": "Sample Doc"}),
		"amended_from is only allowed",
	),
	"submittable without amended_from": (submittable, "needs amended_from"),
	"child table with permissions": (child_with_permissions, "must not have permissions"),
	"autoname to missing field": (lambda dt: dt.update(autoname="field:nope"), "autoname 'field:nope'"),
	"naming_series without field": (lambda dt: dt.update(autoname="naming_series:"), "naming_series"),
	"title_field missing": (lambda dt: dt.update(title_field="nope"), "title_field 'nope'"),
	"search field missing": (lambda dt: dt.update(search_fields="title,nope"), "search field 'nope'"),
	"sort_field missing": (lambda dt: dt.update(sort_field="nope"), "sort_field 'nope'"),
	"unknown role": (lambda dt: dt["permissions"][0].update(role="No Such Role"), "unknown role"),
	"invalid permission key": (
		lambda dt: dt["permissions"][0].update(approve=1),
		"'approve' is not a DocPerm",
	),
	"permission value": (lambda dt: dt["permissions"][0].update(read=2), "read must be 0 or 1"),
	"submit on non-submittable": (lambda dt: dt["permissions"][0].update(submit=1), "not submittable"),
	"import without allow_import": (
		lambda dt: dt["permissions"][0].update({"import": 1}),
		"not allow_import",
	),
	"duplicate permission rule": (
		lambda dt: dt["permissions"].append(dict(dt["permissions"][0])),
		"duplicate rule",
	),
	"doctype key": (lambda dt: dt.update(doctype="Doctype"), "doctype must be 'DocType'"),
	"platform name clash": (lambda dt: dt.update(name="Appraisal"), "clashes with a platform doctype"),
	"grid overflow": (
		lambda dt: (
			dt.update(istable=1, permissions=[]),
			[field(dt, f).update(in_list_view=1, columns=3) for f in ("title", "kind", "employee", "nip")],
		),
		"grid columns exceed 10",
	),
}


@pytest.mark.parametrize("change, expected", DOCTYPE_BREAKAGES.values(), ids=DOCTYPE_BREAKAGES.keys())
def test_doctype_breakage_is_reported(change, expected):
	problems = mutated(change)
	assert any(expected in problem for problem in problems), problems


def test_a_broken_doctype_file_fails_the_doctype_test(tmp_path, monkeypatch):
	"""End to end: a doctype JSON on disk that links to a missing doctype and uses a fieldtype Frappe does not
	know is found by the doctype test (test_doctypes.test_doctype_rules), which fails naming both."""
	import json

	import frappe_rules
	import test_doctypes

	app = tmp_path / APP.name
	folder = app / "kompetensi" / "doctype" / "sample_doc"
	folder.mkdir(parents=True)
	(app / "modules.txt").write_text((APP / "modules.txt").read_text(encoding="utf-8"), encoding="utf-8")
	dt = sample()
	field(dt, "employee")["options"] = "No Such Doctype"
	field(dt, "title")["fieldtype"] = "Textt"
	(folder / "sample_doc.json").write_text(json.dumps(dt), encoding="utf-8")
	monkeypatch.setattr(frappe_rules, "APP", app)
	frappe_rules.our_doctypes.cache_clear()
	try:
		files = frappe_rules.doctype_files()
		assert files == [folder / "sample_doc.json"]
		with pytest.raises(AssertionError) as failure:
			test_doctypes.test_doctype_rules(files[0])
	finally:
		frappe_rules.our_doctypes.cache_clear()
	assert "'No Such Doctype' is not a doctype" in str(failure.value)
	assert "invalid fieldtype 'Textt'" in str(failure.value)


def test_stale_type_hints_are_reported():
	dt = copy.deepcopy(sample())
	source = """
class SampleDoc(Document):
	# begin: auto-generated types
	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		employee: DF.Link | None
		employee_name: DF.Data | None
		kind: DF.Literal["A", "B"]
		levels: DF.Table[CompetencyLevel]
		nip: DF.Data | None
		title: DF.SmallText
	# end: auto-generated types
"""
	assert check_type_hints(dt, source) == [
		"Sample Doc.title: type hint 'DF.SmallText', doctype says 'DF.Data'"
	]
	assert check_type_hints(dt, source.replace("DF.SmallText", "DF.Data")) == []


VALID_HOOKS = """
app_name = "kinerja_asn"
required_apps = ["frappe/erpnext", "frappe/hrms"]
after_install = "kinerja_asn.setup.install.after_install"
doc_events = {"Employee": {"validate": "kinerja_asn.overrides.employee.validate"}}
doctype_js = {"Employee": "public/js/employee.js"}
app_logo_url = "/assets/kinerja_asn/images/kinerja-asn.svg"
"""

HOOK_BREAKAGES = {
	"missing function": (
		'doc_events = {"Employee": {"validate": "kinerja_asn.overrides.employee.no_such_function"}}',
		"'kinerja_asn.overrides.employee.no_such_function' does not resolve",
	),
	"missing module": ('after_migrate = "kinerja_asn.no_such_module.run"', "does not resolve"),
	"scheduler path": (
		'scheduler_events = {"daily": ["kinerja_asn.permissions.nope"], "cron": {"0 1 * * *": ["kinerja_asn.x.y"]}}',
		"'kinerja_asn.x.y' does not resolve",
	),
	"foreign path": ('has_permission = {"Employee": "mylib.perm"}', "not a dotted path of kinerja_asn"),
	"unknown doctype": (
		'permission_query_conditions = {"No Such Doctype": "kinerja_asn.access.is_hr"}',
		"not a doctype",
	),
	"missing js": ('doctype_js = {"Employee": "public/js/nope.js"}', "public/js/nope.js not found"),
	"missing bundle": ('app_include_js = "kinerja_asn.bundle.js"', "not found under kinerja_asn/public/"),
	"missing asset": ('app_logo_url = "/assets/kinerja_asn/images/nope.svg"', "not found under"),
	"bare required app": ('required_apps = ["hrms"]', "org/repo form"),
	"apps screen permission": (
		'add_to_apps_screen = [{"name": "x", "route": "/app/no-such-workspace", "has_permission": "kinerja_asn.x"}]',
		"'kinerja_asn.x' does not resolve",
	),
	"apps screen route": (
		'add_to_apps_screen = [{"name": "x", "route": "/app/no-such-workspace"}]',
		"has no workspace, doctype or page",
	),
	"syntax error": ("doc_events = {", "does not parse"),
}


def test_valid_hooks_pass():
	assert check_hooks(VALID_HOOKS, APP, OURS) == []


@pytest.mark.parametrize("line, expected", HOOK_BREAKAGES.values(), ids=HOOK_BREAKAGES.keys())
def test_hooks_breakage_is_reported(line, expected):
	problems = check_hooks(VALID_HOOKS + line + "\n", APP, OURS)
	assert any(expected in problem for problem in problems), problems


def custom(**changes) -> dict:
	fields = [
		{
			"fieldname": "asn_x_section",
			"fieldtype": "Section Break",
			"label": "X",
			"insert_after": "reports_to",
		},
		{"fieldname": "asn_x", "fieldtype": "Data", "label": "X", "insert_after": "asn_x_section"},
	]
	fields[1].update(changes)
	return {"Employee": fields}


CUSTOM_FIELD_BREAKAGES = {
	"clash with platform field": ({"fieldname": "employee_name"}, "already has a field 'employee_name'"),
	"clash with hrms custom field": ({"fieldname": "grade"}, "already has a field 'grade'"),
	"insert_after unknown": ({"insert_after": "nope"}, "insert_after 'nope'"),
	"invalid fieldtype": ({"fieldtype": "Textt"}, "invalid fieldtype"),
	"link to missing doctype": ({"fieldtype": "Link", "options": "No Such Doctype"}, "is not a doctype"),
	"reserved fieldname": ({"fieldname": "owner"}, "reserved"),
	"select without options": ({"fieldtype": "Select", "options": ""}, "Select needs options"),
}


def test_valid_custom_fields_pass():
	assert check_custom_fields(custom(), OURS) == []


@pytest.mark.parametrize(
	"changes, expected", CUSTOM_FIELD_BREAKAGES.values(), ids=CUSTOM_FIELD_BREAKAGES.keys()
)
def test_custom_field_breakage_is_reported(changes, expected):
	problems = check_custom_fields(custom(**changes), OURS)
	assert any(expected in problem for problem in problems), problems


def test_custom_field_targets_are_checked():
	assert "does not exist" in check_custom_fields({"No Such Doctype": []}, OURS)[0]
	assert "is our doctype" in check_custom_fields({"Competency": []}, OURS)[0]
	later = custom(insert_after="asn_y") | {}
	later["Employee"].append(
		{"fieldname": "asn_y", "fieldtype": "Data", "label": "Y", "insert_after": "asn_x"}
	)
	assert any("insert_after 'asn_y'" in p for p in check_custom_fields(later, OURS))


TEMPLATE_BREAKAGES = {
	"syntax error": ("{% if doc.x %}open", "Unexpected end of template"),
	"do extension": ("{% do items.append(1) %}", "no do/loopcontrols extension"),
	"break extension": ("{% for i in items %}{% break %}{% endfor %}", "no do/loopcontrols extension"),
	"unknown filter": ("{{ doc.x | no_such_filter }}", "No filter named 'no_such_filter'"),
	"missing app template": ('{% include "kinerja_asn/templates/nope.html" %}', "does not resolve"),
	"bare template name": ('{% import "macros.html" as m %}', "does not resolve"),
}


def test_valid_template_passes():
	source = '{% extends "templates/web.html" %}{% block page_content %}{{ _("Hi") }} {{ doc | json }}{% endblock %}'
	assert check_template(source, "ok.html") == []
	platform_filters = (
		"{{ doc.notes | markdown }} {{ doc.route | abs_url }} {{ doc.date | global_date_format }}"
	)
	assert check_template(platform_filters, "filters.html") == []
	assert check_template("{{ doc.x | our_filter }}", "ours.html", filters={"our_filter"}) == []


@pytest.mark.parametrize("source, expected", TEMPLATE_BREAKAGES.values(), ids=TEMPLATE_BREAKAGES.keys())
def test_template_breakage_is_reported(source, expected):
	problems = check_template(source, "broken.html")
	assert any(expected in problem for problem in problems), problems


def test_print_format_breakage_is_reported():
	pf = {"doctype": "Print Format", "name": "X", "doc_type": "ASN Appraisal", "module": "Penilaian Kinerja"}
	pf |= {"print_format_type": "Jinja", "standard": "Yes", "html": "{{ doc.name }}"}
	assert check_print_format(pf, OURS) == []
	problems = check_print_format(pf | {"doc_type": "Nope", "standard": "No", "html": "{% if %}"}, OURS)
	assert len(problems) == 3, problems


PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#: kinerja_asn/a.py:1
msgid "Hello {0}"
msgstr "Halo {0}"

msgid "Level"
msgstr ""

msgctxt "Competency"
msgid "Level"
msgstr "Tingkat"
"""


def test_valid_po_passes_and_counts_untranslated():
	assert check_po(PO) == ([], 1)
	assert check_po(PO, 'msgid "Hello {0}"\nmsgstr ""\n') == ([], 1)


PO_BREAKAGES = {
	"duplicate msgid": (PO + '\nmsgid "Hello {0}"\nmsgstr "Hai {0}"\n', "duplicate msgid"),
	"placeholder mismatch": (PO.replace('"Halo {0}"', '"Halo {1}"'), "placeholders differ"),
	"placeholder dropped": (PO.replace('"Halo {0}"', '"Halo"'), "placeholders differ"),
	"malformed line": (PO + "\nmsgid Oops\n", "malformed line"),
	"unterminated string": (PO + '\nmsgid "Oops\nmsgstr ""\n', "malformed line"),
	"unescaped quote": (PO + '\nmsgid "a"b"\nmsgstr ""\n', "malformed string"),
	"msgid without msgstr": (PO + '\nmsgid "Alone"\n', "without msgstr"),
}


@pytest.mark.parametrize("text, expected", PO_BREAKAGES.values(), ids=PO_BREAKAGES.keys())
def test_po_breakage_is_reported(text, expected):
	problems, _ = check_po(text)
	assert any(expected in problem for problem in problems), problems


def test_po_missing_pot_msgid_is_reported():
	problems, _ = check_po(PO, 'msgid "Goodbye"\nmsgstr ""\n')
	assert problems == ["msgid 'Goodbye' of main.pot missing from the .po"]


def test_patch_breakage_is_reported():
	assert check_patches("[post_model_sync]\n# comment\nexecute:frappe.db.commit()\n") == []
	problems = check_patches("kinerja_asn.patches.v0_1.no_such_patch\nexecute:frappe.db.commit(\n")
	assert len(problems) == 2, problems
	assert "has no execute()" in check_patches("kinerja_asn.access\n")[0]


def test_workspace_breakage_is_reported():
	ws = {
		"name": "W",
		"module": "Kompetensi",
		"links": [{"type": "Link", "link_type": "DocType", "link_to": "Nope", "label": "Nope"}],
		"shortcuts": [
			{"type": "DocType", "link_to": "Competency", "label": "C", "stats_filter": '{"nope": 1}'}
		],
		"number_cards": [{"number_card_name": "Missing"}],
		"content": '[{"type": "shortcut", "data": {"shortcut_name": "Other"}}]',
	}
	problems = check_workspace(ws, OURS, number_cards=set())
	assert len(problems) == 4, problems


def test_number_card_breakage_is_reported():
	card = {
		"name": "N",
		"module": "Penilaian Kinerja",
		"type": "Document Type",
		"document_type": "ASN Appraisal",
	}
	card["filters_json"] = '[["ASN Appraisal", "docstatus", "=", "0", false]]'
	assert check_number_card(card, OURS) == []
	broken = card | {"module": "Nope", "filters_json": '[["ASN Appraisal", "no_such_field", "=", "0"]]'}
	assert len(check_number_card(broken, OURS)) == 2
	assert "is not a doctype" in check_number_card(card | {"document_type": "Nope"}, OURS)[0]
