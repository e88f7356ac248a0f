"""Distribution groups (kelompok distribusi) of a cycle: the employees whose predikat one leader sets together,
checked together against SE MenPANRB 3/2023. The rules of composition are the pure core's
(kinerja_asn.scoring.groups); this module reads and writes the documents."""

import frappe
from frappe import _
from frappe.utils import cstr

from kinerja_asn import access
from kinerja_asn.scoring import distribution
from kinerja_asn.scoring.groups import LEADERS, Member, default_groups, perangkat_daerah
from kinerja_asn.settings import distribution_options, group_defaults, min_group_size

GROUP = "Distribution Group"
MEMBER = "Distribution Group Member"


def unit_tree() -> dict[str, str | None]:
	"""Every Department with its parent (None for a root)."""
	return {
		d.name: d.parent_department or None
		for d in frappe.get_all("Department", fields=["name", "parent_department"])
	}


def group_of(employee: str | None, appraisal_cycle: str | None) -> str | None:
	"""The distribution group of ``employee`` in ``appraisal_cycle``, or None."""
	if not employee or not appraisal_cycle:
		return None
	return groups_of([employee], appraisal_cycle).get(employee)


def groups_of(employees: list[str], appraisal_cycle: str) -> dict[str, str]:
	"""Employee -> distribution group in the cycle, for those who have one."""
	if not employees:
		return {}
	G, M = frappe.qb.DocType(GROUP), frappe.qb.DocType(MEMBER)
	rows = (
		frappe.qb.from_(M)
		.join(G)
		.on(G.name == M.parent)
		.select(M.employee, G.name)
		.where((M.parenttype == GROUP) & (G.appraisal_cycle == appraisal_cycle) & M.employee.isin(employees))
		.run()
	)
	return dict(rows)


def member_appraisals(group: str, fields: list[str]) -> list[dict]:
	"""The ASN Appraisals of the group's members in the group's cycle, as stored now."""
	cycle = frappe.db.get_value(GROUP, group, "appraisal_cycle")
	employees = frappe.get_all(MEMBER, filters={"parent": group, "parenttype": GROUP}, pluck="employee")
	if not employees:
		return []
	return frappe.get_all(
		"ASN Appraisal",
		filters={"employee": ("in", employees), "appraisal_cycle": cycle, "docstatus": ("<", 2)},
		fields=fields,
		order_by="employee_name asc",
	)


def check(organisation_predicate: str, predikats: list[str]) -> distribution.DistributionResult:
	"""SE 3/2023 check of one group with the instansi's rounding and minimum size."""
	return distribution.check_distribution(
		organisation_predicate, predikats, min_size=min_group_size(), **distribution_options()
	)


def pattern(organisation_predicate: str, total: int) -> list[dict]:
	"""The SE 3/2023 rules with the head counts they allow for a group of ``total``, rounded as set."""
	return distribution.allowed_pattern(organisation_predicate, total, **distribution_options())


def too_small_text(result: distribution.DistributionResult) -> str:
	template, args = result.too_small_reason
	return _(template).format(*args)


def violations_text(result: distribution.DistributionResult) -> list[str]:
	return [_(v.message).format(*v.args) for v in result.violations]


@frappe.whitelist(methods=["POST"])
def make_default_groups(appraisal_cycle: str) -> dict:
	"""Put every appraisee of the cycle who has no distribution group yet into the default one: their
	perangkat daerah (or sub-unit, per Kinerja ASN Settings), or the group of the heads of perangkat daerah."""
	access.require(access.is_hr(), _("Only HR can make the distribution groups of a cycle."))
	if not frappe.db.exists("Appraisal Cycle", appraisal_cycle):
		frappe.throw(_("Appraisal Cycle {0} does not exist.").format(appraisal_cycle))
	rows = frappe.get_all(
		"ASN Appraisal",
		filters={"appraisal_cycle": appraisal_cycle, "docstatus": ("<", 2)},
		fields=["employee", "department", "job_group"],
		distinct=True,
	)
	taken = groups_of([r.employee for r in rows], appraisal_cycle)
	waiting = [r for r in rows if r.employee not in taken]
	missing = sorted({r.employee for r in waiting if not r.department})
	if missing:
		frappe.throw(
			_("Set the Department of these employees first, then make the groups again: {0}").format(
				", ".join(missing)
			),
			title=_("Employees Without a Unit"),
		)
	parents = unit_tree()
	members = [Member(r.employee, r.department, r.job_group) for r in waiting]
	made, extended = [], []
	for group in default_groups(members, parents, **group_defaults()):
		name = _existing(appraisal_cycle, group)
		doc = frappe.get_doc(GROUP, name) if name else _new_group(appraisal_cycle, group, waiting, parents)
		for employee in group.employees:
			doc.append("members", {"employee": employee})
		if group.pooled:
			known = set(filter(None, cstr(doc.pooled_units).split("\n")))
			doc.pooled_units = "\n".join(sorted(known | set(group.pooled)))
		doc.save()
		(extended if name else made).append(doc.name)
	return {"created": made, "extended": extended, "employees": len(waiting)}


def _existing(appraisal_cycle: str, group) -> str | None:
	filters = {"appraisal_cycle": appraisal_cycle, "group_type": group.kind}
	if group.kind != LEADERS:
		filters["department"] = group.unit
	return frappe.db.get_value(GROUP, filters, "name")


def _new_group(appraisal_cycle: str, group, rows, parents):
	doc = frappe.new_doc(GROUP)
	doc.appraisal_cycle = appraisal_cycle
	doc.group_type = group.kind
	if group.kind == LEADERS:
		doc.group_name = _("Pimpinan Perangkat Daerah")
	else:
		doc.department = group.unit
		doc.group_name = frappe.db.get_value("Department", group.unit, "department_name") or group.unit
		# the head of the perangkat daerah sets the predikat of its staff
		leader_groups = set(group_defaults()["leader_job_groups"])
		heads = [
			r.employee
			for r in rows
			if r.job_group in leader_groups and perangkat_daerah(r.department, parents) == group.unit
		]
		doc.leader = heads[0] if len(heads) == 1 else None
	return doc


def unit_group(department: str, appraisal_cycle: str, organisation_predicate: str | None = None) -> str:
	"""The Unit distribution group of ``department`` in the cycle; made, when there is none, with the
	Department's appraisees who have no group yet (a calibration or an older site that names a Department)."""
	name = frappe.db.get_value(
		GROUP,
		{"appraisal_cycle": appraisal_cycle, "department": department, "group_type": "Unit"},
		"name",
	)
	if name:
		return name
	employees = frappe.get_all(
		"ASN Appraisal",
		filters={"department": department, "appraisal_cycle": appraisal_cycle, "docstatus": ("<", 2)},
		pluck="employee",
		distinct=True,
	)
	taken = groups_of(employees, appraisal_cycle)
	doc = frappe.get_doc(
		{
			"doctype": GROUP,
			"group_name": frappe.db.get_value("Department", department, "department_name") or department,
			"appraisal_cycle": appraisal_cycle,
			"group_type": "Unit",
			"department": department,
			"organisation_predicate": organisation_predicate or distribution.ORG_BAIK,
			"members": [{"employee": e} for e in sorted(employees) if e not in taken],
		}
	)
	doc.insert(ignore_permissions=True)  # callers are HR (calibration) or a patch
	return doc.name
