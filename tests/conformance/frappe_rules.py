"""Frappe's rules for app artifacts, as plain functions: each check returns a list of problems (strings).

Used by the conformance tests (one test per real file) and by the negative tests (a broken sample must be
reported). Nothing here imports frappe: what we need to know about Frappe, ERPNext and HRMS is read from
platform_doctypes.json, written from a real bench by scripts/refresh_platform_doctypes.py. The rules follow
frappe/core/doctype/doctype/doctype.py (validate_fields, validate_series, validate_permissions),
frappe/model/__init__.py, frappe/types/exporter.py, frappe/utils/jinja.py of the recorded Frappe version.
"""

import ast
import json
import re
import sys
from functools import cache
from keyword import iskeyword
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
APP_NAME = "kinerja_asn"
APP = REPO / APP_NAME
PLATFORM_FILE = Path(__file__).with_name("platform_doctypes.json")
PLATFORM_APPS = ("frappe", "erpnext", "hrms")

FIELDNAME = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_FIELDNAME = 63  # frappe/database/schema.py: a column name of 64 characters is refused
DOCTYPE_NAME = re.compile(r"^(?![\W])[^\d_\s][\w -]+$", flags=re.ASCII)  # doctype.py START_WITH_LETTERS
DEPENDS_ON_ASSIGNMENT = re.compile(r'[\w\.:_]+\s*={1}\s*[\w\.@\'"]+')  # doctype.py DEPENDS_ON_PATTERN
DEPENDS_ON_KEYS = ("depends_on", "mandatory_depends_on", "read_only_depends_on", "collapsible_depends_on")
LINK_TYPES = ("Link", "Table", "Table MultiSelect")
UNIQUE_TYPES = ("Data", "Link", "Read Only", "Int")  # check_unique_and_text
NO_INDEX_TYPES = ("Text", "Long Text", "Small Text", "Code", "Text Editor")
NON_NULLABLE = {"Check", "Currency", "Float", "Int", "Percent", "Rating", "Select", "Table", "Table MultiSelect"}  # fmt: skip
PERM_ROW_META = {"doctype", "name", "parent", "parentfield", "parenttype", "idx", "owner", "creation"}
PERM_ROW_META |= {"modified", "modified_by", "docstatus"}
HOOK_PATH_KEYS = {
	"after_install", "before_install", "after_migrate", "before_migrate", "before_uninstall", "after_uninstall",
	"after_sync", "before_tests", "after_app_install", "before_app_install", "after_app_uninstall",
	"before_app_uninstall", "doc_events", "permission_query_conditions", "has_permission", "scheduler_events",
	"jinja", "override_whitelisted_methods", "override_doctype_class", "override_doctype_dashboards",
	"standard_queries", "boot_session", "extend_bootinfo", "on_session_creation", "on_login", "on_logout",
	"auth_hooks", "before_request", "after_request", "before_job", "after_job", "get_translated_dict",
	"update_website_context", "website_path_resolver", "notification_config", "has_website_permission",
	"get_website_user_home_page", "filters_config", "page_renderer", "website_clear_cache",
}  # fmt: skip
HOOK_DOCTYPE_KEYS = (
	"doc_events", "permission_query_conditions", "has_permission", "override_doctype_class",
	"override_doctype_dashboards", "doctype_js", "doctype_list_js", "doctype_tree_js", "doctype_calendar_js",
	"standard_queries", "has_website_permission",
)  # fmt: skip
HOOK_FILE_KEYS = ("doctype_js", "doctype_list_js", "doctype_tree_js", "doctype_calendar_js", "page_js")
HOOK_ASSET_KEYS = ("app_include_js", "app_include_css", "web_include_js", "web_include_css")
HOOK_ASSET_KEYS += ("website_theme_scss", "email_css", "webform_include_js", "webform_include_css")
OWN_PATH = re.compile(rf"^{APP_NAME}(\.\w+)+$")
PLACEHOLDER = re.compile(r"\{\d*\}|%\(\w+\)[sd]|%[sd]")


# ------------------------------------------------------------------------------------------------ data


@cache
def platform() -> dict:
	return json.loads(PLATFORM_FILE.read_text(encoding="utf-8"))


def model(key: str) -> set[str]:
	return set(platform()["model"][key])


def scrub(text: str) -> str:
	"""frappe.scrub: 'Sales Order' -> 'sales_order'."""
	return text.replace(" ", "_").replace("-", "_").lower()


def class_name(doctype: str) -> str:
	return doctype.replace(" ", "").replace("-", "")


def reserved_fieldnames() -> set[str]:
	return (
		model("default_fields")
		| model("child_table_fields")
		| model("optional_fields")
		| model("restricted_fieldnames")
		| model("reserved_keywords")
	)


def standard_fields(istable: bool = False) -> set[str]:
	fields = model("default_fields") | model("optional_fields")
	return fields | model("child_table_fields") if istable else fields


def modules() -> list[str]:
	return [m.strip() for m in (APP / "modules.txt").read_text(encoding="utf-8").splitlines() if m.strip()]


def doctype_files() -> list[Path]:
	return sorted(p for p in APP.glob("*/doctype/*/*.json") if p.stem == p.parent.name)


def load_json(path: Path):
	return json.loads(path.read_text(encoding="utf-8"))


@cache
def our_doctypes() -> dict[str, dict]:
	"""{name: doctype dict} of our doctype JSONs that parse (a file that does not parse fails its own test)."""
	out = {}
	for path in doctype_files():
		try:
			data = load_json(path)
		except ValueError:
			continue
		if isinstance(data, dict) and data.get("name"):
			out[data["name"]] = data
	return out


@cache
def our_custom_fields() -> dict[str, list[dict]]:
	if str(REPO) not in sys.path:
		sys.path.insert(0, str(REPO))
	from kinerja_asn.setup.custom_fields import get_custom_fields

	return get_custom_fields()


