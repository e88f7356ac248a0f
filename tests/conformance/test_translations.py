"""kinerja_asn/locale/*.po parse, have no duplicates, keep placeholders, and cover main.pot."""

import re
import warnings

import pytest
from frappe_rules import APP, assert_clean, check_po, parse_po

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


# __("…") with a plain string literal, also inside template literals (`${__("…")}`), which Frappe's POT
# extractor does not see: the portal script draws its views with those, so id.po must hold them itself.
JS_MESSAGE = re.compile(r"""__\(\s*(["'])((?:\\.|(?!\1).)*)\1""")


def js_messages() -> dict[str, str]:
	found = {}
	for path in sorted((APP / "public" / "js").glob("*.js")) + sorted(APP.glob("**/doctype/*/*.js")):
		for match in JS_MESSAGE.finditer(path.read_text(encoding="utf-8")):
			text = (
				match.group(2).encode().decode("unicode_escape") if "\\" in match.group(2) else match.group(2)
			)
			found.setdefault(text, str(path.relative_to(APP)))
	return found


def test_every_script_message_has_an_indonesian_translation():
	entries, _problems = parse_po((LOCALE / "id.po").read_text(encoding="utf-8"))
	translated = {e["msgid"] for e in entries if e.get("msgstr")}
	missing = sorted(f"{where}: {text}" for text, where in js_messages().items() if text not in translated)
	assert not missing, "no Indonesian translation in id.po for:\n" + "\n".join(missing)
