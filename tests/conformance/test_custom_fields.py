"""Custom fields we add to ERPNext/HRMS doctypes (kinerja_asn/setup/custom_fields.py)."""

import pytest
from frappe_rules import assert_clean, check_custom_fields, our_custom_fields

CUSTOM_FIELDS = our_custom_fields()

KNOWN_PROBLEMS: dict[str, tuple[str, str]] = {}


def test_get_custom_fields_shape():
	assert isinstance(CUSTOM_FIELDS, dict) and CUSTOM_FIELDS
	for doctype, fields in CUSTOM_FIELDS.items():
		assert isinstance(doctype, str) and isinstance(fields, list) and fields, doctype
		assert all(isinstance(field, dict) for field in fields), doctype


@pytest.mark.parametrize("doctype", sorted(CUSTOM_FIELDS))
def test_custom_fields(doctype):
	assert_clean(check_custom_fields({doctype: CUSTOM_FIELDS[doctype]}), KNOWN_PROBLEMS.get(doctype))