def our_roles() -> set[str]:
	"""Roles our app creates: Role records in install code or fixtures."""
	roles = set()
	record = re.compile(
		r"""["']doctype["']\s*:\s*["']Role["']\s*,\s*["']role_name["']\s*:\s*["']([^"']+)["']"""
	)
	for path in APP.rglob("*.py"):
		roles.update(record.findall(path.read_text(encoding="utf-8")))
	fixture = APP / "fixtures" / "role.json"
	if fixture.exists():
		roles.update(r.get("role_name") or r.get("name") for r in load_json(fixture))
	return roles


def check_module(record: dict, name: str) -> list[str]:
	module = record.get("module")
	return [] if module in modules() else [f"{name}: module {module!r} is not in modules.txt"]


def doctype_exists(name: str, ours: dict) -> bool:
	return name in ours or name in platform()["all_doctype_names"]


def doctype_info(name: str, ours: dict, with_custom_fields: bool = True) -> dict | None:
	"""{"istable", "issingle", "fields": {fieldname: fieldtype}} of one of ours or a recorded platform doctype."""
	if name in ours:
		data = ours[name]
		return {
			"istable": int(bool(data.get("istable"))),
			"issingle": int(bool(data.get("issingle"))),
			"fields": {
				f.get("fieldname"): f.get("fieldtype") for f in data.get("fields", []) if f.get("fieldname")
			},
		}
	info = platform()["doctypes"].get(name)
	if info is None:
		return None
	fields = dict(info["fields"])
	if with_custom_fields:
		fields.update({f["fieldname"]: f["fieldtype"] for f in our_custom_fields().get(name, [])})
	return {**info, "fields": fields}


def not_recorded(name: str) -> str:
	return (
		f"platform doctype {name!r} is not detailed in platform_doctypes.json: "
		"run scripts/refresh_platform_doctypes.py"
	)


# ------------------------------------------------------------------------------------------------ fields


def check_fieldname(fieldname, where: str) -> list[str]:
	if not fieldname:
		return [f"{where}: fieldname missing"]
	problems = []
	if not FIELDNAME.match(fieldname):
		problems.append(f"{where}: fieldname {fieldname!r} must be lowercase [a-z][a-z0-9_]*")
	if len(fieldname) > MAX_FIELDNAME:
		problems.append(f"{where}: fieldname {fieldname!r} longer than {MAX_FIELDNAME} characters")
	if fieldname in reserved_fieldnames():
		problems.append(f"{where}: fieldname {fieldname!r} is reserved by Frappe")
	elif iskeyword(fieldname):
		problems.append(f"{where}: fieldname {fieldname!r} is a Python keyword")
	return problems


def check_depends_on(expression, fieldnames: set[str], where: str) -> list[str]:
	"""Frappe's layout.js evaluates `eval:<js>`, `fn:<form method>` or a bare fieldname."""
	if not isinstance(expression, str) or not expression.strip():
		return [f"{where}: empty condition"]
	expr = expression.strip()
	if expr.startswith("eval:"):
		code = expr[5:].strip()
		if not code:
			return [f"{where}: empty eval: condition"]
		problems = []
		if "=" in code and DEPENDS_ON_ASSIGNMENT.match(expr):
			problems.append(f"{where}: {expr!r} looks like an assignment (Frappe refuses it)")
		without_strings = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", code)
		if without_strings.count("'") % 2 or without_strings.count('"') % 2:
			problems.append(f"{where}: unbalanced quotes in {expr!r}")
		if not balanced(without_strings):
			problems.append(f"{where}: unbalanced brackets in {expr!r}")
		for ref in re.findall(r"\bdoc\.([A-Za-z_]\w*)", without_strings):
			if ref not in fieldnames and not ref.startswith("__"):
				problems.append(f"{where}: {expr!r} refers to unknown field doc.{ref}")
		return problems
	if expr.startswith("fn:"):
		return [] if re.fullmatch(r"fn:[A-Za-z_]\w*", expr) else [f"{where}: malformed {expr!r}"]
	if expr not in fieldnames:
		return [f"{where}: {expr!r} is neither eval:, fn: nor a field of this doctype"]
	return []


def balanced(code: str) -> bool:
	pairs, stack = {")": "(", "]": "[", "}": "{"}, []
	for char in code:
		if char in "([{":
			stack.append(char)
		elif char in pairs and (not stack or stack.pop() != pairs[char]):
			return False
	return not stack


def check_fetch_from(field: dict, fields_by_name: dict, ours: dict, where: str) -> list[str]:
	fetch_from = field["fetch_from"]
	match = re.fullmatch(r"([a-z][a-z0-9_]*)\.([a-z_][a-z0-9_]*)", fetch_from.strip())
	if not match:
		return [f"{where}: fetch_from {fetch_from!r} must be link_field.target_field"]
	link, target = match.groups()
	if link == field.get("fieldname"):
		return [f"{where}: fetch_from {fetch_from!r} is self-referential"]
	link_field = fields_by_name.get(link)
	if link_field is None:
		return [f"{where}: fetch_from {fetch_from!r}: no field {link!r} in this doctype"]
	if link_field.get("fieldtype") == "Dynamic Link":
		return []  # the linked doctype is only known at run time
	if link_field.get("fieldtype") != "Link":
		return [
			f"{where}: fetch_from {fetch_from!r}: {link!r} is a {link_field.get('fieldtype')}, not a Link"
		]
	linked = link_field.get("options")
	if not linked or not doctype_exists(linked, ours):
		return []  # reported on the Link field itself
	info = doctype_info(linked, ours)
	if info is None:
		return [not_recorded(linked)]
	if target not in info["fields"] and target not in standard_fields(info["istable"]):
		return [f"{where}: fetch_from {fetch_from!r}: {linked!r} has no field {target!r}"]
	return []


