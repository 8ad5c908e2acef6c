"""``healthlint server`` end to end: the server runs as a subprocess and this test speaks
JSON-RPC to it over stdio (Content-Length framing, see ``lsp_client.py``), as an editor does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lsp_client import LspClient, apply_edits, utf16_index

from healthlint.run.explain import render_explanation
from healthlint.run.packs import load_rules

ARTICLE = """\
---
title: Sleep 😴 and magnesium
---

# Can magnesium help you sleep? 🌙

😴😴 Studies show that magnesium is the most important mineral for relaxation.

A large cohort study of 3,964 adults reported that people who ate more magnesium
were less likely to report short sleep. Eating more magnesium prevents insomnia.

🧪 Sleep quality was negatively correlated with screen time (r ¼ 0.41).
"""


def _start(tmp_path: Path, options: dict[str, Any] | None = None,
           capabilities: dict[str, Any] | None = None) -> tuple[LspClient, dict[str, Any]]:
    client = LspClient(str(tmp_path), {"XDG_CACHE_HOME": str(tmp_path / "user-cache"),
                                       "HEALTHLINT_LSP_DEBOUNCE_MS": "5000"})
    try:
        result = client.request("initialize", {
            "processId": None, "rootUri": tmp_path.as_uri(),
            "capabilities": capabilities or {"textDocument": {"publishDiagnostics": {"relatedInformation": True}}},
            "initializationOptions": {"debounceMs": 50, **(options or {})},
        })
        client.notify("initialized", {})
    except BaseException:
        client.kill()
        raise
    return client, result


def _open(client: LspClient, path: Path, text: str, language: str, version: int = 1) -> list[dict[str, Any]]:
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": path.as_uri(), "languageId": language, "version": version, "text": text}})
    return client.diagnostics(path.as_uri(), version)


def _change(client: LspClient, path: Path, text: str, version: int) -> list[dict[str, Any]]:
    client.notify("textDocument/didChange", {"textDocument": {"uri": path.as_uri(), "version": version},
                                             "contentChanges": [{"text": text}]})
    return client.diagnostics(path.as_uri(), version)


def _rng(line: int, start: int, end_line: int, end: int) -> dict[str, Any]:
    return {"start": {"line": line, "character": start}, "end": {"line": end_line, "character": end}}


def _by_rule(diags: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {d["code"]: d for d in diags}


def test_server_end_to_end(tmp_path: Path) -> None:
    doc = tmp_path / "article.md"
    doc.write_text("An older draft on disk: nothing to flag.\n", encoding="utf-8")  # the editor's text wins
    uri = doc.as_uri()
    client, init = _start(tmp_path)
    try:
        caps = init["capabilities"]
        assert caps["textDocumentSync"]["change"] == 1 and caps["textDocumentSync"]["openClose"]
        assert caps["textDocumentSync"]["save"] is not None
        assert caps["hoverProvider"] and caps["codeActionProvider"]
        assert caps.get("positionEncoding", "utf-16") == "utf-16"
        assert init["serverInfo"]["name"] == "healthlint"

        # --- didOpen: diagnostics of the in-memory text, ranges in UTF-16 code units
        diags = _open(client, doc, ARTICLE, "markdown")
        by = _by_rule(diags)
        assert {"unattributed-claim", "overclaim", "causal-from-association", "stat-inconsistency"} <= set(by)
        # line 7 (LSP 6): "😴😴 Studies show ...": two emoji are four UTF-16 units, then a space
        assert by["unattributed-claim"]["range"] == _rng(6, 5, 6, 17)
        emoji_line = ARTICLE.splitlines()[6]
        start = utf16_index(emoji_line, "the most important")
        assert start == 36
        assert by["overclaim"]["range"] == _rng(6, 36, 6, 62)
        stat_line = ARTICLE.splitlines()[11]
        assert by["stat-inconsistency"]["range"] == _rng(11, utf16_index(stat_line, "r ¼"), 11,
                                                         utf16_index(stat_line, "r ¼") + len("r ¼ 0.41"))
        d = by["overclaim"]
        assert d["severity"] == 2 and d["source"] == "healthlint" and d["message"].startswith('"the most important mineral"')
        assert by["stat-inconsistency"]["severity"] == 1
        # the rule's documentation: a link to its explanation
        href = d["codeDescription"]["href"]
        assert href.startswith("file://")
        rule = load_rules()["overclaim"]
        doc_text = Path(href[len("file://"):]).read_text(encoding="utf-8")
        assert "**Why:**" in doc_text and rule.examples_fire[0].split()[0] in doc_text
        # the evidence as related information
        [related] = by["causal-from-association"]["relatedInformation"]
        assert related["location"]["uri"] == uri
        assert related["location"]["range"] == _rng(8, 8, 8, 20)  # "cohort study"
        assert "observational" in related["message"]
        assert by["causal-from-association"]["range"]["start"]["line"] == 9

        # --- hover: the rule's explanation, as Markdown, over the flagged words only
        hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                      "position": {"line": 6, "character": 40}})
        assert hover["contents"]["kind"] == "markdown"
        value = hover["contents"]["value"]
        assert hover["range"] == _rng(6, 36, 6, 62)
        assert "`overclaim`" in value and "**Why:**" in value and "**Flagged:**" in value
        explained = render_explanation(rule)
        assert rule.sources[0] in explained and rule.sources[0].split()[0] in value
        assert " ".join(rule.rationale.split())[:40] in value
        assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": 4, "character": 3}}) is None

        # --- code actions on the damaged statistic: the safe fix and the directive
        stat = by["stat-inconsistency"]
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": stat["range"],
            "context": {"diagnostics": [stat], "only": ["quickfix"]}})
        titles = [a["title"] for a in actions]
        assert titles == ["Replace '¼' with '=' (r ¼ 0.41 → r = 0.41)",
                          "Disable stat-inconsistency for this line (healthlint-disable-next-line)"]
        fix, disable = actions
        assert fix["kind"] == "quickfix" and fix["isPreferred"] is True
        assert fix["diagnostics"][0]["code"] == "stat-inconsistency"
        fixed = apply_edits(ARTICLE, fix["edit"]["changes"][uri])
        assert fixed == ARTICLE.replace("(r ¼ 0.41)", "(r = 0.41)")
        suppressed = apply_edits(ARTICLE, disable["edit"]["changes"][uri])
        assert suppressed == ARTICLE.replace(
            "🧪 Sleep", "<!-- healthlint-disable-next-line stat-inconsistency -->\n🧪 Sleep")

        # --- didChange: the edited text is linted (after the debounce) and published for its version
        diags = _change(client, doc, fixed, 2)
        stats = [x for x in diags if x["code"] == "stat-inconsistency"]
        assert [x["message"] for x in stats if "damaged" in x["message"]] == []
        assert stats and "positive coefficient" in stats[0]["message"]  # r = 0.41 under "negatively"
        diags = _change(client, doc, suppressed, 3)
        assert "stat-inconsistency" not in _by_rule(diags) and "overclaim" in _by_rule(diags)

        # --- the directive for a finding in the middle of a line full of emoji
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": _rng(6, 40, 6, 40),  # inside the overclaim
            "context": {"diagnostics": []}})
        [only] = [a for a in actions if "overclaim" in a["title"]]
        after = apply_edits(suppressed, only["edit"]["changes"][uri])
        assert "<!-- healthlint-disable-next-line overclaim -->\n😴😴 Studies show" in after
        diags = _change(client, doc, after, 4)
        assert "overclaim" not in _by_rule(diags) and "unattributed-claim" in _by_rule(diags)

        # --- shutdown and exit: a clean end
        assert client.request("shutdown", None) is None
        client.notify("exit", None)
        assert client.proc.wait(timeout=60) == 0
    finally:
        client.kill()
    # the server wrote nothing into the project, and never the document
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.md", "user-cache"]
    assert doc.read_text(encoding="utf-8") == "An older draft on disk: nothing to flag.\n"


def test_crlf_plain_text_and_save(tmp_path: Path) -> None:
    doc = tmp_path / "notes.txt"
    text = "Sleep notes 🌙\r\n\r\n🌙 Zinc is the most important mineral for skin.\r\n"
    doc.write_text(text, encoding="utf-8", newline="")
    uri = doc.as_uri()
    client, _ = _start(tmp_path)
    try:
        diags = _open(client, doc, text, "plaintext")
        [d] = [x for x in diags if x["code"] == "overclaim"]
        assert d["range"] == _rng(2, 11, 2, 37)  # "🌙 " is three UTF-16 units; CRLF ends each line
        [action] = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}})
        changed = apply_edits(text, action["edit"]["changes"][uri])
        assert changed == text.replace("🌙 Zinc", "healthlint-disable-next-line overclaim\r\n🌙 Zinc")

        # a configuration written next to the file counts from the next lint; save lints again
        (tmp_path / ".healthlint.yaml").write_text("severity: {overclaim: error}\n", encoding="utf-8")
        client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        diags = client.diagnostics(uri)
        assert [x["severity"] for x in diags if x["code"] == "overclaim"] == [1]

        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        assert client.diagnostics(uri) == []
        assert client.close() == 0
    finally:
        client.kill()


def test_configuration_comes_from_the_documents_folder(tmp_path: Path) -> None:
    text = "Magnesium is the most important mineral for relaxation.\n"
    quiet, loud = tmp_path / "quiet", tmp_path / "loud"
    quiet.mkdir()
    loud.mkdir()
    (quiet / ".healthlint.yaml").write_text("ignore: [overclaim]\n", encoding="utf-8")
    (loud / "pyproject.toml").write_text("[tool.healthlint]\nseverity = {overclaim = 'error'}\n", encoding="utf-8")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / ".healthlint.yaml").write_text("select: [no-such-rule]\n", encoding="utf-8")
    client, _ = _start(tmp_path)
    try:
        assert [d["code"] for d in _open(client, quiet / "a.md", text, "markdown")] == []
        assert [(d["code"], d["severity"]) for d in _open(client, loud / "a.md", text, "markdown")] == [("overclaim", 1)]
        [err] = _open(client, broken / "a.md", text, "markdown")
        assert err["severity"] == 1 and "no-such-rule" in err["message"] and err["code"] == "configuration"
        # documents healthlint does not read get no diagnostics
        assert _open(client, tmp_path / "a.py", "# Studies show X\n", "python") == []
        # a language id decides over the extension: an untitled buffer in Markdown
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": "untitled:Untitled-1", "languageId": "markdown", "version": 1, "text": text}})
        assert [d["code"] for d in client.diagnostics("untitled:Untitled-1")] == ["overclaim"]
        assert client.close() == 0
    finally:
        client.kill()


def test_utf8_position_encoding_when_the_client_prefers_it(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    text = "😴 Magnesium is the most important mineral.\n"
    client, init = _start(tmp_path, capabilities={"general": {"positionEncodings": ["utf-8", "utf-16"]}})
    try:
        assert init["capabilities"]["positionEncoding"] == "utf-8"
        [d] = _open(client, doc, text, "markdown")
        start = len(text[: text.index("the most")].encode("utf-8"))
        assert d["range"] == _rng(0, start, 0, start + len("the most important mineral"))
        assert client.close() == 0
    finally:
        client.kill()


def test_changes_are_debounced(tmp_path: Path) -> None:
    import time

    doc = tmp_path / "a.md"
    client, _ = _start(tmp_path, options={"debounceMs": 1500})
    try:
        _open(client, doc, "Nothing here.\n", "markdown")  # opening lints at once
        for version in range(2, 7):  # typing: only the last version is linted, once typing pauses
            client.notify("textDocument/didChange", {"textDocument": {"uri": doc.as_uri(), "version": version},
                                                     "contentChanges": [{"text": "Magnesium is the most important mineral for sleep. " * version}]})
        typed = time.monotonic()
        msg = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        assert time.monotonic() - typed >= 1.4
        assert msg["params"]["version"] == 6 and len(msg["params"]["diagnostics"]) == 6
        assert client.close() == 0
    finally:
        client.kill()


def test_exit_without_shutdown_is_an_error_status(tmp_path: Path) -> None:
    client, _ = _start(tmp_path)
    try:
        client.notify("exit", None)
        assert client.proc.wait(timeout=60) == 1
    finally:
        client.kill()
