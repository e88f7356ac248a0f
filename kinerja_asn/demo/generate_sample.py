"""Regenerate the ratings and the SKP realisation of the sample agency.

Reads ``demo/data/dinkes_batanghari.json`` (organisation, positions,
employees and SKP rows written by hand), then deterministically
(``random.Random(2026)``) rewrites:

* ``skp[*][*].realisasi`` and ``umpan_balik``: per employee a performance
  tier decides whether most rows end above (>100 %), within (90-100 %) or
  below (<90 %) their target;
* ``ratings``: 360-degree feedback for every employee from the direct
  supervisor, the employee, up to four peers (same ``reports_to``) and every
  direct subordinate, covering all competencies of the position profile
  (8 Manajerial + Perekat Bangsa + the position's technical competencies)
  and the 7 BerAKHLAK core values.

Standard library only. Run: ``python3 kinerja_asn/demo/generate_sample.py``
"""

import json
import math
import os
import random

from kinerja_asn.scoring.competency import DEFAULT_STANDARD_LEVELS

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "data", "dinkes_batanghari.json")
SETUP = os.path.join(os.path.dirname(HERE), "setup", "data")

# default required level of the manajerial/sosial kultural competencies per job group
STANDARD_LEVEL = DEFAULT_STANDARD_LEVELS

# hasil kerja tier: A = di atas ekspektasi, S = sesuai, B = di bawah (default S)
RESULT_TIER = {
	"E03": "A",
	"E04": "A",
	"E10": "A",
	"E11": "A",
	"E13": "A",
	"E14": "A",
	"E15": "A",
	"E18": "A",
	"E23": "B",
	"E24": "B",
	"E26": "B",
	"E27": "B",
	"E28": "B",
	"E30": "B",
}
# perilaku kerja tier (default "mid")
BEHAVIOUR_TIER = {
	"E01": "high",
	"E02": "high",
	"E03": "high",
	"E04": "high",
	"E10": "high",
	"E11": "high",
	"E13": "high",
	"E14": "high",
	"E15": "high",
	"E18": "high",
	"E07": "low",
}
COMPETENCY_OFFSET = {"A": 0.45, "S": 0.0, "B": -0.4}
BEHAVIOUR_BASE = {"high": 4.25, "mid": 3.45, "low": 2.4}

FEEDBACK_ROW = {
	"above": [
		"Capaian melampaui target; pertahankan dan dokumentasikan praktik baiknya agar dapat direplikasi di unit lain.",
		"Hasil kerja sangat baik dan bukti dukung lengkap; bagikan metode kerjanya kepada rekan satu tim.",
		"Target terlampaui sebelum akhir periode; pertimbangkan target yang lebih menantang pada tahun berikutnya.",
		"Kinerja di atas ekspektasi; lanjutkan koordinasi yang baik dengan puskesmas dan lintas sektor.",
		"Realisasi melebihi target berkat inisiatif yang konsisten; bakukan cara kerja ini dalam SOP.",
	],
	"meet": [
		"Target tercapai sesuai rencana; tingkatkan ketepatan waktu pengunggahan bukti dukung.",
		"Hasil kerja sesuai ekspektasi; perkuat analisis data agar capaian dapat ditingkatkan.",
		"Capaian sesuai target; jaga konsistensi pelaporan bulanan agar pemantauan lebih mudah.",
		"Pekerjaan terselesaikan dengan baik; tingkatkan kualitas dokumentasi kegiatan.",
		"Sesuai ekspektasi; lanjutkan koordinasi rutin dengan atasan untuk mengantisipasi kendala.",
		"Target terpenuhi; manfaatkan aplikasi pelaporan untuk mempercepat rekapitulasi data.",
	],
	"below": [
		"Capaian belum memenuhi target; susun rencana aksi perbaikan dan laporkan perkembangannya setiap bulan.",
		"Realisasi di bawah target karena pelaksanaan terlambat; percepat koordinasi dengan puskesmas.",
		"Perlu pendampingan lebih intensif; identifikasi kendala bersama atasan pada awal triwulan.",
		"Bukti dukung belum lengkap dan capaian rendah; prioritaskan tugas utama ini pada periode berikutnya.",
		"Target belum tercapai; susun ulang jadwal kerja dan manfaatkan dukungan rekan satu tim.",
	],
}