def check_link_options(field: dict, ours: dict, where: str, own_name: str = "") -> list[str]:
	fieldtype, options = field.get("fieldtype"), (field.get("options") or "").strip()
	if not options:
		return [f"{where}: {fieldtype} needs options (a doctype)"]
	if options == own_name and fieldtype == "Link":
		return []
	if not doctype_exists(options, ours):
		return [f"{where}: options {options!r} is not a doctype of {APP_NAME}, frappe, erpnext or hrms"]
	if fieldtype in ("Table", "Table MultiSelect"):
		info = doctype_info(options, ours)
		if info is None:
			return [not_recorded(options)]
		if not info["istable"]:
			return [f"{where}: {fieldtype} options {options!r} is not a child table (istable)"]
		if fieldtype == "Table MultiSelect" and "Link" not in info["fields"].values():
			return [f"{where}: Table MultiSelect options {options!r} has no Link field"]
	return []


def check_field(field: dict, dt: dict, fields_by_name: dict, ours: dict) -> list[str]:
	fieldname, fieldtype = field.get("fieldname"), field.get("fieldtype")
	where = f"{dt.get('name')}.{fieldname}"
	problems = check_fieldname(fieldname, where)
	if fieldtype not in platform()["fieldtypes"]:
		return [*problems, f"{where}: invalid fieldtype {fieldtype!r}"]
	no_value = fieldtype in model("no_value_fields")
	options = field.get("options")
	if fieldtype in LINK_TYPES:
		problems += check_link_options(field, ours, where, own_name=dt.get("name", ""))
	if fieldtype == "Dynamic Link":
		pointer = fields_by_name.get(options or "")
		if not pointer or not (
			pointer.get("fieldtype") == "Select"
			or (pointer.get("fieldtype") == "Link" and pointer.get("options") == "DocType")
		):
			problems.append(f"{where}: Dynamic Link options must name a Link-to-DocType or Select field")
	if fieldtype == "Select":
		choices = [o.strip() for o in (options or "").split("\n")]
		if (field.get("reqd") or fieldname == "naming_series") and not any(choices):
			problems.append(f"{where}: Select needs options")
		if field.get("default") not in (None, "") and str(field["default"]) not in choices:
			problems.append(f"{where}: default {field['default']!r} is not one of the options")
	if fieldtype == "Check" and str(field.get("default", "0") or "0") not in ("0", "1"):
		problems.append(f"{where}: Check default must be 0 or 1")
	if fieldtype == "Data" and options and options not in model("data_field_options"):
		problems.append(f"{where}: Data options {options!r} not in {sorted(model('data_field_options'))}")
	if fieldtype == "Rating" and options and not (str(options).isdigit() and 3 <= int(options) <= 10):
		problems.append(f"{where}: Rating options must be 3 to 10")
	if field.get("unique") and fieldtype not in UNIQUE_TYPES:
		problems.append(f"{where}: {fieldtype} cannot be unique (only {', '.join(UNIQUE_TYPES)})")
	if field.get("search_index") and fieldtype in NO_INDEX_TYPES:
		problems.append(f"{where}: {fieldtype} cannot be indexed")
	if field.get("reqd") and no_value and fieldtype not in model("table_fields"):
		problems.append(f"{where}: {fieldtype} cannot be mandatory")
	if field.get("hidden") and field.get("reqd") and not field.get("default"):
		problems.append(f"{where}: hidden and mandatory without default")
	if field.get("in_global_search") and no_value:
		problems.append(f"{where}: in_global_search not allowed for {fieldtype}")
	not_in_list = model("no_value_fields") | {"Attach Image"}
	if dt.get("istable"):
		not_in_list -= {"Button", "HTML"}
	if field.get("in_list_view") and fieldtype in not_in_list:
		problems.append(f"{where}: in_list_view not allowed for {fieldtype}")
	if field.get("fetch_from"):
		problems += check_fetch_from(field, fields_by_name, ours, where)
	names = set(fields_by_name) | standard_fields(bool(dt.get("istable")))
	for key in DEPENDS_ON_KEYS:
		if key in field and field[key] not in (None, ""):
			problems += check_depends_on(field[key], names, f"{where}.{key}")
	if fieldname == "amended_from" and not (
		fieldtype == "Link" and options == dt.get("name") and dt.get("is_submittable")
	):
		problems.append(f"{where}: amended_from is only allowed as a Link to itself on a submittable doctype")
	if (
		fieldname
		and not no_value
		and fieldname not in reserved_fieldnames()
		and fieldname in model("document_attributes")
	):
		problems.append(f"{where}: fieldname {fieldname!r} conflicts with a method/property of Document")
	return problems


def grid_overflow(dt: dict) -> list[str]:
	"""grid.js shows in_list_view columns of a child table while 1 + their widths stay within 11 columns."""
	widths = {"Small Text": 3, "Check": 1}
	total, hidden = 1, []
	for field in dt.get("fields", []):
		if not field.get("in_list_view") or field.get("hidden"):
			continue
		if field.get("fieldtype") in ("Section Break", "Column Break", "Tab Break", "Fold"):
			continue
		total += int(field.get("columns") or widths.get(field.get("fieldtype"), 2))
		if total > 11:
			hidden.append(field.get("fieldname"))
	if hidden:
		return [f"{dt.get('name')}: grid columns exceed 10, never shown in the grid: {hidden}"]
	return []


# ------------------------------------------------------------------------------------------------ doctype


