"""Frappe-free scoring core of kinerja_asn: every regulation table and rule as plain Python.

Nothing here imports frappe; controllers call these functions and translate ``RuleError.message``
(an English template) with ``RuleError.args_``. Values marked UNCONFIRMED or "local practice" in the
domain reference are ``DEFAULT_...`` constants passed as parameters, never hard-coded in logic.

Which file holds which rule:

- ``errors.py``       RuleError and the ``_()`` marker for translatable messages.
- ``ratings.py``      PermenPANRB 6/2022 kuadran kinerja (hasil kerja x perilaku -> predikat),
                      proposal of the hasil kerja / perilaku rating (local thresholds), 9-box kinerja axis.
- ``distribution.py`` SE MenPANRB 3/2023 distribution of predikat per organisation predicate (CKO),
                      rounding for small units (settings), groups too small to check.
- ``groups.py``       distribution groups (kelompok distribusi): one per perangkat daerah, small sub-units
                      pooled into their parent, heads of perangkat daerah (JPT Pratama) in a group of their own.
- ``calibration.py``  calibration assistant: the fewest rating changes that make a group satisfy SE 3/2023,
                      chosen closest to the rating boundary.
- ``competency.py``   PermenPANRB 38/2017 competency types, the 8 manajerial + Perekat Bangsa, levels 1-5,
                      default standard level per job group (UNCONFIRMED), gap, Job Person Match (raw and
                      capped), JPM categories set A (MS/MMS/KMS) and set B (Optimal...), uji kompetensi JF
                      weighting, kekuatan / area pengembangan.
- ``aggregation.py``  360 roll-up: rater role weights, redistribution, anonymity pooling, minimum raters.
- ``talent.py``       PermenPANRB 3/2020 9-box (kotak 1-9), definitions, tindak lanjut, potential from JPM.
- ``angka_kredit.py`` PermenPANRB 1/2023 + Peraturan BKN 3/2023 predikat -> % and JF coefficients, AK needed.
- ``nip.py``          NIP / NI PPPK structure, validation and display format.
- ``periods.py``      Periodik/Tahunan labels (Triwulan, Semester, Akhir), Indonesian dates.
- ``development.py``  PP 11/2017 Ps. 203 20 JP/year (PNS), 24 JP cap (PPPK), methods per gap, event JP, JP split over
                     gaps, plan/item status, talent shortlist rule, feedback reminder stages.
- ``raters.py``       who rates whom (supervisor, peers, subordinates, self) from the reporting hierarchy.
- ``appraisal.py``    the whole score chain of one appraisal (proposals -> predikat -> JPM -> 9-box -> AK).
"""
