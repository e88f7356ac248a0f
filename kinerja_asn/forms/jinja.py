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
	a Document or the name of one; only for a user who may print or read it."""
	doctype = documents.FORMS.get(form)
	if not doctype:
		frappe.throw(_("Unknown form {0}. Use one of: {1}.").format(form, ", ".join(documents.FORMS)))
	if isinstance(doc, str):
		doc = frappe.get_doc(doctype, doc)
	if doc is None or getattr(doc, "doctype", None) != doctype:
		frappe.throw(_("Form {0} is printed from a {1}.").format(form, _(doctype)))
	if not (frappe.has_permission(doctype, "print", doc) or frappe.has_permission(doctype, "read", doc)):
		frappe.throw(
			_("Not permitted to print {0} {1}.").format(_(doctype), doc.name), frappe.PermissionError
		)
	return escaped(documents.build(form, doc))


def escaped(value: Any) -> Any:
	"""A copy of a form context with every string HTML-escaped (numbers, booleans and None unchanged)."""
	if isinstance(value, str):
		return str(escape(value))
	if isinstance(value, dict):
		return {key: escaped(item) for key, item in value.items()}
	if isinstance(value, list | tuple):
		return [escaped(item) for item in value]
	return value