def check_doctype(dt: dict, ours: dict | None = None, roles: set[str] | None = None) -> list[str]:
	"""Frappe's DocType.validate rules that need no database: fields, naming, form settings, permissions."""
	ours = our_doctypes() if ours is None else ours
	name = dt.get("name") or "?"
	problems = []
	if dt.get("doctype") != "DocType":
		problems.append(f"{name}: doctype must be 'DocType', not {dt.get('doctype')!r}")
	if not DOCTYPE_NAME.match(name) or name != name.strip() or len(name) > 61:
		problems.append(f"{name}: invalid doctype name")
	if name in platform()["all_doctype_names"]:
		problems.append(f"{name}: name clashes with a platform doctype")
	fields = dt.get("fields", [])
	fields_by_name = {}
	for field in fields:
		fieldname = field.get("fieldname")
		if fieldname in fields_by_name:
			problems.append(f"{name}.{fieldname}: duplicate fieldname")
		fields_by_name.setdefault(fieldname, field)
	for field in fields:
		problems += check_field(field, dt, fields_by_name, ours)
	order = [f.get("fieldname") for f in fields]
	if dt.get("field_order") != order:
		problems.append(f"{name}: field_order {dt.get('field_order')} differs from the fields {order}")
	istable, submittable = bool(dt.get("istable")), bool(dt.get("is_submittable"))
	names = set(fields_by_name)
	autoname = dt.get("autoname") or ""
	if autoname.startswith("field:") and autoname[6:] not in names:
		problems.append(f"{name}: autoname {autoname!r} refers to a missing field")
	if autoname.startswith("naming_series:") or "naming_series" in names:
		series = fields_by_name.get("naming_series")
		if not series or series.get("fieldtype") != "Select" or not (series.get("options") or "").strip():
			problems.append(f"{name}: naming_series needs a Select field naming_series with options")
	if autoname.startswith("format:"):
		known = names | standard_fields() | {"timestamp"}
		for ref in re.findall(r"\{([^{}]+)\}", autoname):
			if (
				re.fullmatch(r"[a-z_][a-z0-9_]*", ref) and ref not in known
			):  # YYYY, ##### ... are series parts
				problems.append(f"{name}: autoname {autoname!r} refers to a missing field {ref!r}")
	allowed = names | model("default_fields") | model("child_table_fields")
	if dt.get("title_field") and dt["title_field"] not in names:
		problems.append(f"{name}: title_field {dt['title_field']!r} is not a field")
	if dt.get("show_title_field_in_link") and not dt.get("title_field"):
		problems.append(f"{name}: show_title_field_in_link needs a title_field")
	for fieldname in filter(None, (f.strip() for f in (dt.get("search_fields") or "").split(","))):
		field = fields_by_name.get(fieldname)
		if not field or field.get("fieldtype") in model("no_value_fields"):
			problems.append(f"{name}: search field {fieldname!r} is not a value field")
	for part in filter(None, (dt.get("sort_field") or "").split(",")):
		if part.split()[0] not in allowed:
			problems.append(f"{name}: sort_field {part.split()[0]!r} is not a field")
	if (
		dt.get("image_field")
		and (fields_by_name.get(dt["image_field"]) or {}).get("fieldtype") != "Attach Image"
	):
		problems.append(f"{name}: image_field must be an Attach Image field")
	if dt.get("timeline_field") and (fields_by_name.get(dt["timeline_field"]) or {}).get("fieldtype") not in (
		"Link",
		"Dynamic Link",
	):
		problems.append(f"{name}: timeline_field must be a Link or Dynamic Link field")
	if submittable:
		amended = fields_by_name.get("amended_from")
		if not amended or amended.get("fieldtype") != "Link" or amended.get("options") != name:
			problems.append(f"{name}: submittable doctype needs amended_from, a Link to {name!r}")
	if istable:
		problems += grid_overflow(dt)
		if dt.get("permissions"):
			problems.append(f"{name}: a child table (istable) must not have permissions")
	else:
		problems += check_permissions(dt, roles)
	return problems


def check_permissions(dt: dict, roles: set[str] | None = None) -> list[str]:
	"""frappe.core.doctype.doctype.doctype.validate_permissions, without the database."""
	name = dt.get("name")
	roles = set(platform()["roles"]) | our_roles() if roles is None else roles
	keys = set(platform()["docperm_keys"]) | PERM_ROW_META
	submittable, importable = bool(dt.get("is_submittable")), bool(dt.get("allow_import"))
	problems, seen = [], set()
	for idx, perm in enumerate(dt.get("permissions", []), start=1):
		where = f"{name} permission row {idx} ({perm.get('role')})"
		if perm.get("role") not in roles:
			problems.append(f"{where}: unknown role {perm.get('role')!r}")
		for key, value in perm.items():
			if key not in keys:
				problems.append(f"{where}: {key!r} is not a DocPerm field")
			elif key not in ("role", "permlevel") and key not in PERM_ROW_META and value not in (0, 1):
				problems.append(f"{where}: {key} must be 0 or 1, not {value!r}")
		if not isinstance(perm.get("permlevel", 0), int) or perm.get("permlevel", 0) < 0:
			problems.append(f"{where}: permlevel must be a non-negative integer")
		if not any(perm.get(key) for key in ("select", "read", "write", "submit", "cancel", "create")):
			problems.append(f"{where}: no basic permission set")
		key = (perm.get("role"), perm.get("permlevel", 0), bool(perm.get("if_owner")))
		if key in seen:
			problems.append(f"{where}: duplicate rule for the same role, level and if_owner")
		seen.add(key)
		for right in ("submit", "cancel", "amend"):
			if perm.get(right) and not submittable:
				problems.append(f"{where}: {right} set on a doctype that is not submittable")
		if perm.get("cancel") and not perm.get("submit"):
			problems.append(f"{where}: cancel without submit")
		if any(perm.get(right) for right in ("submit", "cancel", "amend")) and not perm.get("write"):
			problems.append(f"{where}: submit/cancel/amend without write")
		if perm.get("import") and not perm.get("create"):
			problems.append(f"{where}: import without create")
		if perm.get("import") and not importable:
			problems.append(f"{where}: import set but the doctype is not allow_import")
		if perm.get("permlevel", 0) > 0 and perm.get("role") not in ("All", "Desk User"):
			if not any(
				p.get("role") == perm.get("role") and not p.get("permlevel")
				for p in dt.get("permissions", [])
			):
				problems.append(f"{where}: level 0 must be set for the role before higher levels")
	return problems


