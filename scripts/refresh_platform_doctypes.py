#!/usr/bin/env python3
"""Snapshot what the conformance tests need to know about Frappe, ERPNext and HRMS.

The conformance layer (tests/conformance) runs where no bench exists, so it checks our artifacts against
tests/conformance/platform_doctypes.json, which this script writes from a real bench. The file is committed;
refresh it when we add links to other platform doctypes, extend another doctype, or move to a new minor
release of the platform:

	python scripts/refresh_platform_doctypes.py [BENCH]    # BENCH defaults to $KINERJA_BENCH or /root/frappe-bench

It reads files only (JSON, and Python source through `ast`); it never imports frappe. What it records:

- generated_from: the `__version__` of each app;
- fieldtypes: the Type options of DocField (frappe/core/doctype/docfield/docfield.json);
- model: Frappe's field-name and field-type rules (frappe/model/__init__.py, base_document.py, doctype.py,
  frappe/types/DF.py) so the checks follow the platform instead of a copy typed by hand;
- docperm_keys: the fields of a DocPerm row; jinja_filters: the filters the apps add to Frappe's Jinja;
- roles: roles the platform creates (automatic roles, roles in doctype/report/page permissions, Role records
  made by install code);
- all_doctype_names: every doctype of the three apps (names only); workspaces: their workspace names;
- doctypes: for the doctypes kinerja_asn links to, fetches from or extends (plus a few core ones), their
  app, istable, issingle and fields {fieldname: fieldtype}, including the custom fields HRMS adds to them.
"""

import ast
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "kinerja_asn"
OUT = REPO / "tests" / "conformance" / "platform_doctypes.json"
PLATFORM_APPS = ("frappe", "erpnext", "hrms")
CORE_DOCTYPES = (
	"User",
	"Role",
	"DocType",
	"Company",
	"Employee",
	"Designation",
	"Department",
	"Appraisal",
	"Appraisal Cycle",
	"Goal",
	"Employee Performance Feedback",
	"Training Program",
	"Training Event",
	"Training Event Employee",
	"KRA",
)
LINK_TYPES = ("Link", "Table", "Table MultiSelect")
ROLE_RECORD = re.compile(
	r"""["']doctype["']\s*:\s*["']Role["']\s*,\s*["']role_name["']\s*:\s*["']([^"']+)["']"""
)


def app_version(app_dir: Path) -> str:
	tree = ast.parse((app_dir / app_dir.name / "__init__.py").read_text(encoding="utf-8"))
	for node in tree.body:
		if isinstance(node, ast.Assign) and any(
			getattr(t, "id", None) == "__version__" for t in node.targets
		):
			return ast.literal_eval(node.value)
	raise SystemExit(f"no __version__ in {app_dir.name}/__init__.py")


def module_constants(path: Path, names: set[str]) -> dict:
	"""Literal module-level assignments `NAME = (...)` of a Python file, read with ast."""
	out = {}
	for node in ast.parse(path.read_text(encoding="utf-8")).body:
		if isinstance(node, ast.Assign | ast.AnnAssign):
			targets = node.targets if isinstance(node, ast.Assign) else [node.target]
			for target in targets:
				if isinstance(target, ast.Name) and target.id in names:
					try:
						out[target.id] = ast.literal_eval(node.value)
					except ValueError:
						pass
	return out


def nested_literal(path: Path, function: str, name: str):
	"""The literal assigned to `name` inside `function` (a method or a function) of a Python file."""
	for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
		if isinstance(node, ast.FunctionDef) and node.name == function:
			for sub in ast.walk(node):
				if isinstance(sub, ast.Assign) and any(getattr(t, "id", None) == name for t in sub.targets):
					return ast.literal_eval(sub.value)
	raise SystemExit(f"{name} not found in {function}() of {path}")


def class_literal(path: Path, cls: str, name: str):
	for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
		if isinstance(node, ast.ClassDef) and node.name == cls:
			for sub in node.body:
				if isinstance(sub, ast.Assign) and any(getattr(t, "id", None) == name for t in sub.targets):
					value = sub.value
					if isinstance(value, ast.Call):  # frozenset((...))
						value = value.args[0]
					return ast.literal_eval(value)
	raise SystemExit(f"{cls}.{name} not found in {path}")


def class_members(path: Path, cls: str) -> set[str]:
	"""Methods, properties and class attributes of a class: a field with such a name breaks the controller."""
	for node in ast.parse(path.read_text(encoding="utf-8")).body:
		if isinstance(node, ast.ClassDef) and node.name == cls:
			names = set()
			for sub in node.body:
				if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef):
					names.add(sub.name)
				elif isinstance(sub, ast.Assign):
					names.update(t.id for t in sub.targets if isinstance(t, ast.Name))
				elif isinstance(sub, ast.AnnAssign) and isinstance(sub.target, ast.Name):
					names.add(sub.target.id)
			return {name for name in names if not name.startswith("__")}
	raise SystemExit(f"class {cls} not found in {path}")


