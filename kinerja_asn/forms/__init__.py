"""Official print forms of kinerja_asn (PermenPANRB 6/2022, SE MenPANRB 3/2023, PermenPANRB 38/2017).

One pipeline: a *source* hands over the facts of an appraisal or a unit, ``build.py`` turns them into the
plain ``form`` dict, and the templates render it, for the desk print formats, the bulk PDF of a unit and the
no-bench sample job alike.

- ``build.py``      the pipeline: the source protocols (``AppraisalSource``, ``UnitSource``) and the builder
                    of every form. Frappe-free.
- ``context.py``    the shape of the form context (TypedDicts) and the pure helpers that fill it (pangkat
                    names, Indonesian numbers and dates, party and signature blocks, SKP grouping,
                    distribution curve geometry, SE 3/2023 pattern text in Indonesian). Frappe-free.
- ``documents.py``  the bench-side source: stored ASN Appraisal / Predicate Calibration documents.
                    (The sample agency's source is in ``kinerja_asn.demo.sample``; nothing here imports demo/.)
- ``jinja.py``      ``kinerja_form``, the Jinja method of the print formats in penilaian_kinerja/print_format:
                    the access check on the stored document, then ``documents.build``.
- ``bulk.py``       one PDF of a whole unit, in a background job (through the print formats).
- ``render.py``     the standalone Jinja environment, ``render(template, form)`` and ``to_pdf``
                    (wkhtmltopdf/chromium). Frappe-free.
- ``templates/``    the forms: skp, evaluasi_kinerja, dokumen_evaluasi, penetapan_predikat,
                    laporan_kompetensi, umpan_balik (B.1.8), evaluasi_kompetensi (B.1.9); shared
                    ``macros.html`` and ``style.css``.
"""
