"""``--format html``: a self-contained page, with every piece of article text escaped.
(The browser test is ``test_html_report_browser.py``.)"""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from conftest import REPO, run_cli


class Page(HTMLParser):
    """The elements of a page (tag, attributes, text inside), for assertions."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict[str, Any]] = []
        self.open: list[dict[str, Any]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(el)
        if tag not in ("meta", "input", "br", "img", "link", "hr"):
            self.open.append(el)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i]["tag"] == tag:
                del self.open[i:]
                break

    def handle_data(self, data: str) -> None:
        for el in self.open:
            el["text"] += data

    def find(self, tag: str | None = None, cls: str | None = None) -> list[dict[str, Any]]:
        return [e for e in self.elements if (tag is None or e["tag"] == tag)
                and (cls is None or cls in (e["attrs"].get("class") or "").split())]


def _report(tmp_path: Path, *paths: str, cwd: Path | None = None, stdin: str | None = None,
            extra: list[str] | None = None) -> tuple[str, dict[str, Any]]:
    out = tmp_path / "report.html"
    args = ["check", "--no-cache", *(extra or [])]
    code, _, err = run_cli([*args, "--format", "html", "--output", str(out), *paths], stdin=stdin, cwd=cwd)
    missing = any(p != "-" and not (cwd or Path.cwd()).joinpath(p).exists() for p in paths)
    assert code == 2 if missing else code in (0, 1), err  # a path that does not exist: exit status 2
    _, js, _ = run_cli([*args, "--format", "json", *paths], stdin=stdin, cwd=cwd)
    return out.read_text(encoding="utf-8"), json.loads(js)


def test_report_of_the_examples_is_self_contained_and_complete(tmp_path: Path) -> None:
    html, data = _report(tmp_path, "examples", cwd=REPO)
    page = Page(html)
    # no external assets: nothing loaded from anywhere, one inline script, inline style
    assert not page.find("link") and not page.find("img") and not page.find("iframe")
    assert all("src" not in e["attrs"] for e in page.elements)
    assert all(not (e["attrs"].get("href") or "#").split("#")[0] for e in page.find("a"))  # in-page links only
    assert len(page.find("script")) == 1 and len(page.find("style")) == 1
    assert "default-src 'none'" in html  # and the page forbids loading anything
    # every finding has a card, with its rule, severity and message
    cards = page.find("div", "finding")
    assert sorted((c["attrs"]["data-rule"], c["attrs"]["data-sev"]) for c in cards) == sorted(
        (f["rule"], f["severity"]) for f in data["findings"])
    for f in data["findings"]:
        assert any(f["message"] in c["text"] for c in cards if c["attrs"]["data-rule"] == f["rule"])
    # the flagged words are highlighted by severity, document-wide findings are not
    marks = {(m["text"], m["attrs"]["class"]) for m in page.find("mark", "hl")}
    assert ("Studies show", "hl sev-warning") in marks
    assert ("the most important mineral", "hl sev-warning") in marks
    assert ("significant", "hl sev-error") in marks
    # overlapping findings (the causal claim's sentence, the disease claim's words) split the sentence's marks
    assert {("Eating more magnesium ", "hl sev-warning"), ("prevents insomnia", "hl sev-warning")} <= marks
    whole = page.find("div", "whole")[0]["text"]
    assert "missing-disclaimer" in whole and "readability" in whole
    assert not any(m["text"] == "---" for m in page.find("mark"))  # not on the front matter's fence
    # the evidence is linked to its line, and underlined there
    source = (REPO / "examples" / "magnesium-sleep.md").read_text(encoding="utf-8").splitlines()
    ev_line = next(i for i, line in enumerate(source, 1) if "cohort study" in line)
    assert any(a["attrs"].get("href") == f"#a1-L{ev_line}" for a in page.find("a"))
    assert any(e["text"] == "cohort study" for e in page.find("span", "ev"))
    assert any(e["attrs"].get("id") == f"a1-L{ev_line}" for e in page.find("div", "ln"))
    # summary: one row per rule, one per file, with bars; filters for every rule and severity
    assert {e["attrs"]["value"] for e in page.find("input", "f-rule")} == {f["rule"] for f in data["findings"]}
    assert {e["attrs"]["value"] for e in page.find("input", "f-sev")} == {"error", "warning", "info"}
    assert len(page.find("span", "bar")) >= len({f["rule"] for f in data["findings"]})
    assert "examples/README.md" in html  # a clean file is listed in the summary
    # each rule's explanation is in the page once, and each card can open it
    docs = page.find("details", "ruledoc")
    assert len(docs) == len({f["rule"] for f in data["findings"]})
    assert all(d["attrs"]["data-doc"].startswith("doc-r") for d in page.find("details", "explain"))


HOSTILE = """\
# Title with "quotes" & 'apostrophes' <b>bold</b>