def read_model_rules(frappe_pkg: Path) -> dict:
	model = module_constants(
		frappe_pkg / "model" / "__init__.py",
		{
			"data_fieldtypes",
			"no_value_fields",
			"display_fieldtypes",
			"table_fields",
			"default_fields",
			"child_table_fields",
			"optional_fields",
			"data_field_options",
		},
	)
	model = {key: sorted(value) for key, value in model.items()}
	model["reserved_keywords"] = sorted(
		class_literal(frappe_pkg / "model" / "base_document.py", "BaseDocument", "_reserved_keywords")
	)
	model["restricted_fieldnames"] = sorted(
		nested_literal(
			frappe_pkg / "core" / "doctype" / "doctype" / "doctype.py", "scrub_field_names", "restricted"
		)
	)
	df_source = ast.parse((frappe_pkg / "types" / "DF.py").read_text(encoding="utf-8"))
	model["document_attributes"] = sorted(
		class_members(frappe_pkg / "model" / "base_document.py", "BaseDocument")
		| class_members(frappe_pkg / "model" / "document.py", "Document")
	)
	model["df_types"] = sorted(
		t.id
		for node in df_source.body
		if isinstance(node, ast.Assign)
		for t in node.targets
		if isinstance(t, ast.Name)
	)
	return model


def hrms_custom_fields(hrms_pkg: Path) -> dict[str, list[dict]]:
	"""hrms/setup.py get_custom_fields(): a dict literal whose labels are wrapped in _()."""

	class Untranslate(ast.NodeTransformer):
		def visit_Call(self, node):
			if isinstance(node.func, ast.Name) and node.func.id == "_" and node.args:
				return node.args[0]
			return self.generic_visit(node)

	tree = ast.parse((hrms_pkg / "setup.py").read_text(encoding="utf-8"))
	for node in tree.body:
		if isinstance(node, ast.FunctionDef) and node.name == "get_custom_fields":
			for sub in node.body:
				if isinstance(sub, ast.Return):
					return ast.literal_eval(Untranslate().visit(sub.value))
	print(
		"warning: hrms/setup.py get_custom_fields() not found; HRMS custom fields not recorded",
		file=sys.stderr,
	)
	return {}


def jinja_filters(bench: Path) -> list[str]:
	"""Filters every app adds through hooks.jinja["filters"]: Frappe's Jinja environment has them all."""
	names = set()
	for app in PLATFORM_APPS:
		hooks = ast.parse((bench / "apps" / app / app / "hooks.py").read_text(encoding="utf-8"))
		for node in hooks.body:
			if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "jinja" for t in node.targets):
				paths = ast.literal_eval(node.value).get("filters", [])
				for path in [paths] if isinstance(paths, str) else paths:
					module = bench / "apps" / app / Path(*path.split("."))
					file = next(
						(f for f in (module.with_suffix(".py"), module / "__init__.py") if f.is_file()), None
					)
					if file:  # a module: all its functions
						tree = ast.parse(file.read_text(encoding="utf-8"))
						names.update(n.name for n in tree.body if isinstance(n, ast.FunctionDef))
					else:
						names.add(path.rsplit(".", 1)[-1])
	return sorted(names)


def walk_json(root: Path):
	for dirpath, dirnames, filenames in os.walk(root):
		dirnames[:] = [d for d in dirnames if d not in ("node_modules", ".git", "__pycache__")]
		for filename in filenames:
			if filename.endswith(".json"):
				yield Path(dirpath) / filename


def load(path: Path):
	try:
		return json.loads(path.read_text(encoding="utf-8"))
	except (ValueError, UnicodeDecodeError):
		return None


def is_doctype_file(path: Path) -> bool:
	return path.parent.parent.name == "doctype" and path.stem == path.parent.name


