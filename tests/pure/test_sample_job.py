"""The no-bench main job (python -m kinerja_asn.demo.sample OUT_DIR), run for real without PDFs."""

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from kinerja_asn.demo import sample
from kinerja_asn.scoring.distribution import DEFAULT_MIN_GROUP_SIZE, check_distribution

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
	path = tmp_path_factory.mktemp("sample")
	returned = sample.main(path, pdf=False, quiet=True)
	return path, returned


@pytest.fixture(scope="module")
def data(out):
	return json.loads((out[0] / "summary.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def raw():
	return sample.load_sample()


def test_files_exist(out, raw):
	path, _ = out
	for name in ("summary.md", "summary.json", "index.html"):
		assert (path / name).stat().st_size > 0
	for employee in raw["employees"]:
		for form in sample.EMPLOYEE_FORMS:
			html = path / "forms" / employee["id"] / f"{form}.html"
			assert html.exists(), html
			assert not html.with_suffix(".pdf").exists()
	for group in ("Pimpinan Perangkat Daerah", "Dinas Kesehatan"):  # one Penetapan per distribution group
		assert (path / "forms" / f"penetapan_{sample.slug(group)}.html").exists()
	index = (path / "index.html").read_text(encoding="utf-8")
	assert (
		"forms/E01/skp.html" in index and "summary.md" in index and "penetapan_dinas_kesehatan.html" in index
	)


def test_returned_summary_is_the_json(out, data):
	assert out[1] == data
	assert data["output"] == {"html_forms": 30 * 6 + 2, "pdf_forms": 0, "pdf_renderer": None}


def test_every_employee_has_predikat_jpm_and_box(data, raw):
	assert len(data["employees"]) == len(raw["employees"]) == 30
	for employee in data["employees"]:
		assert employee["predikat"] in (
			"Sangat Baik",
			"Baik",
			"Butuh Perbaikan",
			"Kurang/Misconduct",
			"Sangat Kurang",
		), employee["id"]
		assert employee["jpm"] and employee["jpm_capped"] and employee["jpm_capped"] <= 100
		assert employee["jpm_category"]
		assert employee["talent_box"] in range(1, 10)
		assert employee["hasil_kerja_rating"] and employee["perilaku_rating"]
		# angka kredit exactly for the JF jenjang
		assert (employee["angka_kredit"] is not None) == employee["job_group"].startswith("JF ")
	totals = data["totals"]
	assert sum(totals["predikat"].values()) == 30
	assert sum(totals["talent_box"].values()) == 30


def test_group_checks_match_an_independent_check(data, raw):
	by_id = {e["id"]: e for e in data["employees"]}
	heads = [e["id"] for e in data["employees"] if e["job_group"] == "JPT Pratama"]
	# the default groups: the heads of perangkat daerah apart, the Dinas with all its sub-units as one group
	assert [(g["name"], g["kind"], g["total"]) for g in data["groups"]] == [
		("Pimpinan Perangkat Daerah", "Pimpinan", len(heads)),
		("Dinas Kesehatan", "Unit", 30 - len(heads)),
	]
	for group in data["groups"]:
		cko = raw["organisation_predicates"][group["name"]]
		predikats = [by_id[e]["predikat"] for e in group["employees"]]
		expected = check_distribution(cko, predikats, min_size=DEFAULT_MIN_GROUP_SIZE)
		assert group["organisation_predicate"] == cko
		assert (group["status"], group["counts"]) == (expected.status, expected.counts), group["name"]
		assert [v["code"] for v in group["violations"]] == [v.rule.code for v in expected.violations]
	# no nonsense: no group fails; the one-person group is too small to check, with the reason
	assert [g["status"] for g in data["groups"]] == ["too_small", "ok"]
	assert data["groups"][0]["too_small"].startswith("Too small to check: the group has 1 employees")
	totals = data["totals"]
	assert (totals["groups_passing"], totals["groups_failing"], totals["groups_too_small"]) == (1, 0, 1)


def test_the_assistant_fixes_the_what_if(data):
	what_if = data["what_if"]
	assert (what_if["name"], what_if["organisation_predicate"], what_if["status"]) == (
		"Dinas Kesehatan",
		"Butuh Perbaikan",
		"fail",
	)
	by_id = {e["id"]: e for e in data["employees"]}
	after = {e: by_id[e]["predikat"] for e in what_if["employees"]}
	for p in what_if["proposals"]:
		assert after[p["employee"]] == p["from"] and p["text_id"]
		after[p["employee"]] = p["to"]
	assert check_distribution("Butuh Perbaikan", list(after.values())).ok
	# 29 ASN: at least 18 Butuh Perbaikan (the sample has 6) and at most 2 Sangat Baik (it has 8)
	assert len(what_if["proposals"]) == 12


# PermenPANRB 6/2022 kuadran, written out again by hand: (hasil kerja, perilaku) -> predikat.
KUADRAN_BY_HAND = {
	("Di Atas Ekspektasi", "Di Atas Ekspektasi"): "Sangat Baik",
	("Di Atas Ekspektasi", "Sesuai Ekspektasi"): "Baik",
	("Di Atas Ekspektasi", "Di Bawah Ekspektasi"): "Kurang/Misconduct",
	("Sesuai Ekspektasi", "Di Atas Ekspektasi"): "Baik",
	("Sesuai Ekspektasi", "Sesuai Ekspektasi"): "Baik",
	("Sesuai Ekspektasi", "Di Bawah Ekspektasi"): "Kurang/Misconduct",
	("Di Bawah Ekspektasi", "Di Atas Ekspektasi"): "Butuh Perbaikan",
	("Di Bawah Ekspektasi", "Sesuai Ekspektasi"): "Butuh Perbaikan",
	("Di Bawah Ekspektasi", "Di Bawah Ekspektasi"): "Sangat Kurang",
}


@pytest.mark.parametrize("employee_id", ["E07", "E24"])
def test_spot_check_predikat_by_hand(data, raw, employee_id):
	"""Recompute one employee's ratings from the raw sample without the scoring core."""
	summary = next(e for e in data["employees"] if e["id"] == employee_id)

	# hasil kerja: achievement = realisasi / target x 100; > 100 above, < 90 below (local thresholds)
	rows = raw["skp"][employee_id]
	classes = []
	for row in rows:
		pct = row["realisasi"] / row["target"] * 100
		classes.append(("atas" if pct > 100 else "bawah" if pct < 90 else "sesuai", row["jenis"] == "Utama"))
	below = sum(1 for c, _ in classes if c == "bawah")
	above = sum(1 for c, _ in classes if c == "atas")
	utama = [c for c, u in classes if u]
	utama_below = utama.count("bawah")
	if below * 2 > len(classes) or utama_below * 2 > len(utama):
		hasil = "Di Bawah Ekspektasi"
	elif above * 2 > len(classes) and utama_below == 0:
		hasil = "Di Atas Ekspektasi"
	else:
		hasil = "Sesuai Ekspektasi"

	# perilaku: per core value the weighted mean of the group means the employee may see (Atasan 50, Rekan
	# 30, Bawahan 20, self 0): Rekan / Bawahan with fewer than 3 raters pooled into one group weighing the sum
	# of their weights, left out when even the pool has fewer than 3; absent weights redistributed. Then the
	# mean over the 7 values; >= 4 above, < 3 below
	weights = {"Atasan Langsung": 50, "Rekan Kerja": 30, "Bawahan": 20}
	ratings = [r for r in raw["ratings"] if r["employee"] == employee_id]
	values = []
	for core_value in ratings[0]["behaviours"]:
		per_role = defaultdict(list)
		for r in ratings:
			if r["role"] in weights and r["behaviours"].get(core_value):
				per_role[r["role"]].append(r["behaviours"][core_value])
		groups = {
			role: (v, weights[role])
			for role, v in per_role.items()
			if role == "Atasan Langsung" or len(v) >= 3
		}
		small = [role for role in per_role if role not in groups]
		pool = [x for role in small for x in per_role[role]]
		if len(pool) >= 3:
			groups["pool"] = (pool, sum(weights[role] for role in small))
		total = sum(w for _v, w in groups.values())
		values.append(round(sum(sum(v) / len(v) * w / total for v, w in groups.values()), 2))
	score = round(sum(values) / len(values), 2)
	perilaku = (
		"Di Atas Ekspektasi" if score >= 4 else "Di Bawah Ekspektasi" if score < 3 else "Sesuai Ekspektasi"
	)

	assert summary["behaviour_score"] == pytest.approx(score, abs=0.01)
	assert (summary["hasil_kerja_rating"], summary["perilaku_rating"]) == (hasil, perilaku)
	assert summary["predikat"] == KUADRAN_BY_HAND[(hasil, perilaku)]


def test_e07_is_the_misconduct_case(data):
	e07 = next(e for e in data["employees"] if e["id"] == "E07")
	assert e07["predikat"] == "Kurang/Misconduct"  # behaviour tier "low" in the sample generator


def test_summary_markdown(out, data):
	text = (out[0] / "summary.md").read_text(encoding="utf-8")
	assert "| Nama | Jabatan | Hasil Kerja | Perilaku | Predikat | JPM | Kategori | 9-Box |" in text
	for group in data["groups"]:
		assert f"## Kelompok distribusi: {group['name']}" in text
	assert "## Simulasi asisten kalibrasi" in text and "TERLALU KECIL UNTUK DIPERIKSA" in text
	for employee in data["employees"]:
		assert employee["nama"] in text
	assert "TIDAK SESUAI" in text and "## Total" in text


def test_deterministic(tmp_path, data):
	assert sample.main(tmp_path / "a", pdf=False, quiet=True) == data
	sample.main(tmp_path / "b", pdf=False, quiet=True)
	for name in (
		"summary.md",
		"index.html",
		"forms/E12/laporan_kompetensi.html",
		"forms/penetapan_dinas_kesehatan.html",
	):
		assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_pdf_env_switch(monkeypatch):
	monkeypatch.setenv("KINERJA_SAMPLE_PDF", "0")
	assert sample._want_pdf(None) is False
	monkeypatch.setenv("KINERJA_SAMPLE_PDF", "1")
	assert sample._want_pdf(None) is True
	assert sample._want_pdf(False) is False


def test_cli_runs(tmp_path):
	result = subprocess.run(
		[sys.executable, "-m", "kinerja_asn.demo.sample", str(tmp_path), "--no-pdf"],
		cwd=ROOT,
		capture_output=True,
		text=True,
		timeout=300,
		check=True,
	)
	assert "PDF: skipped" in result.stdout
	assert "Predikat:" in result.stdout and "Distribution groups (SE MenPANRB 3/2023)" in result.stdout
	assert "Calibration assistant, what-if Dinas Kesehatan" in result.stdout
	assert str(tmp_path.resolve()) in result.stdout
	assert (tmp_path / "summary.json").exists()
