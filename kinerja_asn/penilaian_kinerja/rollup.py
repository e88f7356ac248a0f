"""Roll-up of submitted Rater Feedback into ASN Appraisals, set-based.

Aggregates are always recomputed from the submitted rows (never incremented), with aggregate queries over
all appraisals at once; the arithmetic is the pure core's (kinerja_asn.scoring.aggregation / .appraisal).
Only draft appraisals are updated: a submitted appraisal's scores never change silently.
"""

from collections import defaultdict
from dataclasses import dataclass, field

import frappe
from frappe.model.document import Document
from frappe.query_builder.functions import Avg, Concat, Count, GroupConcat

from kinerja_asn.db import bulk_insert, bulk_update
from kinerja_asn.scoring.aggregation import RoleStat, combine_counted, summarise_roles
from kinerja_asn.scoring.appraisal import Config, derive
from kinerja_asn.scoring.competency import CompetencyScore, gap
from kinerja_asn.scoring.ratings import GoalResult
from kinerja_asn.settings import (
	ak_coefficients,
	anonymity_threshold,
	get_settings,
	jpm_bands,
	potential_bands,
	role_weights,
)


@dataclass
class Aggregates:
	"""Per appraisal: role stats per competency and per core value, and rater counts per role."""

	competency: dict[str, list[RoleStat]] = field(default_factory=lambda: defaultdict(list))
	behaviour: dict[str, list[RoleStat]] = field(default_factory=lambda: defaultdict(list))
	assigned: dict[str, int] = field(default_factory=lambda: defaultdict(int))
	submitted: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def config() -> Config:
	s = get_settings()
	return Config(
		hasil_above=s.hasil_above_threshold,
		hasil_below=s.hasil_below_threshold,
		perilaku_above=s.perilaku_above_threshold,
		perilaku_below=s.perilaku_below_threshold,
		jpm_bands=jpm_bands(),
		potential_bands=potential_bands(),
		ak_coefficients=ak_coefficients(),
	)


UNIT, RECORD = "\x1f", "\x1e"  # separators of the packed aggregates (never in names)

# The grouping keys of the roll-up, kept on every rating row by the feedback's lifecycle (Rater Feedback
# .set_rollup_keys on every save, lifecycle.take_over_feedback on amend, cycle.create_rater_tasks in bulk;
# Frappe keeps the rows' docstatus with their document's). With them the aggregates read the rating rows
# alone, through one covering index each, instead of joining ~700,000 rows to their feedback by name.
ROLLUP_KEYS = ("asn_appraisal", "rater_role")
RATINGS = (
	# (rating table, Aggregates attribute, item field, value field)
	("Rater Competency Rating", "competency", "competency", "level"),
	("Rater Behaviour Rating", "behaviour", "core_value", "score"),
)


def rating_index(item: str, value: str) -> list[str]:
	"""Columns of a rating table's covering index, in GROUP BY order: the aggregates are read from it alone
	(setup.install.add_indexes)."""
	return [*ROLLUP_KEYS, item, "docstatus", value]


def collect(appraisals: list[str], for_update: bool = False) -> dict[str, Aggregates]:
	"""Three aggregate queries for any number of appraisals, each through an index on (appraisal, …).

	Ratings are averaged per (appraisal, rater role, item) in the database from the submitted rows
	(docstatus 1) and the covering index (ROLLUP_KEYS), never joined to their feedback, then packed into one
	row per (appraisal, rater role) with GROUP_CONCAT: a cycle of 6,000 appraisals returns ~24,000 rows
	instead of ~340,000, which is what made the roll-up slow (parsing rows in Python, not the database).
	`for_update` makes them locking reads, which see the latest committed feedback even inside an older
	snapshot: used when a feedback submit recomputes its appraisal while other raters submit at once.
	"""
	out: dict[str, Aggregates] = defaultdict(Aggregates)
	if not appraisals:
		return out
	for child, key, item_field, value_field in RATINGS:
		Row = frappe.qb.DocType(child)
		item, value = Row[item_field], Row[value_field]
		per_item = (
			frappe.qb.from_(Row)
			.select(
				Row.asn_appraisal.as_("appraisal"),
				Row.rater_role.as_("role"),
				Concat(item, UNIT, Avg(value), UNIT, Count(value), RECORD).as_("packed"),
			)
			.where(Row.asn_appraisal.isin(appraisals) & (Row.docstatus == 1) & (value > 0))
			.groupby(Row.asn_appraisal, Row.rater_role, item)
		)
		for appraisal, role, name, mean, count in _rows(per_item, item, value, for_update):
			getattr(out[appraisal], key)[name].append(RoleStat(role, float(mean), int(count)))

	RF = frappe.qb.DocType("Rater Feedback")
	query = (
		frappe.qb.from_(RF)
		.select(RF.asn_appraisal, RF.rater_role, RF.docstatus, Count(RF.name))
		.where(RF.asn_appraisal.isin(appraisals) & (RF.docstatus < 2))
		.groupby(RF.asn_appraisal, RF.rater_role, RF.docstatus)
	)
	if for_update:
		query = query.for_update()
	for appraisal, role, docstatus, count in query.run():
		out[appraisal].assigned[role] += count
		if docstatus == 1:
			out[appraisal].submitted[role] += count
	return out


