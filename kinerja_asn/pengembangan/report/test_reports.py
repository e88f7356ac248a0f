# Copyright (c) 2026, kinerja_asn contributors
# For license information, please see license.txt
"""The Pengembangan reports on a small regency, numbers checked against hand counts.

Unit A: head A <- a1 a2 a3 a4. Unit B: head B <- b1 b2. One annual cycle for all eight.
Rater tasks by hand (kinerja_asn.scoring.raters): head A self + 4 subordinates = 5; each a-staff self, head A,
3 peers = 5, so unit A has 25; head B 3, b1 3, b2 3, so unit B has 9.
"""

import frappe
from frappe.utils import add_days, today

from kinerja_asn.pengembangan import reporting
from kinerja_asn.pengembangan.report.competency_gap import competency_gap
from kinerja_asn.pengembangan.report.jp_realisation import jp_realisation
from kinerja_asn.pengembangan.report.nine_box_grid import nine_box_grid
from kinerja_asn.pengembangan.report.predikat_distribution import predikat_distribution
from kinerja_asn.pengembangan.report.predikat_trend import predikat_trend
from kinerja_asn.pengembangan.report.rater_completion import rater_completion
from kinerja_asn.pengembangan.report.talent_shortlist import talent_shortlist
from kinerja_asn.penilaian_kinerja.cycle import create_for_cycle
from kinerja_asn.tests.pengembangan import PROMKES, SURVEILANS, make_event, make_team, set_status, user
from kinerja_asn.tests.utils import KinerjaTestCase, fill_feedback, get_company, make_cycle

YEAR = 2026


def by(rows: list[dict], key: str = "department") -> dict:
	return {row[key]: row for row in rows}


