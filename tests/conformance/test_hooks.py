"""hooks.py, read with ast (importing it would need frappe): every path, file and doctype it names exists."""

from frappe_rules import APP, assert_clean, check_hooks, hook_assignments, resolve

SOURCE = (APP / "hooks.py").read_text(encoding="utf-8")
HOOKS = hook_assignments(SOURCE)

KNOWN_PROBLEMS: dict[str, tuple[str, str]] = {}


def test_hooks_resolve():
	"""Dotted paths resolve to functions of this repository; js files, assets and doctypes exist."""
	assert_clean(check_hooks(SOURCE), KNOWN_PROBLEMS.get("resolve"))


def test_app_identity():
	assert HOOKS.get("app_name") == "kinerja_asn"
	for key in ("app_title", "app_publisher", "app_description", "app_email", "app_license"):
		assert HOOKS.get(key), f"hooks.{key} missing"


def test_required_apps_in_org_repo_form():
	required = HOOKS.get("required_apps") or []
	assert {"frappe/erpnext", "frappe/hrms"} <= set(required), required
	assert all("/" in app for app in required), required


def test_exports_python_type_annotations():
	assert HOOKS.get("export_python_type_annotations") is True


def test_install_hooks_are_set():
	"""The installer creates the custom fields and seed data: the hooks must call it."""
	for key in ("after_install", "after_migrate", "before_uninstall"):
		assert HOOKS.get(key), f"hooks.{key} missing"
		assert resolve(HOOKS[key]), HOOKS[key]