def _rows(per_item, item, value, for_update: bool):
	"""(appraisal, role, item, mean, count) rows of the per-item aggregate.

	A locking read (one appraisal, at feedback submit) takes the rows as they are; the bulk path packs them
	per (appraisal, role) so that far fewer rows cross to Python.
	"""
	if for_update:
		flat = per_item.select(item, Avg(value), Count(value)).for_update()
		for appraisal, role, _packed, name, mean, count in flat.run():
			yield appraisal, role, name, mean, count
		return
	packed = (
		frappe.qb.from_(per_item)
		.select(per_item.appraisal, per_item.role, GroupConcat(per_item.packed))
		.groupby(per_item.appraisal, per_item.role)
	)
	for appraisal, role, records in packed.run():
		for record in records.split(RECORD):
			record = record.lstrip(",")
			if record:
				name, mean, count = record.split(UNIT)
				yield appraisal, role, name, mean, count


def apply(doc, agg: Aggregates, cfg: Config, weights: dict[str, float], threshold: int) -> None:
	"""Write aggregates and derived scores onto an appraisal (a Document or a frappe._dict with rows).

	Every stored mean and score is built from the groups the person rated may see (the pure core's
	``scored_groups``), so nothing stored reveals a peer or subordinate group below the anonymity threshold."""
	for row in doc.competencies:
		row.assessed_level, row.rater_count = combine_counted(
			agg.competency.get(row.competency, []), weights, threshold
		)
		row.gap = gap(row.assessed_level, row.required_level) if row.assessed_level is not None else None
	for row in doc.behaviours:
		row.score, row.rater_count = combine_counted(
			agg.behaviour.get(row.core_value, []), weights, threshold
		)

	scores = [row.score for row in doc.behaviours if row.score is not None]
	doc.behaviour_score = round(sum(scores) / len(scores), 2) if scores else None
	_assign(doc, "role_summary", role_summary(agg, weights, threshold))
	set_derived(doc, cfg)


def recompute(doc) -> None:
	"""Recompute one appraisal document from its submitted feedback."""
	apply(doc, collect([doc.name])[doc.name], config(), role_weights(), anonymity_threshold())


def role_summary(agg: Aggregates, weights: dict[str, float], threshold: int) -> list[frappe._dict]:
	return [
		frappe._dict(
			rater_role=row.role,
			raters_assigned=row.assigned,
			raters_submitted=row.submitted,
			competency_mean=row.competency_mean,
			behaviour_mean=row.behaviour_mean,
			weight=row.weight,
		)
		for row in summarise_roles(
			agg.competency, agg.behaviour, agg.assigned, agg.submitted, weights, threshold
		)
	]


def _assign(doc, fieldname: str, value) -> None:
	if isinstance(doc, Document):
		doc.set(fieldname, value)
	else:
		doc[fieldname] = value


def set_derived(doc, cfg: Config) -> None:
	derived = derive(
		competencies=[
			CompetencyScore(r.competency, r.required_level, r.assessed_level, r.weight or 0)
			for r in doc.competencies
		],
		behaviour_score=doc.behaviour_score,
		results=[GoalResult(r.achievement or 0, r.jenis != "Tambahan") for r in doc.results],
		hasil_kerja_override=doc.hasil_kerja_rating if doc.hasil_kerja_override_reason else None,
		perilaku_override=doc.perilaku_rating if doc.perilaku_override_reason else None,
		job_group=doc.job_group,
		config=cfg,
	)
	for fieldname, value in vars(derived).items():
		_assign(doc, fieldname, value)