def scan_platform(bench: Path):
	doctypes, roles, workspaces = {}, set(), set()
	for app in PLATFORM_APPS:
		pkg = bench / "apps" / app / app
		for path in walk_json(pkg):
			data = load(path)
			if not isinstance(data, dict):
				continue
			if is_doctype_file(path) and data.get("doctype") == "DocType" and data.get("name"):
				doctypes[data["name"]] = {
					"app": app,
					"istable": int(bool(data.get("istable"))),
					"issingle": int(bool(data.get("issingle"))),
					"fields": {
						f["fieldname"]: f["fieldtype"] for f in data.get("fields", []) if f.get("fieldname")
					},
				}
			if data.get("doctype") == "Workspace" and data.get("name"):
				workspaces.add(data["name"])
			if data.get("doctype") in ("DocType", "Report", "Page"):
				roles.update(p["role"] for p in data.get("permissions", []) if p.get("role"))
				roles.update(
					r["role"] for r in data.get("roles", []) if isinstance(r, dict) and r.get("role")
				)
		for path in pkg.rglob("*.py"):
			if "test" in path.name or "/tests/" in path.as_posix():
				continue  # test records (_Test Role ...) are not platform roles
			roles.update(ROLE_RECORD.findall(path.read_text(encoding="utf-8", errors="replace")))
	automatic = module_constants(
		bench / "apps" / "frappe" / "frappe" / "permissions.py",
		{"GUEST_ROLE", "ALL_USER_ROLE", "SYSTEM_USER_ROLE", "ADMIN_ROLE"},
	)
	roles.update(automatic.values())
	return doctypes, roles, workspaces


def referenced_doctypes() -> set[str]:
	"""Doctypes kinerja_asn links to, fetches from or extends: read from our own artifacts."""
	sys.path.insert(0, str(REPO))
	from kinerja_asn.setup.custom_fields import get_custom_fields

	names = set()
	for path in APP.glob("*/doctype/*/*.json"):
		data = load(path) or {}
		for field in data.get("fields", []):
			if field.get("fieldtype") in LINK_TYPES and field.get("options"):
				names.add(field["options"])
	for path in APP.glob("*/print_format/*/*.json"):
		if (data := load(path)) and data.get("doc_type"):
			names.add(data["doc_type"])
	for path in APP.glob("*/number_card/*/*.json"):
		if (data := load(path)) and data.get("document_type"):
			names.add(data["document_type"])
	for path in APP.glob("*/workspace/*/*.json"):
		data = load(path) or {}
		names.update(s["link_to"] for s in data.get("shortcuts", []) if s.get("type") == "DocType")
		names.update(link["link_to"] for link in data.get("links", []) if link.get("link_type") == "DocType")
	for doctype, fields in get_custom_fields().items():
		names.add(doctype)
		names.update(f["options"] for f in fields if f.get("fieldtype") in LINK_TYPES and f.get("options"))
	hooks = ast.parse((APP / "hooks.py").read_text(encoding="utf-8"))
	for node in hooks.body:
		if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
			names.update(k.value for k in node.value.keys if isinstance(k, ast.Constant) and k.value != "*")
	return names


def main(argv: list[str]) -> int:
	bench = Path(argv[1] if len(argv) > 1 else os.environ.get("KINERJA_BENCH", "/root/frappe-bench"))
	frappe_pkg = bench / "apps" / "frappe" / "frappe"
	if not frappe_pkg.is_dir():
		print(f"not a bench with frappe: {bench}", file=sys.stderr)
		return 2
	docfield = load(frappe_pkg / "core" / "doctype" / "docfield" / "docfield.json")
	fieldtypes = next(f["options"] for f in docfield["fields"] if f["fieldname"] == "fieldtype").split("\n")
	docperm = load(frappe_pkg / "core" / "doctype" / "docperm" / "docperm.json")
	docperm_keys = [f["fieldname"] for f in docperm["fields"] if f["fieldtype"] in ("Check", "Int", "Link")]

	platform, roles, workspaces = scan_platform(bench)
	for doctype, fields in hrms_custom_fields(bench / "apps" / "hrms" / "hrms").items():
		if doctype in platform:
			platform[doctype]["fields"].update({f["fieldname"]: f["fieldtype"] for f in fields})

	ours = {load(p)["name"] for p in APP.glob("*/doctype/*/*.json") if (load(p) or {}).get("name")}
	wanted = (referenced_doctypes() | set(CORE_DOCTYPES)) - ours
	missing = sorted(name for name in wanted if name not in platform)
	if missing:
		print(
			f"note: referenced but not platform doctypes (tests will report them): {missing}", file=sys.stderr
		)

	data = {
		"generated_from": {app: app_version(bench / "apps" / app) for app in PLATFORM_APPS},
		"fieldtypes": fieldtypes,
		"model": read_model_rules(frappe_pkg),
		"docperm_keys": docperm_keys,
		"jinja_filters": jinja_filters(bench),
		"roles": sorted(roles),
		"all_doctype_names": sorted(platform),
		"workspaces": sorted(workspaces),
		"doctypes": {
			name: {**platform[name], "fields": dict(sorted(platform[name]["fields"].items()))}
			for name in sorted(wanted)
			if name in platform
		},
	}
	OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
	print(
		f"wrote {OUT.relative_to(REPO)}: {len(data['doctypes'])} doctypes, {len(platform)} names, {len(roles)} roles"
	)
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv))
