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


def test_row_rules_cover_every_child_table():
	"""Frappe applies no row rule to child tables: each child table of a doctype with row rules (has_permission)
	needs its own permission_query_conditions, or `frappe.client.get_list(child, parent=…)` lists the rows of
	every parent (kinerja_asn/access.py)."""
	from frappe_rules import our_doctypes

	ours = our_doctypes()
	ruled = set(HOOKS.get("has_permission") or {})
	conditions = HOOKS.get("permission_query_conditions") or {}
	assert {"ASN Appraisal", "Rater Feedback", "Development Plan"} <= ruled, ruled
	assert ruled <= set(conditions), ruled - set(conditions)
	missing = [
		(parent, field["options"])
		for parent in ruled
		for field in ours[parent].get("fields", [])
		if field.get("fieldtype") in ("Table", "Table MultiSelect") and field["options"] not in conditions
	]
	assert not missing, missing
	assert HOOKS.get("override_whitelisted_methods", {}).get("frappe.client.get_count"), (
		"frappe.client.get_count checks no permission in Frappe 15: override it"
	)
