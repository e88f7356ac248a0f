"""Bridge between the Frappe-free scoring core and Frappe: its RuleErrors become translated errors."""

from collections.abc import Iterator
from contextlib import contextmanager

import frappe
from frappe import _

from kinerja_asn.scoring.errors import RuleError


def translate(error: RuleError) -> str:
	return _(error.message).format(*error.args_)


@contextmanager
def rule_errors(title: str | None = None) -> Iterator[None]:
	"""Turn a RuleError raised by the pure core into `frappe.throw` with the translated message."""
	try:
		yield
	except RuleError as error:
		frappe.throw(translate(error), title=title or _("Invalid Value"))