def check_doctype_location(path: Path) -> list[str]:
	"""Where Frappe looks for a doctype: <module folder>/doctype/<scrub(name)>/, controller class, __init__.py."""
	try:
		dt = load_json(path)
	except ValueError as error:
		return [f"{path.name}: does not parse: {error}"]
	if not isinstance(dt, dict):
		return [f"{path.name}: not a JSON object"]
	name, module = dt.get("name") or "", dt.get("module")
	problems = []
	if scrub(name) != path.parent.name:
		problems.append(f"{path.name}: name {name!r} does not match its folder {path.parent.name!r}")
	if module not in modules():
		problems.append(f"{name}: module {module!r} is not in modules.txt")
	elif path.parents[2] != APP / scrub(module):
		problems.append(f"{name}: file is not under its module folder {scrub(module)}/")
	for package in (path.parent, path.parent.parent):
		if not (package / "__init__.py").exists():
			problems.append(f"{name}: {package.relative_to(APP)}/__init__.py missing")
	controller = path.with_suffix(".py")
	if not controller.exists():
		return [*problems, f"{name}: controller {controller.name} missing"]
	tree = ast.parse(controller.read_text(encoding="utf-8"))
	if not any(isinstance(n, ast.ClassDef) and n.name == class_name(name) for n in tree.body):
		problems.append(f"{name}: {controller.name} does not define class {class_name(name)}")
	return problems


def expected_type_hints(dt: dict) -> dict[str, str]:
	"""What frappe/types/exporter.py writes into the controller's auto-generated block."""
	hints = {}
	df_types = model("df_types")
	for field in dt.get("fields", []):
		fieldname, fieldtype = field.get("fieldname"), field.get("fieldtype") or ""
		if not fieldname or iskeyword(fieldname):
			continue
		compact = fieldtype.replace(" ", "")
		if fieldtype == "Select":
			options = field.get("options")
			hint = "DF.Literal" + (
				json.dumps([o.strip() for o in options.split("\n")]) if options else "[None]"
			)
		elif compact in df_types:
			hint = f"DF.{compact}"
			if fieldtype in model("table_fields") and field.get("options"):
				hint += f"[{class_name(field['options'])}]"
		else:
			continue
		if fieldtype not in NON_NULLABLE and not field.get("reqd"):
			hint += " | None"
		hints[fieldname] = hint
	if dt.get("istable"):
		hints.update(dict.fromkeys(("parent", "parentfield", "parenttype"), "DF.Data"))
	if dt.get("autoname") == "autoincrement":
		hints["name"] = "DF.Int | None"
	return {key: ast.unparse(ast.parse(value, mode="eval").body) for key, value in hints.items()}


def has_type_block(controller_source: str) -> bool:
	return "# begin: auto-generated types" in controller_source


def check_type_hints(dt: dict, controller_source: str) -> list[str]:
	"""The controller's `# begin: auto-generated types` block matches the doctype (export_python_type_annotations)."""
	name = dt.get("name")
	tree = ast.parse(controller_source)
	cls = next((n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name(name)), None)
	if cls is None:
		return [f"{name}: class {class_name(name)} missing"]
	if not has_type_block(controller_source):
		return []  # Frappe adds it the next time the doctype is saved in developer mode
	block = next(
		(n for n in cls.body if isinstance(n, ast.If) and getattr(n.test, "id", None) == "TYPE_CHECKING"),
		None,
	)
	found = {
		n.target.id: ast.unparse(n.annotation)
		for n in (block.body if block else [])
		if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
	}
	expected = expected_type_hints(dt)
	problems = [
		f"{name}.{key}: type hint {found.get(key)!r}, doctype says {expected.get(key)!r}"
		for key in sorted(set(found) | set(expected))
		if found.get(key) != expected.get(key)
	]
	return problems


# ------------------------------------------------------------------------------------------------ custom fields


def check_custom_fields(custom_fields: dict, ours: dict | None = None) -> list[str]:
	"""Custom fields we add to platform doctypes (frappe.custom...create_custom_fields)."""
	ours = our_doctypes() if ours is None else ours
	problems = []
	for doctype, fields in custom_fields.items():
		if doctype in ours:
			problems.append(f"{doctype}: is our doctype; add fields to its JSON, not as custom fields")
			continue
		if not doctype_exists(doctype, ours):
			problems.append(f"{doctype}: custom fields target a doctype that does not exist on the platform")
			continue
		info = doctype_info(doctype, ours, with_custom_fields=False)
		if info is None:
			problems.append(not_recorded(doctype))
			continue
		existing = set(info["fields"]) | standard_fields(info["istable"])
		added, by_name = [], {}
		for field in fields:
			by_name.setdefault(field.get("fieldname"), field)
		for idx, field in enumerate(fields, start=1):
			fieldname, fieldtype = field.get("fieldname"), field.get("fieldtype")
			where = f"{doctype} custom field {idx} ({fieldname})"
			problems += check_fieldname(fieldname, where)
			if fieldtype not in platform()["fieldtypes"]:
				problems.append(f"{where}: invalid fieldtype {fieldtype!r}")
			if fieldname in info["fields"]:
				problems.append(f"{where}: {doctype} already has a field {fieldname!r}")
			if fieldname in added:
				problems.append(f"{where}: defined twice")
			if fieldname in model("document_attributes") and fieldname not in reserved_fieldnames():
				problems.append(f"{where}: conflicts with a method/property of Document")
			after = field.get("insert_after")
			if not after:
				problems.append(f"{where}: insert_after missing")
			elif after not in existing and after not in added:
				problems.append(
					f"{where}: insert_after {after!r} is neither a {doctype} field nor added before"
				)
			if fieldtype in LINK_TYPES:
				problems += check_link_options(field, ours, where)
			if fieldtype == "Select":
				choices = [o.strip() for o in (field.get("options") or "").split("\n")]
				if not any(choices):
					problems.append(f"{where}: Select needs options")
				if field.get("default") not in (None, "") and str(field["default"]) not in choices:
					problems.append(f"{where}: default {field['default']!r} is not one of the options")
			if field.get("fetch_from"):
				merged = {
					**{k: {"fieldname": k, "fieldtype": v} for k, v in info["fields"].items()},
					**by_name,
				}
				problems += check_fetch_from(field, merged, ours, where)
			if field.get("reqd") and fieldtype in model("no_value_fields"):
				problems.append(f"{where}: {fieldtype} cannot be mandatory")
			if field.get("unique") and fieldtype not in UNIQUE_TYPES:
				problems.append(f"{where}: {fieldtype} cannot be unique")
			if fieldtype not in model("no_value_fields") and not field.get("label"):
				problems.append(f"{where}: label missing")
			added.append(fieldname)
	return problems


