import ast
import pathlib

from kinerja_asn.scoring.errors import RuleError, _

SCORING = pathlib.Path(__file__).resolve().parents[2] / "kinerja_asn" / "scoring"


def test_rule_error_keeps_template_and_args():
	error = RuleError(_("Level must be between 1 and 5, got {0}"), 7)
	assert str(error) == "Level must be between 1 and 5, got 7"
	assert error.message == "Level must be between 1 and 5, got {0}"
	assert error.args_ == (7,)
	assert isinstance(error, ValueError)
	assert str(RuleError(_("Plain message"))) == "Plain message"


def test_every_translatable_message_is_a_literal():
	"""bench's extractor needs _("literal"): no f-strings, .format or variables inside _()."""
	for path in SCORING.glob("*.py"):
		tree = ast.parse(path.read_text())
		for node in ast.walk(tree):
			if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_":
				assert len(node.args) == 1, path
				assert isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str), (
					f"{path}:{node.lineno}"
				)
			if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
				func = node.exc.func
				if isinstance(func, ast.Name) and func.id == "RuleError":
					first = node.exc.args[0]
					assert isinstance(first, ast.Call) and getattr(first.func, "id", "") == "_", (
						f"{path}:{node.lineno}"
					)


def test_no_frappe_imports():
	for path in SCORING.glob("*.py"):
		tree = ast.parse(path.read_text())
		for node in ast.walk(tree):
			names = []
			if isinstance(node, ast.Import):
				names = [alias.name for alias in node.names]
			elif isinstance(node, ast.ImportFrom):
				names = [node.module or ""]
			for name in names:
				assert name.split(".")[0] not in {"frappe", "erpnext", "hrms"}, f"{path}: {name}"
