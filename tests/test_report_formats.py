"""Output formats: text, json, sarif, github — including hostile article text."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from healthlint import HOMEPAGE
from healthlint.report.findings import FileResult, Finding, Related, RunResult
from healthlint.report import FORMATS, render, use_color
from healthlint.report.github import escape_data, escape_property
from healthlint.kinds.rule import Rule

SCHEMA = Path(__file__).resolve().parents[2] / "shared/schemas/sarif-schema-2.1.0.json"
HOSTILE = "bad%0A::error title=x::pwned\nnext\r\x1b[31mred\x1b[0m <script>alert(1)</script>, a:b \x07\x9b\u202e"


def rule(rid: str, severity: str, category: str, **kw: object) -> Rule:
    return Rule(
        id=rid, pack="core", category=category, severity=severity,
        message=f"{rid} message", rationale=kw.pop("rationale", f"Why {rid} matters.\nMore."),
        sources=kw.pop("sources", ["https://example.org/evidence"]), kind="phrase", settings={},
        **kw,  # type: ignore[arg-type]
    )


def make_run(message: str = "“Cures” overstates the trial") -> RunResult:
    rules = {
        "absolute-cure": rule("absolute-cure", "error", "overclaim", summary="Cure claims need trials",
                              examples_fire=["This `tea` cures cancer."], examples_pass=["may help"]),
        "weasel-stat": rule("weasel-stat", "warning", "statistics"),
        "unused-rule": rule("unused-rule", "info", "style"),
    }
    b = FileResult("docs/b article,v2.md", findings=[
        Finding("weasel-stat", "warning", "Unsourced percentage", 50, 53, "docs/b article,v2.md",
                7, 3, 7, 6, "statistics"),
        Finding("absolute-cure", "error", message, 10, 15, "docs/b article,v2.md", 2, 5, 2, 10,
                "overclaim", related=[Related("the study was in mice", 4, 1, 4, 22)]),
    ])
    a = FileResult("a.md", findings=[
        Finding("weasel-stat", "info", "Vague quantifier", 1, 5, "a.md", 1, 2, 1, 6, "statistics"),
    ], notices=["decoded as latin-1"])
    return RunResult(
        files=[b, FileResult("missing.md", error="cannot read: No such file"),
               FileResult("img.png", error="binary file", skipped=True), a],
        rules=rules, fail_on="warning", tool_version="0.1.0",
    )


def out(fmt: str, run: RunResult, color: bool = False) -> str:
    buf = io.StringIO()
    render(fmt, run, buf, color=color)
    return buf.getvalue()


# -- dispatcher ---------------------------------------------------------------

def test_unknown_format_is_rejected() -> None:
    assert FORMATS == ("text", "json", "sarif", "github", "gitlab", "junit", "html")
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render("xml", make_run(), io.StringIO())


def test_formats_are_imported_lazily() -> None:
    code = ("import sys, healthlint.report as r; "
            "assert not [m for m in sys.modules if m.startswith('healthlint.report.')], sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True,
                   env={"PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")})


def test_use_color(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(var, raising=False)
    assert use_color(io.StringIO(), "always") and not use_color(io.StringIO(), "never")
    assert not use_color(io.StringIO())  # not a tty
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(io.StringIO())


# -- text -----------------------------------------------------------------------

def test_text_lines_and_summary() -> None:
    assert out("text", make_run()).splitlines() == [
        "a.md: notice: decoded as latin-1",
        "a.md:1:2: info [weasel-stat] Vague quantifier",
        "docs/b article,v2.md:2:5: error [absolute-cure] “Cures” overstates the trial",
        "docs/b article,v2.md:7:3: warning [weasel-stat] Unsourced percentage",
        "img.png: notice: binary file",
        "missing.md: error: cannot read: No such file",
        "",
        "2 files checked, 2 skipped: 3 findings (1 error, 1 warning, 1 info)",
    ]


def test_text_no_findings_summary() -> None:
    run = RunResult(files=[FileResult("a.md"), FileResult("b.md")], rules={})
    assert out("text", run) == "2 files checked: no findings\n"
    one = RunResult(files=[FileResult("a.md")], rules={})
    assert out("text", one) == "1 file checked: no findings\n"


def test_text_color_only_when_asked() -> None:
    plain, colored = out("text", make_run()), out("text", make_run(), color=True)
    assert "\x1b" not in plain
    assert "\x1b[1;31merror\x1b[0m" in colored and "\x1b[33mwarning\x1b[0m" in colored
    assert "\x1b[1mdocs/b article,v2.md:2:5\x1b[0m" in colored
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == plain


def test_text_neutralises_hostile_message_and_path() -> None:
    run = make_run(HOSTILE)
    run.files[0].path = run.files[0].findings[1].path = "evil\x1b]0;title\x07.md"
    text = out("text", run)
    assert "\x1b" not in text and "\r" not in text and "\x07" not in text and "\x9b" not in text
    line = next(ln for ln in text.splitlines() if "absolute-cure" in ln)
    assert line == (
        "evil\\x1b]0;title\\x07.md:2:5: error [absolute-cure] bad%0A::error title=x::pwned\\x0anext\\x0d"
        "\\x1b[31mred\\x1b[0m <script>alert(1)</script>, a:b \\x07\\x9b\\u202e"
    )
    # Colour codes are ours alone: the planted ones stay escaped.
    colored = out("text", run, color=True)
    assert "\x1b[31m" not in colored and "\\x1b[31mred" in colored


# -- json -----------------------------------------------------------------------

def test_json_contract_and_order() -> None:
    run = make_run()
    doc = json.loads(out("json", run))
    assert set(doc) == {"findings", "summary"}
    assert doc["summary"] == run.summary()
    keys = {"path", "line", "column", "end_line", "end_column", "rule", "severity", "message"}
    assert all(keys <= set(f) for f in doc["findings"])
    assert [(f["path"], f["line"], f["column"]) for f in doc["findings"]] == [
        ("a.md", 1, 2), ("docs/b article,v2.md", 2, 5), ("docs/b article,v2.md", 7, 3)]
    assert doc["findings"][1]["related"][0]["message"] == "the study was in mice"
    assert doc["summary"]["errors"] == [{"path": "missing.md", "message": "cannot read: No such file"},
                                        {"path": "img.png", "message": "binary file"}]


def test_json_is_utf8_and_has_no_raw_controls() -> None:
    raw = out("json", make_run(HOSTILE + "\x7f\u2028"))
    assert "“Cures”" not in raw and "<script>" in raw
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u202e]", raw)
    assert json.loads(raw)["findings"][1]["message"] == HOSTILE + "\x7f\u2028"
    assert "“Cures”" in out("json", make_run())  # ensure_ascii=False


# -- sarif ----------------------------------------------------------------------

def sarif(run: RunResult | None = None) -> dict:
    return json.loads(out("sarif", run or make_run()))


def test_sarif_validates_against_schema() -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not available at {SCHEMA}")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    for run in (make_run(), make_run(HOSTILE), RunResult(files=[], rules={})):
        errors = sorted(validator.iter_errors(sarif(run)), key=str)
        assert not errors, errors[0]


def test_sarif_structure() -> None:
    log = sarif()
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("healthlint", "0.1.0")
    assert driver["informationUri"] == HOMEPAGE  # the repository: healthlint is not on PyPI
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["absolute-cure", "unused-rule", "weasel-stat"]
    cure = rules[0]
    assert cure["name"] == "AbsoluteCure"
    assert cure["shortDescription"]["text"] == "Cure claims need trials"
    assert cure["fullDescription"]["text"].startswith("Why absolute-cure matters.")
    assert cure["defaultConfiguration"]["level"] == "error"
    assert rules[1]["defaultConfiguration"]["level"] == "note"
    assert cure["properties"] == {"category": "overclaim", "tags": ["core", "overclaim"]}
    assert "https://example.org/evidence" in cure["help"]["text"]
    assert "``This `tea` cures cancer.``" in cure["help"]["markdown"]

    results = run["results"]
    assert [r["ruleId"] for r in results] == ["weasel-stat", "absolute-cure", "weasel-stat"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    assert [r["level"] for r in results] == ["note", "error", "warning"]
    cure_result = results[1]
    loc = cure_result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "docs/b%20article%2Cv2.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 10}
    assert cure_result["relatedLocations"] == [{
        "id": 0, "message": {"text": "the study was in mice"},
        "physicalLocation": {
            "artifactLocation": {"uri": "docs/b%20article%2Cv2.md", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 22}},
    }]
    assert "relatedLocations" not in results[0]

    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False  # missing.md could not be read
    notes = {(n["level"], n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              n["message"]["text"]) for n in inv["toolExecutionNotifications"]}
    assert notes == {("error", "missing.md", "cannot read: No such file"),
                     ("note", "img.png", "binary file"), ("note", "a.md", "decoded as latin-1")}


def test_sarif_fingerprints_stable_and_distinct() -> None:
    fps = [r["partialFingerprints"]["healthlint/v1"] for r in sarif()["runs"][0]["results"]]
    assert len(set(fps)) == 3
    moved = make_run()
    for f in moved.findings:
        f.line += 10
        f.end_line += 10
    assert [r["partialFingerprints"] for r in sarif(moved)["runs"][0]["results"]] == [
        r["partialFingerprints"] for r in sarif()["runs"][0]["results"]]
    # The same message twice in one file still gives two fingerprints.
    twice = make_run()
    twice.files[0].findings.append(Finding("weasel-stat", "warning", "Unsourced percentage", 90, 93,
                                           "docs/b article,v2.md", 9, 1, 9, 4))
    fps = [r["partialFingerprints"]["healthlint/v1"] for r in sarif(twice)["runs"][0]["results"]]
    assert len(set(fps)) == 4 and fps[-1].endswith(":2")


def test_sarif_uris_and_unknown_rules() -> None:
    run = RunResult(files=[
        FileResult("./sub/100% ü#?.md", findings=[Finding("ghost-rule", "info", "m", 0, 1,
                                                          "./sub/100% ü#?.md", 1, 1, 1, 2)]),
        FileResult("/abs/x y.md", error="boom"),
    ], rules={})
    log = sarif(run)
    res = log["runs"][0]["results"][0]
    assert res["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "sub/100%25%20%C3%BC%23%3F.md", "uriBaseId": "%SRCROOT%"}
    assert log["runs"][0]["tool"]["driver"]["rules"] == [{"id": "ghost-rule", "name": "GhostRule"}]
    assert res["ruleIndex"] == 0
    note = log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///abs/x%20y.md"}


def test_sarif_has_no_raw_controls() -> None:
    raw = out("sarif", make_run(HOSTILE))
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", raw)
    assert json.loads(raw)["runs"][0]["results"][1]["message"]["text"] == HOSTILE


# -- github ---------------------------------------------------------------------

def test_github_commands() -> None:
    assert out("github", make_run()).splitlines() == [
        "::error file=missing.md::cannot read: No such file",
        "::notice file=img.png::binary file",
        "::notice file=a.md::decoded as latin-1",
        "::notice file=a.md,line=1,col=2,endLine=1,endColumn=6,title=healthlint [weasel-stat]::Vague quantifier",
        "::error file=docs/b article%2Cv2.md,line=2,col=5,endLine=2,endColumn=10,"
        "title=healthlint [absolute-cure]::“Cures” overstates the trial",
        "::warning file=docs/b article%2Cv2.md,line=7,col=3,endLine=7,endColumn=6,"
        "title=healthlint [weasel-stat]::Unsourced percentage",
        "2 files checked, 2 skipped: 3 findings (1 error, 1 warning, 1 info)",
    ]


def test_github_escapes_hostile_message_and_path() -> None:
    run = make_run(HOSTILE)
    path = "dir:x,y\n::error::%0A.md"
    run.files[0].path = run.files[0].findings[1].path = path
    text = out("github", run)
    line = next(ln for ln in text.splitlines() if "absolute-cure" in ln)
    assert line == (
        "::error file=dir%3Ax%2Cy%0A%3A%3Aerror%3A%3A%250A.md,line=2,col=5,endLine=2,endColumn=10,"
        "title=healthlint [absolute-cure]::bad%250A::error title=x::pwned%0Anext%0D"
        "\\x1b[31mred\\x1b[0m <script>alert(1)</script>, a:b \\x07\\x9b\\u202e"
    )
    # Every line is either a command we emitted or the plain summary.
    lines = text.splitlines()
    assert len(lines) == 7 and all(ln.startswith("::") for ln in lines[:-1])
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)


def _unescape(s: str, prop: bool) -> str:
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if prop else [])
    for k, v in pairs + [("%25", "%")]:
        s = s.replace(k, v)
    return s


@given(st.text())
def test_github_escaping_round_trips(s: str) -> None:
    data, prop = escape_data(s), escape_property(s)
    assert "\n" not in data + prop and "\r" not in data + prop
    assert ":" not in prop and "," not in prop
    assert _unescape(data, prop=False) == s and _unescape(prop, prop=True) == s


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_handles_an_empty_run(fmt: str) -> None:
    text = out(fmt, RunResult(files=[], rules={}))
    assert text.endswith("\n") and "\x1b" not in text


def _many(n: int) -> RunResult:
    """A run with ``n`` findings over two files, some with related places and fixes."""
    base = make_run(HOSTILE)
    extra = []
    for i in range(n):
        rel = [Related(f"evidence {i}\u2028", i, 1, i, 4)] if i % 3 == 0 else []
        extra.append(Finding("weasel-stat" if i % 2 else "absolute-cure", ("info", "warning", "error")[i % 3],
                             f"message {i % 7} \x1b[0m", i, i + 3, f"f{i % 2}.md", 1 + i % 50, 1 + i % 9,
                             2 + i % 50, 3, "statistics", rel, "rewrite" if i % 5 == 0 else None))
    base.files.append(FileResult("f.md", findings=extra))
    return base


@pytest.mark.parametrize("n", [0, 1, 2, 57])
def test_streamed_json_and_sarif_match_one_dump(n: int) -> None:
    from healthlint.report import sarif
    from healthlint.report.json_out import dumps

    run = _many(n)
    findings = sorted(run.findings, key=lambda f: f.sort_key())
    whole = {"findings": [f.to_dict() for f in findings], "summary": run.summary()}
    assert out("json", run) == dumps(whole) + "\n"
    assert out("sarif", run) == dumps(sarif.build(run)) + "\n"
    assert json.loads(out("sarif", run))["runs"][0]["results"] == json.loads(dumps(sarif.build(run)))[
        "runs"][0]["results"]


@pytest.mark.parametrize("color", [False, True])
def test_text_rows_sort_like_one_list(color: bool) -> None:
    from healthlint.report.text import _SGR, _paint, file_messages, neutralise, summary_line

    run = _many(30)
    rows = []  # the report as one sorted list of every row (file messages first, then findings)
    for i, (path, level, msg) in enumerate(file_messages(run)):
        rows.append(((path, 0, 0, "", i), f"{_paint(neutralise(path), 'path', color)}: "
                     f"{_paint(level, level, color)}: {neutralise(msg)}"))
    for f in run.findings:
        where = _paint(f"{neutralise(f.path)}:{f.line}:{f.column}", "path", color)
        sev = _paint(f.severity, f.severity if f.severity in _SGR else "warning", color)
        rows.append((f.sort_key(), f"{where}: {sev} [{neutralise(f.rule)}] {neutralise(f.message)}"))
    rows.sort(key=lambda r: r[0])
    want = "".join(line + "\n" for _, line in rows) + "\n" + _paint(summary_line(run), "summary", color) + "\n"
    assert out("text", run, color=color) == want
    assert len(rows) == len(run.findings) + 3


def test_neutralise_shortcut_is_exact() -> None:
    """neutralise() returns printable strings untouched: no character it escapes is printable."""
    import sys

    from healthlint.report.text import UNSAFE, neutralise

    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c.isprintable() and UNSAFE.match(c)]
    assert neutralise("a\u202eb\x1b") == "a\\u202eb\\x1b" and neutralise("plain é ²") == "plain é ²"