# ------------------------------------------------------------------------------------------------ hooks


def hook_assignments(source: str) -> dict[str, object]:
	"""Module-level `name = literal` assignments of a hooks.py (values that are not literals are skipped)."""
	hooks = {}
	for node in ast.parse(source).body:
		if isinstance(node, ast.Assign):
			for target in node.targets:
				if isinstance(target, ast.Name):
					try:
						hooks[target.id] = ast.literal_eval(node.value)
					except ValueError:
						hooks[target.id] = None
	return hooks


def module_file(dotted: str, root: Path = REPO) -> Path | None:
	base = root.joinpath(*dotted.split("."))
	for candidate in (base.with_suffix(".py"), base / "__init__.py"):
		if candidate.is_file():
			return candidate
	return None


def resolve(dotted: str, root: Path = REPO, allow_module: bool = False, _depth: int = 0) -> bool:
	"""Does a dotted path of ours name a function/class/name defined in a module (or the module itself when
	allowed)? Read with ast: the modules import frappe."""
	if module_file(dotted, root):
		return allow_module
	module, _, attr = dotted.rpartition(".")
	path = module_file(module, root) if module else None
	if path is None:
		return False
	for node in ast.parse(path.read_text(encoding="utf-8")).body:
		if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and node.name == attr:
			return True
		if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == attr for t in node.targets):
			return True
		if isinstance(node, ast.ImportFrom) and node.module:
			for alias in node.names:
				if (alias.asname or alias.name) == attr:
					source = f"{node.module}.{alias.name}"
					if not source.startswith(f"{APP_NAME}.") or _depth > 5:
						return True
					return resolve(source, root, allow_module, _depth + 1)
	return False


def strings_in(value) -> list[str]:
	if isinstance(value, str):
		return [value]
	if isinstance(value, dict):
		return [s for v in value.values() for s in strings_in(v)]
	if isinstance(value, list | tuple | set):
		return [s for v in value for s in strings_in(v)]
	return []


def check_hooks(source: str, app_dir: Path = APP, ours: dict | None = None) -> list[str]:
	ours = our_doctypes() if ours is None else ours
	root = app_dir.parent
	try:
		hooks = hook_assignments(source)
	except SyntaxError as error:
		return [f"hooks.py does not parse: {error}"]
	problems = []
	for key, value in hooks.items():
		if key in HOOK_ASSET_KEYS or key in HOOK_FILE_KEYS:
			continue
		if key == "add_to_apps_screen":
			value = [entry.get("has_permission") for entry in value or []]
		path_hook = key in HOOK_PATH_KEYS or key == "add_to_apps_screen"
		for path in strings_in(value):
			if OWN_PATH.match(path):
				if not resolve(path, root, allow_module=key == "jinja"):
					problems.append(
						f"hooks.{key}: {path!r} does not resolve to a function in this repository"
					)
			elif path_hook and path.split(".")[0] not in PLATFORM_APPS:
				problems.append(f"hooks.{key}: {path!r} is not a dotted path of {APP_NAME} or the platform")
	for key in HOOK_DOCTYPE_KEYS:
		mapping = hooks.get(key) if isinstance(hooks.get(key), dict) else {}
		for doctype in mapping:
			if doctype != "*" and not doctype_exists(doctype, ours):
				problems.append(f"hooks.{key}: {doctype!r} is not a doctype")
	for key in HOOK_FILE_KEYS:
		for target, files in (hooks.get(key) or {}).items():
			for file in strings_in(files):
				if not (app_dir / file).is_file():
					problems.append(f"hooks.{key}[{target!r}]: {file} not found in {app_dir.name}/")
	for key in HOOK_ASSET_KEYS:
		for asset in strings_in(hooks.get(key)):
			problems += check_asset(asset, app_dir, f"hooks.{key}")
	for key, value in hooks.items():
		if key not in HOOK_ASSET_KEYS:
			for asset in strings_in(value):
				if asset.startswith(f"/assets/{app_dir.name}/"):
					problems += check_asset(asset, app_dir, f"hooks.{key}")
	for app in hooks.get("required_apps") or []:
		if "/" not in app:
			problems.append(f"hooks.required_apps: {app!r} must be in org/repo form")
	for entry in hooks.get("add_to_apps_screen") or []:
		route = entry.get("route") or ""
		if route.startswith("/app/") and not desk_route_exists(route[5:].split("/")[0], app_dir, ours):
			problems.append(f"hooks.add_to_apps_screen: route {route!r} has no workspace, doctype or page")
	return problems


def check_asset(asset: str, app_dir: Path, where: str) -> list[str]:
	public = app_dir / "public"
	if asset.startswith(f"/assets/{app_dir.name}/"):
		ok = (public / asset.removeprefix(f"/assets/{app_dir.name}/")).is_file()
	elif asset.startswith("/assets/"):
		return []  # another app's asset
	elif ".bundle." in asset:
		stem = asset.rsplit(".bundle.", 1)[0]
		ok = any(public.rglob(f"{stem}.bundle.*"))
	else:
		ok = (public / asset).is_file()
	return [] if ok else [f"{where}: {asset!r} not found under {app_dir.name}/public/"]


def our_workspaces(app_dir: Path = APP) -> set[str]:
	return {load_json(p).get("name") for p in app_dir.glob("*/workspace/*/*.json")}


def desk_route_exists(slug: str, app_dir: Path, ours: dict) -> bool:
	"""frappe.router: /app/<slug> opens a workspace, a doctype list or a page."""
	names = our_workspaces(app_dir) | set(platform()["workspaces"]) | set(ours)
	pages = {p.parent.name for p in app_dir.glob("*/page/*/*.json")}
	return slug in {n.lower().replace(" ", "-") for n in names} or slug.replace("-", "_") in pages


# ------------------------------------------------------------------------------------------------ templates


