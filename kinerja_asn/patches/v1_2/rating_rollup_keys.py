"""Rating rows carry the roll-up's grouping keys from version 1.2 on (rollup.ROLLUP_KEYS): fill them, and the
rows' docstatus, from their Rater Feedback, one statement per rating table; then the covering indexes
(setup.install.add_indexes, also run after every migrate) and without the index they replace."""

import frappe

from kinerja_asn.penilaian_kinerja.rollup import RATINGS
from kinerja_asn.setup.install import add_indexes

REPLACED_INDEX = ("Rater Feedback", "asn_appraisal_docstatus_index")


def execute() -> None:
	for child, *_rest in RATINGS:
		# (raw SQL: the query builder writes the SET columns of an UPDATE … JOIN without their table)
		frappe.db.sql(  # nosemgrep: no input, table names are ours
			f"""UPDATE `tab{child}` r JOIN `tabRater Feedback` f ON f.name = r.parent
			SET r.asn_appraisal = f.asn_appraisal, r.rater_role = f.rater_role, r.docstatus = f.docstatus
			WHERE r.parenttype = 'Rater Feedback'"""
		)
	doctype, index = REPLACED_INDEX
	if frappe.db.has_index(f"tab{doctype}", index):
		frappe.db.sql_ddl(f"ALTER TABLE `tab{doctype}` DROP INDEX `{index}`")  # nosemgrep: our own names
	add_indexes()
