"""Project files: package metadata, modules, patches, licence, README and CI entry point."""

import ast
import os
import re
from pathlib import Path

import pytest
from frappe_rules import APP, PLATFORM_APPS, REPO, assert_clean, check_patches, modules, platform, scrub

try:
	import tomllib
except ImportError:  # Python 3.10
	tomllib = None


def test_bench_dependencies():
	if tomllib is None:
		pytest.skip("tomllib needs Python 3.11")
	pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
	deps = pyproject.get("tool", {}).get("bench", {}).get("frappe-dependencies", {})
	for app in ("frappe", "erpnext", "hrms"):
		spec = deps.get(app, "")
		assert re.search(r">=\s*15(\.|\b)", spec) and re.search(r"<\s*16(\.|\b)", spec), f"{app}: {spec!r}"


def test_version():
	tree = ast.parse((APP / "__init__.py").read_text(encoding="utf-8"))
	versions = [
		node.value.value
		for node in tree.body
		if isinstance(node, ast.Assign)
		and any(getattr(t, "id", None) == "__version__" for t in node.targets)
		and isinstance(node.value, ast.Constant)
	]
	assert versions and re.fullmatch(r"\d+\.\d+\.\d+\S*", versions[0]), versions


def test_modules_have_packages():
	problems = [] if modules() else ["modules.txt is empty"]
	for module in modules():
		if not (APP / scrub(module) / "__init__.py").is_file():
			problems.append(f"module {module!r}: {scrub(module)}/__init__.py missing")
	assert_clean(problems)


def test_patches():
	path = APP / "patches.txt"
	assert path.exists(), "patches.txt missing (bench migrate reads it)"
	assert_clean(check_patches(path.read_text(encoding="utf-8")))


def test_license_is_gpl3():
	text = (REPO / "license.txt").read_text(encoding="utf-8")
	assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3" in text


def test_readme_exists():
	assert (REPO / "README.md").read_text(encoding="utf-8").strip()


def test_ci_runs_the_readme_test_command():
	ci = REPO / ".ci" / "run"
	if not ci.exists():
		pytest.skip(".ci/run does not exist yet: cannot check that CI runs the README's `./dev test`")
	assert "./dev test" in ci.read_text(encoding="utf-8"), ".ci/run does not call ./dev test"
	assert "./dev test" in (REPO / "README.md").read_text(encoding="utf-8"), (
		"README does not document ./dev test"
	)


def test_platform_snapshot():
	"""tests/conformance/platform_doctypes.json, written by scripts/refresh_platform_doctypes.py."""
	data = platform()
	assert all(data["generated_from"][app].startswith("15.") for app in PLATFORM_APPS), data["generated_from"]
	assert {"Link", "Table", "Select", "Section Break"} <= set(data["fieldtypes"])
	assert {"Employee", "Appraisal Cycle", "Goal", "Designation"} <= set(data["doctypes"])
	assert {"HR Manager", "HR User", "Employee", "System Manager"} <= set(data["roles"])
	assert len(data["all_doctype_names"]) > 500


def test_platform_contract_holds_on_the_bench():
	"""The snapshot is our contract with the platform, not one release: on a bench of any v15 release every
	platform doctype we record must exist, and every recorded field that our code names must still exist
	with the same type. The bench's version numbers may differ from the snapshot's."""
	import importlib.util

	bench = Path(os.environ.get("KINERJA_BENCH", "/root/frappe-bench"))
	if not (bench / "apps" / "frappe").is_dir():
		pytest.skip(f"no bench at {bench}: the contract cannot be compared")
	spec = importlib.util.spec_from_file_location(
		"refresh", REPO / "scripts" / "refresh_platform_doctypes.py"
	)
	refresh = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(refresh)
	live, _roles, _workspaces = refresh.scan_platform(bench)
	for doctype, fields in refresh.hrms_custom_fields(bench / "apps" / "hrms" / "hrms").items():
		if doctype in live:
			live[doctype]["fields"].update({f["fieldname"]: f["fieldtype"] for f in fields})
	words = {
		word
		for path in APP.rglob("*")
		if path.suffix in (".py", ".json", ".js", ".html") and path.is_file()
		for word in re.findall(r"[a-z_][a-z0-9_]*", path.read_text(encoding="utf-8", errors="replace"))
	}
	problems = []
	for doctype, recorded in platform()["doctypes"].items():
		if doctype not in live:
			problems.append(f"{doctype}: not on the bench")
			continue
		for field, fieldtype in recorded["fields"].items():
			if field in words and live[doctype]["fields"].get(field) != fieldtype:
				problems.append(
					f"{doctype}.{field}: {fieldtype} recorded, {live[doctype]['fields'].get(field) or 'missing'} on the bench"
				)
	assert not problems, "\n".join(problems)