STRENGTH = {
	"high": [
		"Sangat cekatan dan solutif dalam menyelesaikan tugas",
		"Menjadi teladan dalam kedisiplinan dan integritas",
		"Mampu menggerakkan tim dan mitra lintas sektor dengan baik",
		"Berinisiatif tinggi mencari cara kerja yang lebih efektif",
		"Berkomunikasi dengan jelas sehingga mudah dipahami rekan kerja maupun masyarakat",
		"Sangat tanggap terhadap kebutuhan puskesmas dan masyarakat",
	],
	"mid": [
		"Menyelesaikan tugas sesuai standar dan dapat diandalkan",
		"Bersikap ramah dan mudah diajak bekerja sama",
		"Cukup konsisten dalam melaksanakan tugas rutin",
		"Terbuka terhadap masukan dari rekan kerja dan atasan",
		"Menjaga hubungan kerja yang baik di dalam tim",
		"Teliti dalam mengelola data dan dokumen",
	],
	"low": [
		"Memiliki pengetahuan teknis yang cukup memadai",
		"Bersedia membantu ketika diminta",
		"Mulai menunjukkan perbaikan dalam beberapa bulan terakhir",
		"Cukup ramah dalam melayani tamu dan pemohon layanan",
	],
}
SUGGESTION = {
	"high": [
		"perlu lebih banyak berbagi pengetahuan dengan pegawai yang lebih muda",
		"layak diberi kesempatan memimpin tim kerja lintas bidang",
		"disarankan mengikuti pelatihan kepemimpinan untuk pengembangan karier",
		"perlu menjaga keseimbangan beban kerja agar tugas tidak menumpuk pada dirinya",
	],
	"mid": [
		"perlu meningkatkan ketepatan waktu penyampaian laporan",
		"perlu lebih proaktif menyampaikan gagasan dalam rapat",
		"disarankan memperdalam kemampuan analisis data program",
		"perlu meningkatkan ketelitian dalam penyusunan dokumen",
		"dapat lebih aktif berkoordinasi dengan pengelola program di puskesmas",
	],
	"low": [
		"perlu meningkatkan disiplin waktu kerja dan ketuntasan tugas",
		"perlu lebih terbuka menerima umpan balik dan segera menindaklanjutinya",
		"disarankan mengikuti bimbingan kinerja secara rutin bersama atasan",
		"perlu menjaga sikap dan tutur kata saat berkoordinasi dengan rekan kerja",
	],
}
LEADER_STRENGTH = [
	"Memberikan arahan yang jelas dan mudah dipahami",
	"Terbuka terhadap masukan dan pendapat staf",
	"Memberi contoh yang baik dalam kedisiplinan",
	"Sigap membantu ketika staf menghadapi kendala di lapangan",
	"Adil dalam membagi tugas kepada anggota tim",
]
LEADER_SUGGESTION = [
	"perlu lebih sering memberikan umpan balik berkala kepada staf",
	"perlu mendelegasikan tugas secara lebih merata",
	"diharapkan lebih sering mengadakan diskusi evaluasi kinerja bersama tim",
	"perlu memberi kesempatan staf mengikuti pelatihan teknis",
]
SELF = {
	"high": [
		"Saya telah menyelesaikan sebagian besar target lebih awal dan ingin lebih banyak membimbing rekan kerja",
		"Saya berupaya memberikan hasil terbaik dan ingin memperdalam kemampuan manajerial",
	],
	"mid": [
		"Saya berupaya menyelesaikan tugas tepat waktu, namun masih perlu meningkatkan kemampuan analisis data",
		"Saya sudah menjalankan tugas sesuai rencana dan ingin mengikuti pelatihan teknis yang relevan",
		"Tugas rutin dapat saya selesaikan dengan baik, tetapi saya perlu lebih proaktif berkoordinasi",
	],
	"low": [
		"Saya menyadari masih sering terlambat menyelesaikan tugas dan akan memperbaiki manajemen waktu",
		"Saya perlu lebih disiplin dan lebih terbuka meminta bimbingan atasan",
	],
}


def load(path):
	with open(path, encoding="utf-8") as f:
		return json.load(f)


def clamp(value, low=1, high=5):
	return max(low, min(high, value))


def realise(rng, target, satuan, band):
	"""Return a realisation for one SKP row landing in the requested band."""
	if satuan == "%" or satuan == "nilai":
		cap = 100
		if band == "above":
			value = min(cap, round(target * rng.uniform(1.03, 1.12), 1))
			if value <= target:  # target already at the ceiling: cannot be exceeded
				value = cap
		elif band == "meet":
			value = round(target * rng.uniform(0.92, 1.0), 1)
		else:
			value = round(target * rng.uniform(0.70, 0.87), 1)
		return int(value) if value == int(value) else value
	if band == "above":
		return max(target + 1, round(target * rng.uniform(1.04, 1.18)))
	if band == "meet":
		low = math.ceil(target * 0.9)
		return rng.choice([target, target, max(low, round(target * rng.uniform(0.92, 1.0)))])
	return min(math.ceil(target * 0.9) - 1, max(1, round(target * rng.uniform(0.65, 0.86))))


