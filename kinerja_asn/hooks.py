app_name = "kinerja_asn"
app_title = "Kinerja ASN"
app_publisher = "kinerja_asn contributors"
app_description = (
	"Penilaian kinerja berbasis kompetensi bagi ASN (PNS dan PPPK) di Frappe HRMS / "
	"Competency-based performance appraisal of Indonesian civil servants on Frappe HRMS"
)
app_email = "kinerja-asn@batanghari.example"
app_license = "gpl-3.0"
app_logo_url = "/assets/kinerja_asn/images/kinerja-asn.svg"

# org/repo form, as HRMS does: a bare name makes Frappe look the org up on GitHub at install time.
required_apps = ["frappe/erpnext", "frappe/hrms"]

export_python_type_annotations = True

add_to_apps_screen = [
	{
		"name": "kinerja_asn",
		"logo": "/assets/kinerja_asn/images/kinerja-asn.svg",
		"title": "Kinerja ASN",
		"route": "/app/kinerja-asn",
		"has_permission": "kinerja_asn.access.has_app_permission",
	}
]

# Installation
# ------------
after_install = "kinerja_asn.setup.install.after_install"
after_migrate = "kinerja_asn.setup.install.after_migrate"
before_uninstall = "kinerja_asn.setup.install.before_uninstall"

before_tests = "kinerja_asn.tests.before_tests"

# Document events on other apps' doctypes (never class overrides)
# ----------------------------------------------------------------
doc_events = {
	"Employee": {
		"validate": "kinerja_asn.overrides.employee.validate",
		"on_update": "kinerja_asn.overrides.employee.on_update",
	},
	"Training Event": {
		"on_submit": "kinerja_asn.pengembangan.training.on_training_event_change",
		"on_update_after_submit": "kinerja_asn.pengembangan.training.on_training_event_change",
		"on_cancel": "kinerja_asn.pengembangan.training.on_training_event_change",
	},
}

# Desk assets: the filters the script reports share (kinerja_asn.report_filters)
app_include_js = ["/assets/kinerja_asn/js/report_filters.js"]

# Form scripts for other apps' doctypes
doctype_js = {
	"Employee": "public/js/employee.js",
	"Appraisal Cycle": "public/js/appraisal_cycle.js",
	"ASN Appraisal": "pengembangan/js/asn_appraisal.js",
}

# Permissions: every rule is in kinerja_asn/access.py, decided on the stored documents
# -----------------------------------------------------------------------------------
# (child tables too: Frappe applies no row rule to them, so their lists follow their parent's rows)
permission_query_conditions = {
	"ASN Appraisal": "kinerja_asn.access.query_conditions",
	"Rater Feedback": "kinerja_asn.access.query_conditions",
	"Development Plan": "kinerja_asn.access.query_conditions",
	"Position Competency Profile": "kinerja_asn.access.query_conditions",
	"ASN Appraisal Competency": "kinerja_asn.access.query_conditions",
	"ASN Appraisal Behaviour": "kinerja_asn.access.query_conditions",
	"ASN Appraisal Result": "kinerja_asn.access.query_conditions",
	"ASN Appraisal Role Summary": "kinerja_asn.access.query_conditions",
	"Rater Competency Rating": "kinerja_asn.access.query_conditions",
	"Rater Behaviour Rating": "kinerja_asn.access.query_conditions",
	"Development Plan Item": "kinerja_asn.access.query_conditions",
	"Position Competency Requirement": "kinerja_asn.access.query_conditions",
}
has_permission = {
	"ASN Appraisal": "kinerja_asn.access.has_permission",
	"Rater Feedback": "kinerja_asn.access.has_permission",
	"Development Plan": "kinerja_asn.access.has_permission",
	"Position Competency Profile": "kinerja_asn.access.has_permission",
}

# Frappe 15's frappe.client.get_count checks no permission: counted with the permission rules instead
override_whitelisted_methods = {"frappe.client.get_count": "kinerja_asn.access.get_count"}

# Scheduled jobs
# --------------
scheduler_events = {
	"daily_long": [
		"kinerja_asn.pengembangan.reminders.send_feedback_reminders",
		"kinerja_asn.pengembangan.training.refresh_running_years",
	],
}

# Jinja methods of the official print formats (kinerja_asn/penilaian_kinerja/print_format)
jinja = {"methods": ["kinerja_asn.forms.jinja.kinerja_form"]}

# Self-service portal: one shell page (kinerja_asn/www/kinerja, rendered and cached by kinerja_asn.portal_shell)
# for /kinerja and every /kinerja/<path>; kinerja_portal.js shows the views from kinerja_asn.api.portal
# ---------------------------------------------
website_route_rules = [{"from_route": "/kinerja/<path:app_path>", "to_route": "kinerja"}]
page_renderer = ["kinerja_asn.portal_shell.PortalShell"]
website_clear_cache = ["kinerja_asn.portal_shell.clear_cache"]

standard_portal_menu_items = [
	{"title": "My Appraisals", "route": "/kinerja", "reference_doctype": "ASN Appraisal", "role": "Employee"},
	{
		"title": "Rater Tasks",
		"route": "/kinerja/tugas",
		"reference_doctype": "Rater Feedback",
		"role": "Employee",
	},
	{"title": "My Team", "route": "/kinerja/tim", "role": "Employee"},
	{"title": "Appraisal Guide", "route": "/kinerja/panduan", "role": "Employee"},
]
