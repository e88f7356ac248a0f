"""Jinja methods of the official print formats (hooks: ``jinja = {"methods": [...]}``).

A print format of kinerja_asn is two lines: it asks ``kinerja_form`` for the form context of the document
being printed and includes the shared template, e.g.

	{% set form = kinerja_form("dokumen_evaluasi", doc) %}
	{% include "kinerja_asn/forms/templates/dokumen_evaluasi.html" %}

Frappe's Jinja environment does not autoescape, the standalone one of ``forms/render.py`` does: the context
returned here has every text already HTML-escaped, so the same templates are safe in both.
"""

from typing import Any

import frappe
from frappe import _
from markupsafe import escape

from kinerja_asn.forms import documents


def kinerja_form(form: str, doc: Any = None) -> dict[str, Any]:
	"""The ``form`` context of one official form (see ``kinerja_asn.forms.documents.FORMS``) for ``doc``,
	a Document or the name of one; only for a user who may print or read it.

	The form is always built from the *stored* document of that name: Frappe's print view also renders a
	client-built ``doc`` (``get_html_and_style``), whose rows must never reach a form."""
	doctype = documents.FORMS.get(form)
	if not doctype:
		frappe.throw(_("Unknown form {0}. Use one of: {1}.").format(form, ", ".join(documents.FORMS)))
	if doc is not None and not isinstance(doc, str) and getattr(doc, "doctype", None) != doctype:
		frappe.throw(_("Form {0} is printed from a {1}.").format(form, _(doctype)))
	name = doc if isinstance(doc, str) else getattr(doc, "name", None)
	if not name or not frappe.db.exists(doctype, name):
		frappe.throw(_("Save the {0} before printing form {1}.").format(_(doctype), form))
	stored = frappe.get_doc(doctype, name)
	if not (
		frappe.has_permission(doctype, "print", stored) or frappe.has_permission(doctype, "read", stored)
	):
		frappe.throw(
			_("Not permitted to print {0} {1}.").format(_(doctype), stored.name), frappe.PermissionError
		)
	return escaped(documents.build(form, stored))


def escaped(value: Any) -> Any:
	"""A copy of a form context with every string HTML-escaped (numbers, booleans and None unchanged)."""
	if isinstance(value, str):
		return str(escape(value))
	if isinstance(value, dict):
		return {key: escaped(item) for key, item in value.items()}
	if isinstance(value, list | tuple):
		return [escaped(item) for item in value]
	return value