class TestPengembanganReports(KinerjaTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.a = make_team("rpta", 4)
		cls.b = make_team("rptb", 2)
		cls.A, cls.B = cls.a["unit"], cls.b["unit"]
		cls.e = {f"a_{k}": v for k, v in cls.a.items()} | {f"b_{k}": v for k, v in cls.b.items()}
		people = [
			cls.a["head"],
			*(cls.a[f"s{i}"] for i in range(1, 5)),
			cls.b["head"],
			cls.b["s1"],
			cls.b["s2"],
		]
		cls.cycle = make_cycle("_Test PG Siklus Laporan", people, feedback_deadline="2099-12-31")
		create_for_cycle(cls.cycle)
		cls.appraisal = {
			employee: frappe.db.get_value(
				"ASN Appraisal", {"employee": employee, "appraisal_cycle": cls.cycle}
			)
			for employee in people
		}

	def run_report(self, module, user_key: str | None = None, **filters):
		if user_key:
			frappe.set_user(user(user_key))
		try:
			result = module.execute(frappe._dict({"appraisal_cycle": self.cycle, **filters}))
		finally:
			frappe.set_user("Administrator")
		return result

	def set_appraisal(self, employee: str, **values):
		frappe.db.set_value("ASN Appraisal", self.appraisal[employee], values)

	# ---------------------------------------------------------------------------------- talent shortlist

	def set_talent(self):
		a, b = self.a, self.b
		self.set_appraisal(a["head"], predikat="Sangat Baik", talent_box=9, jpm_capped=95)
		self.set_appraisal(a["s1"], predikat="Sangat Baik", talent_box=7, jpm_capped=85)
		self.set_appraisal(a["s2"], predikat="Sangat Baik", talent_box=5, jpm_capped=80)  # box 5: no
		self.set_appraisal(a["s3"], predikat="Baik", talent_box=8, jpm_capped=92)  # Baik: no
		self.set_appraisal(a["s4"], predikat="Butuh Perbaikan", talent_box=3)
		self.set_appraisal(b["head"], predikat="Sangat Baik", talent_box=8, jpm_capped=92)
		self.set_appraisal(b["s1"], predikat="Baik", talent_box=9, jpm_capped=96)  # Baik: no

	def test_talent_shortlist(self):
		self.set_talent()
		columns, rows, _m, _c, summary = self.run_report(talent_shortlist)
		self.assertEqual([r["employee"] for r in rows], [self.a["head"], self.a["s1"], self.b["head"]])
		self.assertEqual([r["talent_box"] for r in rows], [9, 7, 8])
		self.assertTrue(rows[0]["follow_up"].startswith("Dipromosikan"))
		self.assertEqual([s["value"] for s in summary], [3, 1, 1, 1])  # shortlisted, kotak 9, 8, 7
		self.assertTrue(
			{"employee", "nip", "follow_up", "asn_appraisal"} <= {c["fieldname"] for c in columns}
		)

		# supervisors see their own line (never themselves), staff and the other unit nothing
		self.assertEqual(
			[r["employee"] for r in self.run_report(talent_shortlist, "rpta.head")[1]], [self.a["s1"]]
		)
		self.assertEqual(self.run_report(talent_shortlist, "rpta.s1")[1], [])
		self.assertEqual(self.run_report(talent_shortlist, "rptb.head")[1], [])
		self.assertEqual(self.run_report(talent_shortlist, "rptb.s2")[1], [])

		self.set_appraisal(self.a["head"], predikat_status="Ditetapkan")
		fixed = self.run_report(talent_shortlist, fixed_only=1)[1]
		self.assertEqual([r["employee"] for r in fixed], [self.a["head"]])
		self.assertEqual(len(self.run_report(talent_shortlist, department=self.B)[1]), 1)

	# ----------------------------------------------------------------------------- predikat distribution

	def test_predikat_distribution(self):
		self.set_settings(min_group_size=0)  # the units here are small: check them anyway
		self.set_talent()
		self.set_appraisal(self.b["s2"], predikat=None)
		_cols, rows, _m, _c, summary = self.run_report(predikat_distribution)
		rows = by(rows)
		a, b = rows[self.A], rows[self.B]
		# unit A, Baik (default): 3 SB, 1 B, 1 BP of 5; Baik <= floor(70% of 5) = 3; >= 1 BP/Kurang: fine
		self.assertEqual((a["organisation_predicate"], a["total"], a["without_predikat"]), ("Baik", 5, 0))
		self.assertEqual(
			(a["sangat_baik"], a["baik"], a["butuh_perbaikan"], a["kurang_misconduct"]), (3, 1, 1, 0)
		)
		self.assertEqual((a["result"], a["problems"]), ("Sesuai", ""))
		self.assertIn("Baik ≤ 3 (70%)", a["allowed_pattern"])
		# unit B: 1 SB, 1 B, one without predikat; Baik needs one Butuh Perbaikan or Kurang/Misconduct
		self.assertEqual((b["total"], b["without_predikat"], b["sangat_baik"], b["baik"]), (2, 1, 1, 1))
		self.assertEqual(b["result"], "Tidak Sesuai")
		self.assertIn("at least 1 are required", b["problems"])
		self.assertEqual([s["value"] for s in summary], [2, 1, 1, 0])
		self.assertEqual(a["source"], "Default group (not saved yet)")  # no groups saved yet: the default

		# Istimewa for all (filter): at most 70% Sangat Baik: A floor(3.5) = 3 -> fine; B floor(1.4) = 1 -> fine
		rows = by(self.run_report(predikat_distribution, organisation_predicate="Istimewa")[1])
		self.assertEqual((rows[self.A]["result"], rows[self.B]["result"]), ("Sesuai", "Sesuai"))
		self.assertEqual(rows[self.A]["source"], "Chosen")

		# unit B's own Predicate Calibration says Butuh Perbaikan: >= 60% BP (2 of 2 = 2) and <= 10% SB (0)
		frappe.get_doc(
			{
				"doctype": "Predicate Calibration",
				"department": self.B,
				"appraisal_cycle": self.cycle,
				"organisation_predicate": "Butuh Perbaikan",
			}
		).insert()
		rows = by(self.run_report(predikat_distribution)[1])
		self.assertEqual(
			(rows[self.B]["organisation_predicate"], rows[self.B]["source"]),
			("Butuh Perbaikan", "Distribution Group"),
		)
		self.assertIn("too few", rows[self.B]["problems"])  # 0 Butuh Perbaikan, 2 required
		self.assertIn("too many", rows[self.B]["problems"])  # 1 Sangat Baik, floor(10% of 2) = 0 allowed
		self.assertEqual(rows[self.A]["source"], "Default group (not saved yet)")
		# a supervisor sees their unit only
		self.assertEqual(list(by(self.run_report(predikat_distribution, "rptb.head")[1])), [self.B])

	# ------------------------------------------------------------------------------------ competency gap

	def test_competency_gap(self):
		C = frappe.qb.DocType("ASN Appraisal Competency")
		frappe.qb.update(C).set(C.rater_count, 0).set(C.gap, 0).where(
			C.parent.isin(list(self.appraisal.values()))
		).run()

		def gap(employee, competency, value):
			frappe.db.set_value(
				"ASN Appraisal Competency",
				{"parent": self.appraisal[employee], "competency": competency},
				{"gap": value, "rater_count": 1},
			)

		a, b = self.a, self.b
		for key, value in (("s1", -2), ("s2", -1), ("s3", 0), ("s4", 1)):
			gap(a[key], SURVEILANS, value)
		gap(a["s1"], PROMKES, -1)
		gap(b["s1"], SURVEILANS, -3)

		columns, rows = self.run_report(competency_gap)
		labels = {c["label"]: c["fieldname"] for c in columns}
		self.assertEqual(
			list(labels)[2:4], [PROMKES, SURVEILANS]
		)  # only assessed competencies, by type and name
		p, s = labels[PROMKES], labels[SURVEILANS]
		rows = by(rows)
		self.assertEqual((rows[self.A]["employees"], rows[self.A][p], rows[self.A][s]), (4, -1.0, -0.5))
		self.assertEqual(rows[self.A]["overall"], -0.6)  # (-1 -2 -1 +0 +1) / 5
		self.assertEqual((rows[self.A][f"{p}_heat"], rows[self.A][f"{s}_heat"]), ("Sedang", "Kecil"))
		self.assertEqual((rows[self.B]["employees"], rows[self.B].get(p), rows[self.B][s]), (1, None, -3.0))
		self.assertEqual(rows[self.B][f"{s}_heat"], "Besar")
		total = rows["All Units"]
		self.assertEqual((total["employees"], total[p], total[s], total["overall"]), (5, -1.0, -1.0, -1.0))

		rows = by(self.run_report(competency_gap, value="Employees with a Gap (%)")[1])
		self.assertEqual((rows[self.A][p], rows[self.A][s], rows[self.A]["overall"]), (100.0, 50.0, 60.0))
		rows = by(self.run_report(competency_gap, value="Employees with a Gap")[1])
		self.assertEqual((rows[self.A][s], rows[self.B][s], rows["All Units"][s]), (2, 1, 3))
		# a supervisor of unit B sees unit B only (and no total row for one unit)
		self.assertEqual(list(by(self.run_report(competency_gap, "rptb.head")[1])), [self.B])
		self.assertEqual(self.run_report(competency_gap, competency_type="Manajerial")[1], [])

	# ---------------------------------------------------------------------------------- rater completion

	def submit(self, rater_key: str, ratee: str):
		team = self.a if rater_key.startswith("rpta.") else self.b
		rater = team[rater_key.split(".")[1]]
		name = frappe.db.get_value(
			"Rater Feedback", {"asn_appraisal": self.appraisal[ratee], "rater": rater, "docstatus": 0}
		)
		frappe.set_user(user(rater_key))
		try:
			fill_feedback(name, 2, 3)
		finally:
			frappe.set_user("Administrator")

	def test_rater_completion(self):
		a, b = self.a, self.b
		self.submit("rpta.head", a["s1"])
		self.submit("rpta.s1", a["s1"])
		for rater in ("rptb.s1", "rptb.head", "rptb.s2"):  # every task of b1
			self.submit(rater, b["s1"])
		_cols, rows, _m, _c, summary = self.run_report(rater_completion)
		rows = by(rows)
		ra, rb = rows[self.A], rows[self.B]
		self.assertEqual((ra["appraisals"], ra["tasks"], ra["submitted"], ra["pending"]), (5, 25, 2, 23))
		self.assertEqual((ra["completion"], ra["overdue"], ra["appraisals_complete"]), (8.0, 0, 0))
		self.assertEqual(
			(
				ra["pending_atasan_langsung"],
				ra["pending_rekan_kerja"],
				ra["pending_bawahan"],
				ra["pending_diri_sendiri"],
			),
			(3, 12, 4, 4),
		)
		self.assertEqual((rb["appraisals"], rb["tasks"], rb["submitted"], rb["pending"]), (3, 9, 3, 6))
		self.assertEqual((rb["completion"], rb["appraisals_complete"]), (33.33, 1))
		self.assertEqual([s["value"] for s in summary[:3]], [34, 5, 14.71])

		frappe.db.set_value("Appraisal Cycle", self.cycle, "feedback_deadline", add_days(today(), -1))
		rows = by(self.run_report(rater_completion, group_by="Unit of the Rater")[1])
		self.assertEqual((rows[self.A]["overdue"], rows[self.B]["overdue"]), (23, 6))
		self.assertEqual(list(by(self.run_report(rater_completion, "rpta.head")[1])), [self.A])
		self.assertEqual(  # the head's line: a1-a4 and their 20 tasks, not the head's own appraisal
			by(self.run_report(rater_completion, "rpta.head")[1])[self.A]["tasks"], 20
		)
		self.assertEqual(self.run_report(rater_completion, "rpta.s2")[1], [])  # not even their own

	# ------------------------------------------------------------------------------------ JP realisation

	def test_jp_realisation(self):
		a, b = self.a, self.b
		for employee in (a["head"], a["s1"], a["s2"], a["s3"], a["s4"], b["head"]):
			set_status(employee, "PNS")
		set_status(b["s1"], "PPPK")
		set_status(b["s2"], None)  # not ASN: not counted
		# 8 JP (08:00-14:00); 32 JP (three days 08:00-16:00); absent, scheduled, last year: nothing
		make_event(
			"_Test PG Rpt 1",
			{a["s1"]: "Present", a["s2"]: "Absent", b["s1"]: "Present"},
			f"{YEAR}-03-02 08:00",
			f"{YEAR}-03-02 14:00",
		)
		make_event(
			"_Test PG Rpt 2",
			{a["s1"]: "Present", b["s1"]: "Present"},
			f"{YEAR}-05-04 08:00",
			f"{YEAR}-05-06 16:00",
		)
		make_event(
			"_Test PG Rpt 3",
			{a["s2"]: "Present"},
			f"{YEAR}-10-05 08:00",
			f"{YEAR}-10-05 16:00",
			status="Scheduled",
		)
		make_event(
			"_Test PG Rpt 4", {a["s3"]: "Present"}, f"{YEAR - 1}-10-05 08:00", f"{YEAR - 1}-10-05 16:00"
		)
		plan = frappe.get_doc(
			{
				"doctype": "Development Plan",
				"employee": a["s1"],
				"year": YEAR,
				"items": [{"development_method": "Pelatihan", "planned_jp": 10}],
			}
		).insert()

		filters = {"year": YEAR, "company": get_company()}
		_cols, rows, _m, _c, summary = self.run_report(jp_realisation, **filters, department=self.A)
		rows = by(rows, "employee")
		self.assertEqual(len(rows), 5)
		s1 = rows[a["s1"]]
		self.assertEqual((s1["realised_jp"], s1["planned_jp"], s1["development_plan"]), (40, 10, plan.name))
		self.assertEqual(
			(s1["jp_target"], s1["jp_remaining"], s1["jp_percent"], s1["jp_status"]),
			(20, 0, 200, "Terpenuhi"),
		)
		self.assertEqual((rows[a["s2"]]["realised_jp"], rows[a["s3"]]["realised_jp"]), (0, 0))
		self.assertEqual(rows[a["s2"]]["jp_status"], "Belum Terpenuhi")
		self.assertEqual([s["value"] for s in summary], [5, 1, 4, 0])

		rows = by(self.run_report(jp_realisation, **filters, department=self.B)[1], "employee")
		self.assertEqual(set(rows), {b["head"], b["s1"]})
		self.assertEqual(
			(rows[b["s1"]]["realised_jp"], rows[b["s1"]]["jp_cap"], rows[b["s1"]]["jp_status"]),
			(40, 24, "Melebihi Batas"),
		)

		units = by(self.run_report(jp_realisation, **filters, by_unit=1)[1])
		ua, ub = units[self.A], units[self.B]
		self.assertEqual((ua["employees"], ua["pns"], ua["pns_met"], ua["pns_met_percent"]), (5, 5, 1, 20.0))
		self.assertEqual(
			(ua["with_plan"], ua["planned_jp"], ua["realised_jp"], ua["average_jp"]), (1, 10, 40, 8.0)
		)
		self.assertEqual(
			(ub["employees"], ub["pns"], ub["pppk"], ub["pppk_over_cap"], ub["average_jp"]),
			(2, 1, 1, 1, 20.0),
		)

		only_met = self.run_report(jp_realisation, **filters, jp_status="Terpenuhi")[1]
		self.assertEqual([r["employee"] for r in only_met if r["department"] in (self.A, self.B)], [a["s1"]])
		# the head of unit A sees their line (not themselves), b1 nobody
		self.assertEqual(len(self.run_report(jp_realisation, "rpta.head", **filters)[1]), 4)
		self.assertEqual(self.run_report(jp_realisation, "rptb.s1", **filters)[1], [])

	# ------------------------------------------------------------------------------------- nine box grid

	def test_nine_box_grid(self):
		self.set_talent()
		self.set_appraisal(self.b["s2"], talent_box=0)
		columns, rows, _m, _c, summary = self.run_report(nine_box_grid)
		self.assertEqual(
			[c["fieldname"] for c in columns][2:5],
			["di_bawah_ekspektasi", "sesuai_ekspektasi", "di_atas_ekspektasi"],
		)

		def cells(rows):
			"""(unit, potential) -> (di bawah, sesuai, di atas, total)"""
			return {
				(r["department"], r["potential"]): (
					r["di_bawah_ekspektasi"],
					r["sesuai_ekspektasi"],
					r["di_atas_ekspektasi"],
					r["total"],
				)
				for r in rows
			}

		grid = cells(rows)
		# unit A: kotak 9, 7, 5, 8, 3; unit B: kotak 8, 9 and one without a kotak
		self.assertEqual(grid[(self.A, "Tinggi")], (0, 1, 1, 2))
		self.assertEqual(grid[(self.A, "Menengah")], (1, 1, 1, 3))
		self.assertEqual(grid[(self.A, "Rendah")], (0, 0, 0, 0))
		self.assertEqual(grid[(self.B, "Tinggi")], (0, 1, 1, 2))
		self.assertEqual(grid[(self.B, "Menengah")], (0, 0, 0, 0))
		self.assertEqual(grid[("All Units", "Tinggi")], (0, 2, 2, 4))
		self.assertEqual(grid[("All Units", "Menengah")], (1, 1, 1, 3))
		self.assertEqual(len(rows), 9)
		# the kotak of each cell is talent.NINE_BOX
		self.assertEqual(
			[
				(r["di_bawah_ekspektasi_box"], r["sesuai_ekspektasi_box"], r["di_atas_ekspektasi_box"])
				for r in rows[:3]
			],
			[(6, 8, 9), (3, 5, 7), (1, 2, 4)],
		)
		self.assertEqual([s["value"] for s in summary], [7, 5, 1])  # in the grid, kotak 7-9, without kotak

		# one unit: no total grid
		self.assertEqual(
			{r["department"] for r in self.run_report(nine_box_grid, department=self.A)[1]}, {self.A}
		)
		# the head of unit B sees their staff in unit B only (not themselves), a1 nobody
		rows = self.run_report(nine_box_grid, "rptb.head")[1]
		self.assertEqual((len(rows), cells(rows)[(self.B, "Tinggi")]), (3, (0, 0, 1, 1)))
		self.assertEqual(sum(v[3] for v in cells(self.run_report(nine_box_grid, "rpta.s1")[1]).values()), 0)

	# ------------------------------------------------------------------------------------ predikat trend

	def test_predikat_trend(self):
		self.set_talent()
		self.set_appraisal(self.b["s2"], predikat=None)
		# a3 and a4 move to an earlier (2025) cycle: Kurang/Misconduct and Baik
		earlier = make_cycle(
			"_Test PG Siklus Laporan 2025", [], start_date="2025-01-01", end_date="2025-12-31"
		)
		for key, predikat in (("s3", "Kurang/Misconduct"), ("s4", "Baik")):
			self.set_appraisal(
				self.a[key],
				appraisal_cycle=earlier,
				start_date="2025-01-01",
				end_date="2025-12-31",
				period_label="Akhir",
				predikat=predikat,
			)
		start = frappe.db.get_value("ASN Appraisal", self.appraisal[self.a["head"]], "start_date")

		columns, rows, _m, chart, summary = self.run_report(
			predikat_trend, appraisal_cycle=None, department=self.A
		)
		self.assertTrue(
			{"sangat_baik", "kurang_misconduct", "good_share"} <= {c["fieldname"] for c in columns}
		)
		self.assertEqual([r["appraisal_cycle"] for r in rows], [earlier, self.cycle])  # by start date
		old, new = rows
		self.assertEqual(str(old["start_date"]), "2025-01-01")
		self.assertEqual(str(new["start_date"]), str(start))
		self.assertEqual(
			(old["total"], old["sangat_baik"], old["baik"], old["kurang_misconduct"], old["good_share"]),
			(2, 0, 1, 1, 50.0),
		)
		self.assertEqual((new["total"], new["sangat_baik"], new["baik"], new["good_share"]), (3, 3, 0, 100.0))
		self.assertEqual(chart["type"], "line")
		self.assertEqual(chart["data"]["labels"], [f"{earlier} · Akhir", f"{self.cycle} · Akhir"])
		self.assertEqual(chart["data"]["datasets"][0]["values"], [50.0, 100.0])
		self.assertEqual([s["value"] for s in summary], [2, 100.0, 50.0])  # periods, latest, change

		# dates: periods overlapping the range
		rows = self.run_report(predikat_trend, appraisal_cycle=None, department=self.A, to_date="2025-12-31")[
			1
		]
		self.assertEqual([r["appraisal_cycle"] for r in rows], [earlier])
		rows = self.run_report(
			predikat_trend, appraisal_cycle=None, department=self.A, from_date="2026-01-01"
		)[1]
		self.assertEqual([r["appraisal_cycle"] for r in rows], [self.cycle])

		# unit B: Sangat Baik, Baik and one without predikat; its head sees their staff only
		rows = self.run_report(predikat_trend, appraisal_cycle=None, department=self.B)[1]
		self.assertEqual(
			[(r["appraisal_cycle"], r["total"], r["without_predikat"], r["good_share"]) for r in rows],
			[(self.cycle, 2, 1, 100.0)],
		)
		rows = self.run_report(predikat_trend, "rptb.head", appraisal_cycle=None)[1]
		self.assertEqual(
			[(r["appraisal_cycle"], r["total"], r["without_predikat"], r["good_share"]) for r in rows],
			[(self.cycle, 1, 1, 100.0)],
		)
		# a3 sees no row of the report, not even their own
		self.assertEqual(self.run_report(predikat_trend, "rpta.s3", appraisal_cycle=None)[1], [])

	# ------------------------------------------------------------------------------- the cycle filter

	def test_empty_cycle_filter_means_the_newest_cycle(self):
		newest = make_cycle("_Test PG Siklus Terbaru", [], start_date="2099-01-01", end_date="2099-12-31")
		company = get_company()
		self.assertEqual(reporting.newest_cycle(company), newest)
		self.assertEqual(reporting.latest_cycle(company), newest)  # what the reports' forms open on
		filters = frappe._dict(company=company, appraisal_cycle="")
		reporting.require_cycle(filters)
		self.assertEqual(filters.appraisal_cycle, newest)
		for module in (competency_gap, nine_box_grid, predikat_distribution, rater_completion):
			module.execute(frappe._dict(company=company, appraisal_cycle=""))  # runs, on the newest cycle
		self.assertEqual(reporting.newest_cycle("_Test No Such Company"), None)
		with self.assertRaises(frappe.ValidationError):  # no cycle at all: the report asks for one
			nine_box_grid.execute(frappe._dict(company="_Test No Such Company"))

	def test_latest_cycle_is_for_the_reports_users(self):
		self.assertTrue(reporting.latest_cycle(get_company()))
		frappe.set_user(user("rptb.head"))  # a supervisor (Pejabat Penilai Kinerja)
		self.assertTrue(reporting.latest_cycle(get_company()))
		frappe.set_user(user("rptb.s1"))  # an employee: the portal, no reports
		with self.assertRaises(frappe.PermissionError):
			reporting.latest_cycle(get_company())
