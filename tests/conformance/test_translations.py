"""kinerja_asn/locale/*.po parse, have no duplicates, keep placeholders, and cover main.pot."""

import warnings

import pytest
from frappe_rules import APP, assert_clean, check_po

LOCALE = APP / "locale"
PO_FILES = sorted(LOCALE.glob("*.po"))
POT = LOCALE / "main.pot"


def test_pot_has_indonesian_translation():
	if not POT.exists():
		pytest.skip("kinerja_asn/locale/main.pot does not exist yet")
	assert (LOCALE / "id.po").exists(), "main.pot exists but kinerja_asn/locale/id.po does not"


@pytest.mark.parametrize(
	"path",
	[pytest.param(p, id=p.name) for p in PO_FILES]
	or [
		pytest.param(
			None, id="none-yet", marks=pytest.mark.skip(reason="no .po files in kinerja_asn/locale yet")
		)
	],
)
def test_po_file(path):
	pot_text = POT.read_text(encoding="utf-8") if POT.exists() else None
	problems, untranslated = check_po(path.read_text(encoding="utf-8"), pot_text)
	if untranslated:
		warnings.warn(f"{path.name}: {untranslated} untranslated or fuzzy entries", stacklevel=1)
	assert_clean(problems)


def test_pot_parses():
	if not POT.exists():
		pytest.skip("kinerja_asn/locale/main.pot does not exist yet")
	problems, _ = check_po(POT.read_text(encoding="utf-8"))
	assert_clean(problems)
