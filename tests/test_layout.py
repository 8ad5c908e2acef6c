"""The package's folders follow the pipeline: read -> analyse -> kinds -> checks -> report -> run.

A module may import from its own folder and from folders earlier in the pipeline, never
from a later one, so there is no import cycle between folders. ``errors.py`` and the
package's ``__init__.py`` come before every folder; ``__main__.py`` after them all.
Every import counts, including those inside functions and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "healthlint"
PIPELINE = ("read", "analyse", "kinds", "checks", "report", "run")
BASE = ("__init__", "errors", "lexicons")  # top-level modules (and the lexicons data package) every folder may use


def _unit(module: str) -> str:
    """The folder (or top-level module) of ``healthlint.x.y``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _rank(unit: str) -> int:
    if unit in BASE:
        return -1
    if unit in PIPELINE:
        return PIPELINE.index(unit)
    if unit == "__main__":
        return len(PIPELINE)
    raise AssertionError(f"healthlint.{unit} is in no folder of the pipeline")


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[str]:
    """The healthlint modules ``path`` imports (absolute names)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "healthlint"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] == "healthlint":
                # ``from . import x`` names a submodule when x is one
                subs = [f"{target}.{a.name}" for a in node.names]
                found += [s for s in subs if _exists(s)] or [target]
    return found


def _exists(module: str) -> bool:
    path = PACKAGE.parent.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _edges() -> set[tuple[str, str, str]]:
    """(importing unit, imported unit, importing module) for imports between units."""
    edges = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        for target in _imports(path):
            if _unit(target) != _unit(name):
                edges.add((_unit(name), _unit(target), name))
    return edges


def test_every_module_is_in_a_folder_of_the_pipeline() -> None:
    for path in PACKAGE.rglob("*.py"):
        _rank(_unit(_module_name(path)))


def test_imports_go_one_way_along_the_pipeline() -> None:
    backwards = sorted(f"{module} imports from {to}/" for src, to, module in _edges() if _rank(to) > _rank(src))
    assert not backwards, "\n".join(backwards)


def test_no_import_cycle_between_folders() -> None:
    graph: dict[str, set[str]] = {}
    for src, to, _ in _edges():
        graph.setdefault(src, set()).add(to)
    done: set[str] = set()

    def visit(unit: str, path: list[str]) -> None:
        if unit in path:
            raise AssertionError("import cycle: " + " -> ".join(path[path.index(unit):] + [unit]))
        if unit in done:
            return
        for nxt in sorted(graph.get(unit, ())):
            visit(nxt, path + [unit])
        done.add(unit)

    for unit in sorted(graph):
        visit(unit, [])


def test_the_check_finds_a_backward_import(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """The test above would see an import of run/ from read/ (here: a fake package)."""
    fake = tmp_path / "healthlint"
    for folder in ("read", "run"):
        (fake / folder).mkdir(parents=True)
        (fake / folder / "__init__.py").write_text("", encoding="utf-8")
    (fake / "__init__.py").write_text("", encoding="utf-8")
    (fake / "run" / "cli.py").write_text("", encoding="utf-8")
    (fake / "read" / "document.py").write_text("def f():\n    from ..run import cli\n", encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", fake)
    assert ("read", "run", "healthlint.read.document") in _edges()


def test_no_module_is_over_400_lines() -> None:
    """No module over 400 lines."""
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, long
