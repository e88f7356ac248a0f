"""The package's import graph, read statically with ``ast`` (no Frappe): no cycles, forms never depend on demo/.

Every ``import`` / ``from … import`` of a kinerja_asn module counts, wherever it is written: at module level
(also under ``if TYPE_CHECKING:``) and inside functions. A function-level import cannot fail at import time,
but it is still a dependency: deferring an import hides a cycle, it does not remove it (the forms/sample.py ↔
demo/sample.py circle of issue 12 existed only through a function-level import and a TYPE_CHECKING one). The
report names each edge of a cycle and whether it is deferred, so the fix is visible.

An import edge goes to the module named, or for ``from package import name`` to ``package.name`` when that is
a module of ours, else to the package. Importing a submodule also runs its parents' ``__init__``; those
implicit edges are not counted (our ``__init__`` files import nothing of ours).
"""

import ast
from pathlib import Path

import pytest
from frappe_rules import APP, REPO

# Modules outside demo/ that may import it: the bench command that loads the demo agency, and the benchmarks
# that build a regency from it (being moved to the root benchmarks/ folder).
DEMO_IMPORTERS = ("kinerja_asn.commands", "kinerja_asn.benchmarks.")


def module_name(path: Path, root: Path) -> str:
	parts = list(path.relative_to(root).with_suffix("").parts)
	return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(package: Path) -> dict[str, Path]:
	root = package.parent
	return {
		module_name(path, root): path
		for path in sorted(package.rglob("*.py"))
		if "__pycache__" not in path.parts
	}


def _targets(module: str, is_package: bool, node: ast.Import | ast.ImportFrom, known: set[str]) -> list[str]:
	if isinstance(node, ast.Import):
		names = [alias.name for alias in node.names]
	else:
		base = node.module or ""
		if node.level:  # relative import
			package = module.split(".") if is_package else module.split(".")[:-1]
			package = package[: len(package) - (node.level - 1)]
			base = ".".join([*package, base] if base else package)
		names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
	out = []
	for name in names:
		while name and name not in known:  # "kinerja_asn.forms.build.appraisal_form" -> the module
			name = name.rpartition(".")[0]
		if name and name != module:
			out.append(name)
	return out


def import_graph(package: Path) -> dict[str, dict[str, str]]:
	"""module -> {imported module of the package: "module" | "deferred" (inside a function only)}."""
	found = modules(package)
	known = set(found)
	graph: dict[str, dict[str, str]] = {name: {} for name in found}

	def visit(module: str, is_package: bool, node: ast.AST, deferred: bool) -> None:
		for child in ast.iter_child_nodes(node):
			inside = deferred or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
			if isinstance(child, ast.Import | ast.ImportFrom):
				for target in _targets(module, is_package, child, known):
					if not inside or target not in graph[module]:
						graph[module][target] = "deferred" if inside else "module"
			visit(module, is_package, child, inside)

	for name, path in found.items():
		visit(name, path.name == "__init__.py", ast.parse(path.read_text(encoding="utf-8")), False)
	return graph


def cycles(graph: dict[str, dict[str, str]]) -> list[list[str]]:
	"""The strongly connected components with more than one module (Tarjan), each sorted."""
	index: dict[str, int] = {}
	low: dict[str, int] = {}
	stack: list[str] = []
	on_stack: set[str] = set()
	found: list[list[str]] = []

	def connect(node: str) -> None:
		index[node] = low[node] = len(index)
		stack.append(node)
		on_stack.add(node)
		for target in graph[node]:
			if target not in index:
				connect(target)
				low[node] = min(low[node], low[target])
			elif target in on_stack:
				low[node] = min(low[node], index[target])
		if low[node] == index[node]:
			component = []
			while True:
				member = stack.pop()
				on_stack.discard(member)
				component.append(member)
				if member == node:
					break
			if len(component) > 1:
				found.append(sorted(component))

	for node in sorted(graph):
		if node not in index:
			connect(node)
	return found


def describe(graph: dict[str, dict[str, str]], component: list[str]) -> str:
	members = set(component)
	edges = [
		f"{source} -> {target}{' (inside a function)' if kind == 'deferred' else ''}"
		for source in component
		for target, kind in sorted(graph[source].items())
		if target in members
	]
	return "import cycle: " + "; ".join(edges)


def test_no_import_cycles():
	graph = import_graph(APP)
	assert len(graph) > 50, "the package was not found"
	assert [describe(graph, c) for c in cycles(graph)] == []


def test_forms_never_import_demo():
	"""The form pipeline and its sources are production code: the sample agency feeds them, never the
	other way round; outside demo/, only the demo's bench command (and the benchmarks) load it."""
	graph = import_graph(APP)
	wrong = sorted(
		f"{source} -> {target}"
		for source, targets in graph.items()
		for target in targets
		if target.startswith("kinerja_asn.demo")
		and not source.startswith("kinerja_asn.demo")
		and not source.startswith(DEMO_IMPORTERS)
	)
	assert wrong == []
	assert not (APP / "forms" / "sample.py").exists()


def test_forms_are_built_in_one_module():
	"""A form context names its template in its "form" key; only the pipeline (forms/build.py) makes one."""
	makers = sorted(
		str(path.relative_to(REPO))
		for path in APP.rglob("*.py")
		if not path.name.startswith("test_")
		and any(
			isinstance(node, ast.Dict)
			and any(isinstance(key, ast.Constant) and key.value == "form" for key in node.keys)
			for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
		)
	)
	assert makers == ["kinerja_asn/forms/build.py"]


# --- the checks bite -------------------------------------------------------------------------------------


def write(root: Path, files: dict[str, str]) -> Path:
	for name, text in files.items():
		path = root / name
		path.parent.mkdir(parents=True, exist_ok=True)
		path.write_text(text, encoding="utf-8")
	return root / "pkg"


@pytest.mark.parametrize(
	"b_imports_a",
	[
		"from pkg import a\n",
		"from . import a\n",
		"import pkg.a\n",
		"from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n\tfrom pkg.a import X\n",
		"def f():\n\tfrom pkg.sub.c import g\n",  # through c, inside a function
	],
)
def test_cycles_are_found(tmp_path, b_imports_a):
	package = write(
		tmp_path,
		{
			"pkg/__init__.py": "",
			"pkg/a.py": "from pkg import b\nX = 1\n",
			"pkg/b.py": b_imports_a,
			"pkg/sub/__init__.py": "",
			"pkg/sub/c.py": "from ..a import X\n",
		},
	)
	graph = import_graph(package)
	found = cycles(graph)
	assert len(found) == 1 and {"pkg.a", "pkg.b"} <= set(found[0]), found
	assert "pkg.a -> pkg.b" in describe(graph, found[0])


def test_no_cycle_no_report(tmp_path):
	package = write(
		tmp_path,
		{
			"pkg/__init__.py": "",
			"pkg/a.py": "from pkg import b\nimport os\n",
			"pkg/b.py": "from pkg.sub import c\n",
			"pkg/sub/__init__.py": "",
			"pkg/sub/c.py": "import json\n",
		},
	)
	graph = import_graph(package)
	assert graph["pkg.a"] == {"pkg.b": "module"} and graph["pkg.b"] == {"pkg.sub.c": "module"}
	assert cycles(graph) == []
