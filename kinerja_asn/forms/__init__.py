"""Official print forms of kinerja_asn (PermenPANRB 6/2022, SE MenPANRB 3/2023, PermenPANRB 38/2017).

A form is rendered from a plain dict, the *form context*, so the same Jinja templates serve the no-bench
sample job and the Frappe print formats. Everything here is Frappe-free except the bench side:
``documents.py`` (the form context from ASN Appraisal / Predicate Calibration documents), ``jinja.py``
(``kinerja_form``, the Jinja method of the print formats in penilaian_kinerja/print_format) and
``bulk.py`` (one PDF of a whole unit, in a background job).

- ``context.py``  the shape of the form context (TypedDicts), the pure helpers that fill it (pangkat
                  names, Indonesian numbers and dates, party and signature blocks, SKP grouping,
                  distribution curve geometry, SE 3/2023 pattern text in Indonesian).
- ``sample.py``   builders of every form context from the evaluated sample agency (``demo/sample.py``).
- ``render.py``   the Jinja environment, ``render(template, form)`` and ``to_pdf`` (wkhtmltopdf/chromium).
- ``templates/``  the forms: skp, evaluasi_kinerja, dokumen_evaluasi, penetapan_predikat,
                  laporan_kompetensi, umpan_balik (B.1.8), evaluasi_kompetensi (B.1.9); shared
                  ``macros.html`` and ``style.css``.
"""