<script>alert("pwned")</script>

Studies show that "<img src=x onerror=alert(1)>" is the most important thing \u202e & more\x1b[31m.

</textarea><style>body{display:none}</style> Tea cures cancer, say 'experts' -->.
"""


def test_hostile_article_and_file_name_are_escaped(tmp_path: Path) -> None:
    name = 'x"<b>&\'.md'
    (tmp_path / name).write_text(HOSTILE, encoding="utf-8")
    html, data = _report(tmp_path, name, cwd=tmp_path)
    assert data["findings"]
    page = Page(html)
    # the only script, style and markup are the report's own
    assert len(page.find("script")) == 1 and len(page.find("style")) == 1
    assert not page.find("img") and not page.find("textarea")
    assert all(b["text"].isdigit() for b in page.find("b"))  # the report's own counts, not the title's <b>
    assert "alert(\"pwned\")" not in page.find("script")[0]["text"]
    # the article text is shown, as text
    text = "".join(e["text"] for e in page.find("span", "tx"))
    assert '<script>alert("pwned")</script>' in text
    assert "\"<img src=x onerror=alert(1)>\"" in text
    assert "</textarea><style>body{display:none}</style>" in text
    # control characters are visible escapes, never raw
    assert "\u202e" not in html and "\x1b" not in html
    assert any(e["text"] == "\\u202e" for e in page.find("span", "ctl"))
    assert any(e["text"] == "\\x1b" for e in page.find("span", "ctl"))
    # the file name is escaped where it is shown and never used in an id
    assert any(e["text"] == name for e in page.find("span", "path"))
    assert all(name not in (e["attrs"].get("id") or "") for e in page.elements)
    # quotes inside attribute values cannot end them: every title parses back to its message
    titles = [m["attrs"]["title"] for m in page.find("mark", "hl")]
    assert titles and any('"<img src=x onerror=alert(1)>"' in t or "Studies show" in t for t in titles)


def test_findings_of_text_that_cannot_be_read_again_are_shown_without_it(tmp_path: Path) -> None:
    text = "Magnesium is the most important mineral for relaxation.\n"
    html, data = _report(tmp_path, "-", stdin=text, cwd=tmp_path, extra=["--stdin-filename", "draft.md"])
    page = Page(html)
    assert [c["attrs"]["data-rule"] for c in page.find("div", "finding")] == [f["rule"] for f in data["findings"]]
    assert not page.find("div", "text") and not page.find("mark")
    assert "could not be read again" in html


def test_an_unreadable_file_is_named_and_the_others_reported(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("Magnesium is the most important mineral for relaxation.\n", encoding="utf-8")
    (tmp_path / "bin.md").write_bytes(b"\x00\x01binary")
    html, _ = _report(tmp_path, "good.md", "bin.md", "missing.md", cwd=tmp_path)
    page = Page(html)
    assert [m["text"] for m in page.find("mark", "hl")] == ["the most important mineral"]
    notes = " ".join(e["text"] for e in page.find(None, "note"))
    assert "binary" in notes and "missing.md" in html


def test_no_findings_still_makes_a_page(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("A plain sentence.\n", encoding="utf-8")
    html, _ = _report(tmp_path, "ok.md", cwd=tmp_path)
    page = Page(html)
    assert not page.find("div", "finding") and "No findings." in html


def test_html_goes_to_stdout_without_output(tmp_path: Path) -> None:
    shutil.copy(REPO / "examples" / "magnesium-sleep.md", tmp_path / "a.md")
    code, out, _ = run_cli(["check", "--no-cache", "--format", "html", "a.md"], cwd=tmp_path)
    assert code == 1 and out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")


def test_the_hostile_project_of_the_safety_tests_in_html(tmp_path: Path) -> None:
    """The project ``test_hostile.py`` throws at every report format: control characters,
    NUL, bidi overrides and markup in article text, file names and rule messages."""
    from test_hostile import EVIL_NAME, _evil_project

    _evil_project(tmp_path)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    code, stdout, err = run_cli(["check", "--no-cache", "-j1", "--format", "html", "-o", str(out), "."], cwd=tmp_path)
    assert code == 1, err
    html = out.read_text(encoding="utf-8")
    for bad in ("\x1b", "\x00", "\x07", "\u202e", "\u202c"):
        assert bad not in html and bad not in stdout and bad not in err, repr(bad)
    page = Page(html)
    assert len(page.find("script")) == 1 and not page.find("img")
    shown = "".join(e["text"] for e in page.find("span", "path"))
    assert EVIL_NAME.replace("\x1b", "\\x1b").replace("\u202e", "\\u202e") in shown
    # the UTF-16 file is read again as the linter read it: highlights land on the flagged words
    assert any(m["text"].startswith("<script>alert(1)</script>") for m in page.find("mark", "hl"))
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == before
