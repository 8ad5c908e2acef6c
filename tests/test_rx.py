"""``rx``: regex patterns from the pattern cache, without loading regex's Python layer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import regex

from healthlint import recache, rx

ARTICLE = (
    "# Coffee cures everything\n\nStudies show that coffee prevents cancer. In a study of mice, caffeine "
    "reduced tumours by 50%. Buy our coffee beans online today and use code HEALTH10.\n"
)


# regex's compiled code lists some characters in set order: the same string hashing in every
# process makes the code of a pattern compiled here and there byte for byte the same
_ENV = dict(os.environ, PYTHONHASHSEED="0")


def _python(code: str, cwd: Path, drop_results: bool = False) -> str:
    if drop_results:  # linted again, not served from the results cache; the pattern cache stays
        import shutil

        for d in (cwd / "cache").glob("v*"):
            shutil.rmtree(d)
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env=_ENV)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_flag_values_are_regex_s() -> None:
    for name in ("IGNORECASE", "MULTILINE", "DOTALL", "VERSION0"):
        assert getattr(rx, name) == int(getattr(regex, name)), name


def test_other_names_are_regex_s() -> None:
    assert rx.escape("a.b") == regex.escape("a.b")
    assert rx.error is regex.error
    with pytest.raises(AttributeError):
        rx.__wrapped__  # noqa: B018 - dunder names are not forwarded


@pytest.fixture
def warm(tmp_path: Path) -> Path:
    """A project whose pattern cache a first (cold) run has filled."""
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".healthlint.yaml").write_text("select: [ALL]\n", encoding="utf-8")
    cold = subprocess.run([sys.executable, "-m", "healthlint", "check", "--cache-dir", "cache", "--format", "json",
                           "a.md"], cwd=tmp_path, capture_output=True, text=True, timeout=300, env=_ENV)
    assert cold.returncode == 1 and json.loads(cold.stdout)["findings"], cold.stderr
    assert list((tmp_path / "cache").glob("patterns-*.bin"))
    (tmp_path / "cold.json").write_text(cold.stdout, encoding="utf-8")
    return tmp_path


def test_a_warm_run_never_loads_regex_python_layer_and_finds_the_same(warm: Path) -> None:
    out = _python("""
        import io, json, sys, contextlib
        from healthlint.cli import main
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            code = main(["check", "--cache-dir", "cache", "--format", "json", "a.md"])
        print(json.dumps([code, buf.getvalue(), sorted(m for m in sys.modules if m.startswith("regex"))]))
        """, warm, drop_results=True)
    code, report, modules = json.loads(out)
    assert modules == ["regex", "regex._regex"]
    assert code == 1 and json.loads(report) == json.loads((warm / "cold.json").read_text(encoding="utf-8"))


def test_patterns_from_the_cache_are_what_regex_compiles(warm: Path) -> None:
    """Each pattern :func:`rx.compile` serves is the pattern regex compiles for those arguments: the
    same groups and flags, the same matches. (Its code may list a set's characters in another
    order: regex builds some of it from sets.)"""
    out = _python("""
        import json, sys
        from pathlib import Path
        from healthlint import recache, rx
        recache.restore(Path("cache"))
        import healthlint.linter, healthlint.context, healthlint.readers.markdown  # compile at import
        served = {k: rx.compile(*k) for k in rx._READY}
        assert "regex._main" not in sys.modules
        import regex
        text = Path("a.md").read_text() + " <!-- healthlint-disable overclaim --> \\r\\n 3,964 adults (p = 0.21)"
        def same(k, got):
            want = regex.compile(*k)
            return (got is rx._READY[k] and got is not want and got.pattern == want.pattern
                    and got.flags == want.flags and got.groupindex == want.groupindex
                    and [m.regs for m in got.finditer(text)] == [m.regs for m in want.finditer(text)])
        print(json.dumps([len(served), [k[0] for k, v in served.items() if not same(k, v)]]))
        """, warm)
    count, different = json.loads(out)
    assert count > 100 and different == []


def test_regex_imported_after_the_engine_alone_works_in_full(tmp_path: Path) -> None:
    out = _python("""
        import json, sys
        from healthlint import rx
        assert rx.engine() is not None and "regex._main" not in sys.modules
        import regex
        from regex import escape, sub
        got = [regex.compile(r"(a)(b)?").sub(r"\\1-", "abaa"), escape("a+b"), sub("x", "y", "xx"),
               regex.__version__ != "", "regex._main" in sys.modules, type(regex).__name__]
        try:
            regex.compile("(")
        except regex.error:
            got.append("error")
        print(json.dumps(got))
        """, tmp_path)
    assert json.loads(out) == ["a-a-a-", regex.escape("a+b"), "yy", True, True, "module", "error"]


def test_setting_the_default_version_before_regex_loads_is_kept(tmp_path: Path) -> None:
    """``regex.DEFAULT_VERSION = V1`` on the package not yet initialised: the __init__ runs first,
    so the setting stands, and :func:`rx.compile` leaves such patterns to regex."""
    out = _python("""
        import json, sys
        from healthlint import rx
        rx.engine()
        import regex
        regex.DEFAULT_VERSION = 256  # VERSION1, set before anything else read the package
        print(json.dumps([rx.compile(r"[[a]b]").findall("ab]"), int(regex.DEFAULT_VERSION)]))
        """, tmp_path)
    assert json.loads(out) == [["a", "b"], 256]


def test_a_changed_default_version_is_left_to_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = r"[[a]b]"  # a nested set in version 1, something else in version 0
    monkeypatch.setitem(rx._READY, (pattern, 0), regex.compile(pattern, regex.VERSION0))
    assert rx.compile(pattern) is rx._READY[(pattern, 0)]
    assert rx.compile(pattern).findall("ab]") == ["ab]"]
    monkeypatch.setattr(regex, "DEFAULT_VERSION", regex.VERSION1)
    assert rx.compile(pattern).findall("ab]") == ["a", "b"]


def test_the_pattern_file_name_follows_the_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = rx.engine()
    before = recache._file(tmp_path)

    class Other:
        MAGIC = getattr(real, "MAGIC", 0) + 1
        CODE_SIZE = getattr(real, "CODE_SIZE", 4)
        __file__ = getattr(real, "__file__", "")

    monkeypatch.setattr(rx, "_engine", Other())
    assert recache._file(tmp_path) != before
    monkeypatch.setattr(Other, "MAGIC", getattr(real, "MAGIC", 0))
    assert recache._file(tmp_path) == before
    monkeypatch.setattr(Other, "__file__", str(tmp_path / "_regex.so"))  # another build of the engine
    assert recache._file(tmp_path) != before


def test_lazypkg_leaves_imported_and_missing_packages_alone() -> None:
    import sys

    from healthlint import lazypkg

    before = sys.modules["regex"]
    assert lazypkg.register("regex") is False and sys.modules["regex"] is before
    assert lazypkg.register("no_such_package_for_healthlint") is False
    assert "no_such_package_for_healthlint" not in sys.modules


def test_a_short_new_pattern_is_stored_so_the_next_run_does_not_miss(warm: Path) -> None:
    """However short (a rule edited, a pattern changed), a pattern the cache lacked is stored."""
    code = """
        import json, sys
        from pathlib import Path
        from healthlint import recache, rx
        recache.restore(Path("cache"))
        p = rx.compile(r"\\bshort-new-pattern\\b", rx.IGNORECASE)
        print(json.dumps([p.search("A SHORT-NEW-PATTERN here") is not None, "regex._main" in sys.modules,
                          recache.save(Path("cache"))]))
        """
    assert json.loads(_python(code, warm)) == [True, True, True]  # a miss: regex loaded, file rewritten
    assert json.loads(_python(code, warm)) == [True, False, False]  # found: nothing loaded, nothing new
