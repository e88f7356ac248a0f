"""Custom fields that kinerja_asn adds to ERPNext and HRMS doctypes, defined in code.

Created by the installer (and again on every migrate, so new fields reach existing sites) and removed
by the uninstaller. Labels are marked with a no-op `_` so they reach the translation template.
"""

from kinerja_asn.scoring.competency import JOB_GROUPS
from kinerja_asn.scoring.errors import _

PNS_GOLONGAN = (
	"I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
	"III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
)  # fmt: skip
PPPK_GOLONGAN = (
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
	"X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip

JOB_GROUP_OPTIONS = "\n".join(("", *JOB_GROUPS))


def get_custom_fields() -> dict[str, list[dict]]:
	return {
		"Employee": [
			{
				"fieldname": "asn_section",
				"fieldtype": "Section Break",
				"label": _("Aparatur Sipil Negara"),
				"insert_after": "reports_to",
				"collapsible": 0,
			},
			{
				"fieldname": "nip",
				"fieldtype": "Data",
				"label": _("NIP"),
				"length": 18,
				"insert_after": "asn_section",
				"search_index": 1,
				"in_standard_filter": 1,
				"no_copy": 1,
				"description": _("18-digit Nomor Induk Pegawai (or NI PPPK), digits only."),
			},
			{
				"fieldname": "asn_status",
				"fieldtype": "Select",
				"label": _("ASN Status"),
				"options": "\nPNS\nPPPK",
				"insert_after": "nip",
				"in_standard_filter": 1,
			},
			{
				"fieldname": "asn_column_break",
				"fieldtype": "Column Break",
				"insert_after": "asn_status",
			},
			{
				"fieldname": "pangkat_golongan",
				"fieldtype": "Select",
				"label": _("Pangkat/Golongan"),
				"options": "\n".join(("", *PNS_GOLONGAN, *PPPK_GOLONGAN)),
				"insert_after": "asn_column_break",
				"description": _("PNS: I/a to IV/e. PPPK: I to XVII."),
			},
			{
				"fieldname": "job_group",
				"fieldtype": "Select",
				"label": _("Job Group"),
				"options": JOB_GROUP_OPTIONS,
				"insert_after": "pangkat_golongan",
				"read_only": 1,
				"description": _("Taken from the Position Competency Profile of the designation."),
			},
		],
		"Goal": [
			{
				"fieldname": "skp_section",
				"fieldtype": "Section Break",
				"label": _("SKP"),
				"insert_after": "kra",
			},
			{
				"fieldname": "jenis_rhk",
				"fieldtype": "Select",
				"label": _("RHK Type"),
				"options": "Utama\nTambahan",
				"default": "Utama",
				"insert_after": "skp_section",
			},
			{
				"fieldname": "rhk_atasan",
				"fieldtype": "Small Text",
				"label": _("RHK Pimpinan yang Diintervensi"),
				"insert_after": "jenis_rhk",
			},
			{
				"fieldname": "iki",
				"fieldtype": "Small Text",
				"label": _("Indikator Kinerja Individu"),
				"insert_after": "rhk_atasan",
			},
			{
				"fieldname": "aspek",
				"fieldtype": "Select",
				"label": _("Aspek"),
				"options": "\nKuantitas\nKualitas\nWaktu\nBiaya",
				"insert_after": "iki",
			},
			{
				"fieldname": "perspektif",
				"fieldtype": "Select",
				"label": _("Perspektif"),
				"options": "\nPenerima Layanan\nProses Bisnis\nPenguatan Internal\nAnggaran",
				"insert_after": "aspek",
				"description": _("For SKP of JPT."),
			},
			{
				"fieldname": "skp_column_break",
				"fieldtype": "Column Break",
				"insert_after": "perspektif",
			},
			{
				"fieldname": "target_value",
				"fieldtype": "Float",
				"label": _("Target"),
				"insert_after": "skp_column_break",
			},
			{
				"fieldname": "target_unit",
				"fieldtype": "Data",
				"label": _("Unit (Satuan)"),
				"insert_after": "target_value",
			},
			{
				"fieldname": "realisasi_value",
				"fieldtype": "Float",
				"label": _("Realisasi"),
				"insert_after": "target_unit",
				"description": _("Realisation backed by evidence; achievement = realisasi ÷ target."),
			},
			{
				"fieldname": "umpan_balik",
				"fieldtype": "Small Text",
				"label": _("Umpan Balik Berkelanjutan"),
				"insert_after": "realisasi_value",
			},
		],
		"Training Event": [
			{
				"fieldname": "jp",
				"fieldtype": "Float",
				"label": _("Jam Pelajaran (JP)"),
				"insert_after": "end_time",
				"allow_on_submit": 1,
				"precision": "2",
				"description": _(
					"JP credited to each participant marked Present. Empty: computed from the start and end "
					"time (minutes per JP in Kinerja ASN Settings)."
				),
			},
		],
		"Training Program": [
			{
				"fieldname": "competency",
				"fieldtype": "Link",
				"label": _("Competency Developed"),
				"options": "Competency",
				"insert_after": "company",
				"description": _(
					"Suggested in Development Plans for employees with a gap in this competency."
				),
			},
		],
		"Appraisal Cycle": [
			{
				"fieldname": "kinerja_asn_section",
				"fieldtype": "Section Break",
				"label": _("Kinerja ASN"),
				"insert_after": "description",
			},
			{
				"fieldname": "kinerja_period_type",
				"fieldtype": "Select",
				"label": _("Period Type"),
				"options": "Tahunan\nPeriodik",
				"default": "Tahunan",
				"insert_after": "kinerja_asn_section",
			},
			{
				"fieldname": "kinerja_period_label",
				"fieldtype": "Select",
				"label": _("Period Label"),
				"options": "\nTriwulan I\nTriwulan II\nTriwulan III\nTriwulan IV\nSemester I\nSemester II\nAkhir",
				"insert_after": "kinerja_period_type",
			},
			{
				"fieldname": "kinerja_column_break",
				"fieldtype": "Column Break",
				"insert_after": "kinerja_period_label",
			},
			{
				"fieldname": "feedback_deadline",
				"fieldtype": "Date",
				"label": _("Rater Feedback Deadline"),
				"insert_after": "kinerja_column_break",
			},
			{
				"fieldname": "rating_deadline",
				"fieldtype": "Date",
				"label": _("Supervisor Rating Deadline"),
				"insert_after": "feedback_deadline",
			},
		],
	}