def jinja_environment(filters: set[str] = frozenset()):
	"""Like frappe.utils.jinja.get_jenv(): a sandbox without extensions, with Frappe's filters, the platform
	apps' hook filters and ours (filter names are checked when a template compiles)."""
	from jinja2 import DebugUndefined
	from jinja2.sandbox import SandboxedEnvironment

	env = SandboxedEnvironment(undefined=DebugUndefined)
	names = ("json", "len", "int", "str", "flt", *platform()["jinja_filters"], *filters)
	env.filters.update(dict.fromkeys(names, lambda value, *a, **k: value))
	return env


def hook_jinja_filters(hooks_source: str) -> set[str]:
	names = set()
	for path in strings_in((hook_assignments(hooks_source).get("jinja") or {}).get("filters", [])):
		file = module_file(path)
		if file:  # a module: all its functions
			names.update(
				n.name
				for n in ast.parse(file.read_text(encoding="utf-8")).body
				if isinstance(n, ast.FunctionDef)
			)
		else:
			names.add(path.rsplit(".", 1)[-1])
	return names


def check_template(source: str, name: str, filters: set[str] = frozenset(), app_dir: Path = APP) -> list[str]:
	"""Compiles in Frappe's environment, and the templates it extends/includes/imports resolve in Frappe's
	loader: "<app>/<path>" (PrefixLoader) or "<path>" relative to an app package (PackageLoader)."""
	from jinja2 import TemplateSyntaxError, meta

	env = jinja_environment(filters)
	try:
		# an unknown filter or test raises TemplateAssertionError, a TemplateSyntaxError
		env.compile(source, name=name)
	except TemplateSyntaxError as error:
		hint = ""
		if re.search(r"unknown tag '(do|break|continue)'", error.message or ""):
			hint = " (Frappe's Jinja environment has no do/loopcontrols extension)"
		return [f"{name}:{error.lineno}: {error.message}{hint}"]
	problems = []
	for ref in meta.find_referenced_templates(env.parse(source)):
		if ref is None:
			continue  # computed name
		app, _, rest = ref.partition("/")
		if app == app_dir.name:
			found = (app_dir / rest).is_file()
		else:
			found = app in PLATFORM_APPS or ref.startswith("templates/") or (app_dir / ref).is_file()
		if not found:
			problems.append(f"{name}: referenced template {ref!r} does not resolve in Frappe's loader")
	return problems


JS_TEMPLATE_DIRS = ("doctype", "page", "report", "public", "node_modules")


def template_files(app_dir: Path = APP) -> list[Path]:
	"""Jinja files: every .html of the app (templates/, www/, print formats, forms ...) except the JS
	microtemplates of doctype/page/report folders and public assets; and www .md pages."""
	files = {
		p for p in app_dir.rglob("*.html") if not set(p.relative_to(app_dir).parts) & set(JS_TEMPLATE_DIRS)
	}
	return sorted(files | set(app_dir.glob("www/**/*.md")))


def check_print_format(pf: dict, ours: dict | None = None, filters: set[str] = frozenset()) -> list[str]:
	ours = our_doctypes() if ours is None else ours
	name = pf.get("name") or "?"
	problems = []
	if pf.get("doctype") != "Print Format":
		problems.append(f"{name}: doctype must be 'Print Format'")
	if not pf.get("doc_type") or not doctype_exists(pf["doc_type"], ours):
		problems.append(f"{name}: doc_type {pf.get('doc_type')!r} is not a doctype")
	if pf.get("print_format_type") != "Jinja":
		problems.append(f"{name}: print_format_type must be 'Jinja'")
	if pf.get("standard") != "Yes":
		problems.append(f"{name}: standard must be 'Yes' (shipped with the app)")
	problems += check_module(pf, name)
	if pf.get("html"):
		problems += check_template(pf["html"], f"{name} (html)", filters)
	return problems


# ------------------------------------------------------------------------------------------------ translations


def parse_po(text: str) -> tuple[list[dict], list[str]]:
	"""A small .po reader: entries {"msgctxt", "msgid", "msgid_plural", "msgstr", "fuzzy", "line"} and problems."""
	entries, problems = [], []
	entry, last, flags = {}, None, set()

	def flush():
		nonlocal entry, last, flags
		if entry:
			if "msgid" not in entry:
				problems.append(f"line {entry['line']}: entry without msgid")
			elif not any(k.startswith("msgstr") for k in entry):
				problems.append(f"line {entry['line']}: msgid {entry['msgid']!r} without msgstr")
			else:
				entry["fuzzy"] = "fuzzy" in flags
				entries.append(entry)
		entry, last, flags = {}, None, set()

	for lineno, raw in enumerate(text.splitlines(), start=1):
		line = raw.strip()
		if not line:
			flush()
			continue
		if line.startswith("#~"):
			continue  # obsolete entry
		if line.startswith("#"):
			if entry and any(k.startswith("msgstr") for k in entry):
				flush()
			if line.startswith("#,"):
				flags.update(f.strip() for f in line[2:].split(","))
			continue
		match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
		keyword, literal = match.groups() if match else (None, line)
		if not (keyword or (line.startswith('"') and last)):
			problems.append(f"line {lineno}: malformed line {raw!r}")
			continue
		if not re.fullmatch(r'"(?:[^"\\]|\\.)*"', literal):
			problems.append(f"line {lineno}: malformed string {literal}")
			continue
		value = ast.literal_eval(literal)
		if keyword is None:  # continuation of the previous keyword's string
			entry[last] += value
			continue
		if keyword in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in entry):
			flush()
		if keyword in entry:
			problems.append(f"line {lineno}: {keyword} twice in one entry")
		entry.setdefault("line", lineno)
		entry[keyword] = value
		last = keyword
	flush()
	return entries, problems


def msgstrs(entry: dict) -> list[str]:
	return [v for k, v in sorted(entry.items()) if k.startswith("msgstr")]