PARENT_FIELDS = (
	"behaviour_score",
	"hasil_kerja_proposed",
	"hasil_kerja_rating",
	"perilaku_proposed",
	"perilaku_rating",
	"predikat",
	"jpm",
	"jpm_capped",
	"jpm_category",
	"potential",
	"talent_box",
	"angka_kredit",
)


NUMERIC_FIELDS = frozenset(("behaviour_score", "jpm", "jpm_capped", "talent_box", "angka_kredit"))


def db_value(value, numeric: bool):
	"""Frappe stores numbers NOT NULL: 'not computed yet' is 0 there."""
	return (value or 0) if numeric else value


def rollup(appraisals: list[str], for_update: bool = False) -> int:
	"""Recompute draft appraisals from submitted feedback: 3 aggregate + 4 load queries, then bulk updates."""
	A = frappe.qb.DocType("ASN Appraisal")
	parents = (
		(
			frappe.qb.from_(A)
			.select(
				A.name,
				A.job_group,
				A.hasil_kerja_rating,
				A.hasil_kerja_override_reason,
				A.perilaku_rating,
				A.perilaku_override_reason,
			)
			# submitted appraisals and fixed (ditetapkan) predikat never change silently
			.where(
				A.name.isin(appraisals)
				& (A.docstatus == 0)
				& (A.predikat_status.isnull() | (A.predikat_status != "Ditetapkan"))
			)
			.run(as_dict=True)
		)
		if appraisals
		else []
	)
	if not parents:
		return 0
	docs = {p.name: frappe._dict(p, competencies=[], behaviours=[], results=[]) for p in parents}
	names = list(docs)
	for child, table, fields in (
		("ASN Appraisal Competency", "competencies", ["competency", "required_level", "weight"]),
		("ASN Appraisal Behaviour", "behaviours", ["core_value"]),
		("ASN Appraisal Result", "results", ["achievement", "jenis"]),
	):
		Row = frappe.qb.DocType(child)
		for row in (
			frappe.qb.from_(Row)
			.select(Row.name, Row.parent, *(Row[f] for f in fields))
			.where(Row.parent.isin(names) & (Row.parenttype == "ASN Appraisal"))
			.orderby(Row.idx)
			.run(as_dict=True)
		):
			docs[row.parent][table].append(row)

	aggregates = collect(names, for_update=for_update)
	cfg, weights, threshold = config(), role_weights(), anonymity_threshold()
	parent_updates, competency_updates, behaviour_updates = {}, {}, {}
	for name, doc in docs.items():
		apply(doc, aggregates[name], cfg, weights, threshold)
		parent_updates[name] = {f: db_value(doc.get(f), f in NUMERIC_FIELDS) for f in PARENT_FIELDS}
		for row in doc.competencies:
			competency_updates[row.name] = {
				"assessed_level": row.assessed_level or 0,
				"gap": row.gap or 0,
				"rater_count": row.rater_count,
			}
		for row in doc.behaviours:
			behaviour_updates[row.name] = {"score": row.score or 0, "rater_count": row.rater_count}

	bulk_update("ASN Appraisal", parent_updates, update_modified=True)
	bulk_update("ASN Appraisal Competency", competency_updates)
	bulk_update("ASN Appraisal Behaviour", behaviour_updates)
	replace_role_summaries(docs)
	return len(docs)


def replace_role_summaries(docs: dict[str, frappe._dict]) -> None:
	Summary = frappe.qb.DocType("ASN Appraisal Role Summary")
	frappe.qb.from_(Summary).delete().where(Summary.parent.isin(list(docs))).run()
	rows = []
	for name, doc in docs.items():
		for idx, row in enumerate(doc.role_summary, start=1):
			rows.append(
				(
					frappe.generate_hash(length=10),
					name,
					"ASN Appraisal",
					"role_summary",
					idx,
					row.rater_role,
					row.raters_assigned,
					row.raters_submitted,
					row.competency_mean or 0,
					row.behaviour_mean or 0,
					row.weight,
				)
			)
	if rows:
		bulk_insert(
			"ASN Appraisal Role Summary",
			[
				"name",
				"parent",
				"parenttype",
				"parentfield",
				"idx",
				"rater_role",
				"raters_assigned",
				"raters_submitted",
				"competency_mean",
				"behaviour_mean",
				"weight",
			],
			rows,
		)