def band_of(row):
	pct = 100.0 * row["realisasi"] / row["target"]
	return "above" if pct > 100 else ("meet" if pct >= 90 else "below")


def fill_skp(rng, data):
	for eid in sorted(data["skp"]):
		rows = data["skp"][eid]
		tier = RESULT_TIER.get(eid, "S")
		n = len(rows)
		if tier == "A":
			bands = ["above"] * n
			if n >= 4:
				bands[rng.randrange(n)] = "meet"
		elif tier == "B":
			bands = ["below"] * n
			if n >= 3 and rng.random() < 0.5:
				bands[rng.randrange(n)] = "meet"
		else:
			bands = ["meet"] * n
			if rng.random() < 0.35:
				bands[rng.randrange(n)] = "above"
		used = set()
		for row, band in zip(rows, bands, strict=True):
			row["realisasi"] = realise(rng, row["target"], row["satuan"], band)
			pool = [s for s in FEEDBACK_ROW[band_of(row)] if s not in used]
			row["umpan_balik"] = rng.choice(pool)
			used.add(row["umpan_balik"])


def fill_ratings(rng, data):
	manajerial = [c["competency_name"] for c in load(os.path.join(SETUP, "competencies.json"))]
	values = [v["value_name"] for v in load(os.path.join(SETUP, "core_values.json"))]
	positions = {p["designation"]: p for p in data["positions"]}
	employees = data["employees"]
	by_id = {e["id"]: e for e in employees}

	profile = {}
	for e in employees:
		pos = positions[e["designation"]]
		std = STANDARD_LEVEL[pos["job_group"]]
		tier = RESULT_TIER.get(e["id"], "S")
		offset = COMPETENCY_OFFSET[tier]
		comps = {}
		for name in manajerial:
			bias = rng.choice([-1, 0, 0, 0, 0, 1]) * 0.7
			comps[name] = clamp(std + offset + bias, 1, 5)
		for t in pos["technical"]:
			bias = rng.choice([-1, 0, 0, 0, 1]) * 0.7
			comps[t["competency"]] = clamp(t["required_level"] + offset + bias, 1, 5)
		btier = BEHAVIOUR_TIER.get(e["id"], "mid")
		beh = {v: BEHAVIOUR_BASE[btier] + rng.choice([-0.5, 0, 0, 0.4]) for v in values}
		profile[e["id"]] = (comps, beh, btier)

	def score(true, noise_sd, bonus):
		return int(clamp(round(true + bonus + rng.gauss(0, noise_sd))))

	ratings = []
	for e in employees:
		eid = e["id"]
		comps, beh, btier = profile[eid]
		raters = []
		if e["reports_to"]:
			raters.append((e["reports_to"], "Atasan Langsung"))
		raters.append((eid, "Diri Sendiri"))
		peers = sorted(
			x["id"]
			for x in employees
			if x["reports_to"] == e["reports_to"] and x["id"] != eid and e["reports_to"]
		)
		if len(peers) > 4:
			peers = sorted(rng.sample(peers, 4))
		raters += [(p, "Rekan Kerja") for p in peers]
		raters += [(x["id"], "Bawahan") for x in employees if x["reports_to"] == eid]
		for rater, role in raters:
			bonus = {"Diri Sendiri": 0.3, "Atasan Langsung": 0.0, "Rekan Kerja": 0.1, "Bawahan": 0.15}[role]
			competencies = {name: score(true, 0.4, bonus) for name, true in comps.items()}
			behaviours = {v: score(true, 0.5, bonus) for v, true in beh.items()}
			if role == "Diri Sendiri":
				feedback = rng.choice(SELF[btier]) + "."
			elif role == "Bawahan":
				feedback = rng.choice(LEADER_STRENGTH) + "; " + rng.choice(LEADER_SUGGESTION) + "."
			else:
				feedback = rng.choice(STRENGTH[btier]) + "; " + rng.choice(SUGGESTION[btier]) + "."
			ratings.append(
				{
					"employee": eid,
					"rater": rater,
					"role": role,
					"competencies": competencies,
					"behaviours": behaviours,
					"feedback": feedback,
				}
			)
	assert all(r["rater"] in by_id for r in ratings)
	data["ratings"] = ratings


def main():
	rng = random.Random(2026)
	data = load(SAMPLE)
	fill_skp(rng, data)
	fill_ratings(rng, data)
	with open(SAMPLE, "w", encoding="utf-8") as f:
		json.dump(data, f, ensure_ascii=False, indent=1)
		f.write("\n")
	print(f"ratings: {len(data['ratings'])}, skp rows: {sum(len(v) for v in data['skp'].values())}")


if __name__ == "__main__":
	main()