def check_po(text: str, pot_text: str | None = None) -> tuple[list[str], int]:
	"""Problems (malformed, duplicates, placeholder mismatch, missing template msgids) and untranslated count."""
	entries, problems = parse_po(text)
	seen, untranslated = set(), 0
	for entry in entries:
		key = (entry.get("msgctxt"), entry["msgid"])
		if entry["msgid"] == "" and key[0] is None:
			continue  # header
		if key in seen:
			problems.append(f"line {entry['line']}: duplicate msgid {entry['msgid']!r}")
		seen.add(key)
		translations = [s for s in msgstrs(entry) if s]
		if not translations or entry["fuzzy"]:
			untranslated += 1
		for index, translation in enumerate(msgstrs(entry)):
			source = entry["msgid"] if index == 0 else entry.get("msgid_plural", entry["msgid"])
			if translation and sorted(set(PLACEHOLDER.findall(source))) != sorted(
				set(PLACEHOLDER.findall(translation))
			):
				problems.append(f"line {entry['line']}: placeholders differ: {source!r} -> {translation!r}")
	if pot_text is not None:
		template, pot_problems = parse_po(pot_text)
		problems += [f"main.pot {p}" for p in pot_problems]
		for entry in template:
			key = (entry.get("msgctxt"), entry["msgid"])
			if entry["msgid"] and key not in seen:
				problems.append(f"msgid {entry['msgid']!r} of main.pot missing from the .po")
	return problems, untranslated


# ------------------------------------------------------------------------------------------------ patches


def check_patches(text: str, root: Path = REPO) -> list[str]:
	"""patches.txt: each line a module of ours with execute(), or an `execute:` one-liner."""
	problems = []
	for lineno, raw in enumerate(text.splitlines(), start=1):
		line = raw.split("#", 1)[0].strip()
		if not line or (line.startswith("[") and line.endswith("]")):
			continue
		if line.startswith("execute:"):
			try:
				compile(line[8:], "patches.txt", "exec")
			except SyntaxError as error:
				problems.append(f"patches.txt:{lineno}: {error.msg}")
			continue
		dotted = line.split()[0]
		if not OWN_PATH.match(dotted) or not module_file(dotted, root):
			problems.append(f"patches.txt:{lineno}: {dotted!r} is not a module of {APP_NAME}")
		elif not resolve(f"{dotted}.execute", root):
			problems.append(f"patches.txt:{lineno}: {dotted} has no execute()")
	return problems


# ------------------------------------------------------------------------------------------------ desk


def check_workspace(ws: dict, ours: dict | None = None, number_cards: set[str] = frozenset()) -> list[str]:
	"""Links, shortcuts and number cards exist; the content blocks name existing shortcuts/cards."""
	ours = our_doctypes() if ours is None else ours
	name = ws.get("name") or "?"
	problems = check_module(ws, name)
	for link in ws.get("links", []):
		if link.get("type") == "Link" and link.get("link_type") == "DocType":
			if not doctype_exists(link.get("link_to") or "", ours):
				problems.append(f"{name}: link to unknown doctype {link.get('link_to')!r}")
	for shortcut in ws.get("shortcuts", []):
		target = shortcut.get("link_to") or ""
		if shortcut.get("type") == "DocType":
			if not doctype_exists(target, ours):
				problems.append(f"{name}: shortcut to unknown doctype {target!r}")
				continue
			info = doctype_info(target, ours)
			try:
				stats = json.loads(shortcut.get("stats_filter") or "{}")
			except ValueError:
				problems.append(f"{name}: shortcut {shortcut.get('label')!r}: stats_filter is not JSON")
				continue
			for field in stats if info else ():
				if field not in info["fields"] and field not in standard_fields():
					problems.append(
						f"{name}: shortcut {shortcut.get('label')!r} filters on unknown {target}.{field}"
					)
	for card in ws.get("number_cards", []):
		if card.get("number_card_name") not in number_cards:
			problems.append(f"{name}: number card {card.get('number_card_name')!r} not found")
	try:
		blocks = json.loads(ws.get("content") or "[]")
	except ValueError:
		return [*problems, f"{name}: content is not JSON"]
	names = {
		"shortcut": {s.get("label") for s in ws.get("shortcuts", [])},
		"card": {link.get("label") for link in ws.get("links", []) if link.get("type") == "Card Break"},
		"number_card": {c.get("number_card_name") for c in ws.get("number_cards", [])},
	}
	keys = {"shortcut": "shortcut_name", "card": "card_name", "number_card": "number_card_name"}
	for block in blocks:
		kind = block.get("type")
		if kind in keys and (block.get("data") or {}).get(keys[kind]) not in names[kind]:
			problems.append(
				f"{name}: content {kind} block {block['data'].get(keys[kind])!r} has no definition"
			)
	return problems


def check_number_card(card: dict, ours: dict | None = None) -> list[str]:
	ours = our_doctypes() if ours is None else ours
	name = card.get("name") or "?"
	problems = check_module(card, name)
	if card.get("type") != "Document Type":
		return problems
	doctype = card.get("document_type") or ""
	if not doctype_exists(doctype, ours):
		return [*problems, f"{name}: document_type {doctype!r} is not a doctype"]
	info = doctype_info(doctype, ours)
	try:
		filters = json.loads(card.get("filters_json") or "[]")
	except ValueError:
		return [*problems, f"{name}: filters_json is not JSON"]
	for row in filters if info else ():
		if len(row) < 3 or row[0] != doctype:
			problems.append(f"{name}: filter {row} must be [doctype, field, operator, value]")
		elif row[1] not in info["fields"] and row[1] not in standard_fields():
			problems.append(f"{name}: filter on unknown field {doctype}.{row[1]}")
	return problems


# ------------------------------------------------------------------------------------------------ reporting


def assert_clean(problems: list[str], known: tuple[str, str] | None = None) -> None:
	"""Fail on any problem. A known problem (substring, reason) already reported to the lead makes the test
	xfail instead, without hiding other problems; once it is fixed the test fails until the entry is removed
	(like xfail(strict=True), but per problem rather than per test)."""
	import pytest

	marker, reason = known or ("\0", "")
	unexpected = [problem for problem in problems if marker not in problem]
	assert not unexpected, "\n".join(unexpected)
	if known:
		if len(unexpected) < len(problems):
			pytest.xfail(reason)
		pytest.fail(f"known problem {marker!r} is gone: remove its KNOWN_PROBLEMS entry")
