"""``healthlint server``: a Language Server Protocol server over stdio (pygls + lsprotocol).

- Diagnostics for Markdown, HTML and plain-text documents when they are opened, changed
  (after a pause in typing: 300 ms, or ``debounceMs`` in the client's
  ``initializationOptions``, or ``HEALTHLINT_LSP_DEBOUNCE_MS``) and saved. The text linted is
  the editor's, not the file on disk, with the configuration found from the document's
  folder, as ``healthlint check`` finds it. Each diagnostic has the rule id as its code, a
  link to the rule's explanation, and the evidence as related locations.
- Hover on a finding: the rule's explanation (``healthlint explain RULE``) as Markdown.
- Code actions: the rule's safe fix where there is one, and a suppression directive.

Ranges are converted from healthlint's character columns to the negotiated position
encoding (UTF-16 code units unless the client offers UTF-8 or UTF-32).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types as t
from pygls.lsp.server import LanguageServer

from ... import __version__
from ...report.ruledoc import markdown as rule_markdown
from .engine import Engine, Outcome
from .fixes import Fix, disable_fix, safe_fix
from .positions import TextLines

DEFAULT_DEBOUNCE_MS = 300
DEBOUNCE_ENV = "HEALTHLINT_LSP_DEBOUNCE_MS"
FALLBACK_DOCS = "https://pypi.org/project/healthlint/"
SEVERITY = {
    "error": t.DiagnosticSeverity.Error,
    "warning": t.DiagnosticSeverity.Warning,
    "info": t.DiagnosticSeverity.Information,
}
log = logging.getLogger("healthlint.server")


@dataclass
class Linted:
    """The findings of one version of a document, with their diagnostics (same order)."""

    version: int | None
    text: str
    lines: TextLines
    outcome: Outcome
    diagnostics: list[t.Diagnostic] = field(default_factory=list)


@dataclass
class OpenDocument:
    uri: str
    text: str
    version: int | None
    language_id: str | None
    linted: Linted | None = None
    pending: asyncio.Task[Any] | None = None


def uri_to_path(uri: str) -> str | None:
    """The local path of a ``file:`` URI; None for other schemes (unsaved buffers)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and len(path) > 2 and path[0] == "/" and path[2] == ":":  # pragma: no cover
        path = path[1:]
    return path


class HealthlintServer(LanguageServer):
    """The language server: open documents, their latest findings, and the linting engine."""

    def __init__(self) -> None:
        super().__init__("healthlint", __version__, text_document_sync_kind=t.TextDocumentSyncKind.Full)
        self.engine = Engine()
        self.documents: dict[str, OpenDocument] = {}
        self.debounce = _debounce(os.environ.get(DEBOUNCE_ENV), DEFAULT_DEBOUNCE_MS)
        self.linter_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="healthlint-lint")
        self.shutdown_requested = False
        self.root: str | None = None
        self._doc_links: dict[str, str] = {}

    # --- linting --------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing a lint not yet started."""
        doc = self.documents.get(uri)
        if doc is None:
            return
        if doc.pending is not None and not doc.pending.done():
            doc.pending.cancel()
        doc.pending = asyncio.ensure_future(self._lint_later(doc, delay))

    async def _lint_later(self, doc: OpenDocument, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        await self.lint_now(doc)

    async def lint_now(self, doc: OpenDocument) -> Linted | None:
        """Lint the document's current text and publish its diagnostics; None if it changed meanwhile."""
        text, version = doc.text, doc.version
        path = uri_to_path(doc.uri)
        loop = asyncio.get_running_loop()
        try:
            outcome = await loop.run_in_executor(self.linter_thread, self.engine.lint, text, path,
                                                 doc.language_id, self.root)
        except Exception as e:  # noqa: BLE001 - a bug must not take the editor's server down
            log.exception("linting %s failed", doc.uri)
            self.window_log_message(t.LogMessageParams(type=t.MessageType.Error,
                                                       message=f"healthlint: linting {doc.uri} failed: {e!r}"))
            return None
        if self.documents.get(doc.uri) is not doc or doc.text is not text:
            return None  # closed or edited while it was linted: that edit's lint publishes
        encoding = str(getattr(self.workspace, "position_encoding", None) or "utf-16")
        linted = Linted(version, text, TextLines(text, encoding), outcome)
        linted.diagnostics = self.diagnostics(doc.uri, linted)
        doc.linted = linted
        self.text_document_publish_diagnostics(
            t.PublishDiagnosticsParams(uri=doc.uri, diagnostics=linted.diagnostics, version=version))
        return linted

    async def current(self, uri: str) -> Linted | None:
        """The findings of the document's current text (linted now if the last lint is stale)."""
        doc = self.documents.get(uri)
        if doc is None:
            return None
        if doc.linted is not None and doc.linted.text is doc.text:
            return doc.linted
        if doc.pending is not None and not doc.pending.done():
            doc.pending.cancel()
        for _ in range(3):  # edits may keep arriving while it lints
            linted = await self.lint_now(doc)
            if linted is not None:
                return linted
        return None

    # --- diagnostics ------------------------------------------------------------------

    def diagnostics(self, uri: str, linted: Linted) -> list[t.Diagnostic]:
        out = linted.outcome
        lines = linted.lines
        if out.error:
            end = lines.to_lsp(lines.line_bounds(0)[1])
            return [t.Diagnostic(range=t.Range(start=t.Position(line=0, character=0),
                                               end=t.Position(line=end[0], character=end[1])),
                                 message=f"healthlint could not lint this document: {out.error}",
                                 severity=t.DiagnosticSeverity.Error, code="configuration", source="healthlint")]
        diags = []
        for f in out.findings:
            related = [t.DiagnosticRelatedInformation(
                location=t.Location(uri=uri, range=_range(lines, r.line, r.column, r.end_line, r.end_column)),
                message=r.message) for r in f.related]
            rule = out.rules.get(f.rule)
            diags.append(t.Diagnostic(
                range=_range(lines, f.line, f.column, f.end_line, f.end_column),
                message=f.message,
                severity=SEVERITY.get(f.severity, t.DiagnosticSeverity.Warning),
                code=f.rule,
                code_description=t.CodeDescription(href=self.rule_link(rule)) if rule is not None else None,
                source="healthlint",
                related_information=related or None,
                data={"rule": f.rule},
            ))
        return diags

    def rule_link(self, rule: Any) -> str:
        """A URI of the rule's explanation: a Markdown file written once to the user's cache
        folder (an editor opens it like any file), else the project's page."""
        text = f"# {rule.id}\n\n" + rule_markdown(rule) + "\n"
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        key = f"{rule.id}-{digest}"
        if key not in self._doc_links:
            self._doc_links[key] = _write_rule_doc(key, rule.id, text)
        return self._doc_links[key]

    # --- hover and code actions --------------------------------------------------------

    async def hover(self, uri: str, position: t.Position) -> t.Hover | None:
        linted = await self.current(uri)
        if linted is None:
            return None
        at = linted.lines.from_lsp(position.line, position.character)
        hits = [(f, d) for f, d in zip(linted.outcome.findings, linted.diagnostics) if _covers(linted, f, at, at)]
        if not hits:
            return None
        parts, seen = [], set()
        for f, _ in hits:
            rule = linted.outcome.rules.get(f.rule)
            head = f"**healthlint {f.severity}** `{f.rule}`: {_md_line(f.message)}"
            if f.rule in seen or rule is None:
                parts.append(head)
                continue
            seen.add(f.rule)
            parts.append(head + "\n\n" + rule_markdown(rule))
        return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                       range=hits[0][1].range)

    async def code_actions(self, params: t.CodeActionParams) -> list[t.CodeAction] | None:
        uri = params.text_document.uri
        linted = await self.current(uri)
        if linted is None or linted.outcome.fmt is None:
            return None
        only = params.context.only
        wanted = lambda kind: not only or any(kind == k or kind.startswith(f"{k}.") for k in only)  # noqa: E731
        if not wanted(t.CodeActionKind.QuickFix):
            return None
        lo = linted.lines.from_lsp(params.range.start.line, params.range.start.character)
        hi = linted.lines.from_lsp(params.range.end.line, params.range.end.character)
        actions: list[t.CodeAction] = []
        disabling: set[tuple[str, int]] = set()
        for f, diag in zip(linted.outcome.findings, linted.diagnostics):
            if not _covers(linted, f, lo, hi):
                continue
            fix = safe_fix(linted.text, linted.lines, f)
            if fix is not None:
                actions.append(self._action(uri, linted, fix, diag))
            rule = linted.outcome.rules.get(f.rule)
            whole = bool(rule is not None and getattr(rule, "document_level", False))
            if (f.rule, -1 if whole else f.line) in disabling:
                continue
            disabling.add((f.rule, -1 if whole else f.line))
            fix = disable_fix(linted.text, linted.lines, linted.outcome.fmt, f, whole)
            if fix is not None:
                actions.append(self._action(uri, linted, fix, diag))
        return actions

    def _action(self, uri: str, linted: Linted, fix: Fix, diag: t.Diagnostic) -> t.CodeAction:
        edits = []
        for e in fix.edits:
            (l1, c1), (l2, c2) = linted.lines.to_lsp(e.start), linted.lines.to_lsp(e.end)
            edits.append(t.TextEdit(range=t.Range(start=t.Position(line=l1, character=c1),
                                                  end=t.Position(line=l2, character=c2)), new_text=e.new_text))
        return t.CodeAction(title=fix.title, kind=t.CodeActionKind.QuickFix, diagnostics=[diag],
                            is_preferred=fix.preferred or None, edit=t.WorkspaceEdit(changes={uri: edits}))


def _range(lines: TextLines, line: int, column: int, end_line: int, end_column: int) -> t.Range:
    (l1, c1), (l2, c2) = lines.lsp_range(line, column, end_line, end_column)
    return t.Range(start=t.Position(line=l1, character=c1), end=t.Position(line=l2, character=c2))


def _covers(linted: Linted, f: Any, lo: int, hi: int) -> bool:
    """Does finding ``f`` touch the offsets ``lo``..``hi`` (both included)?"""
    start = linted.lines.offset(f.line, f.column)
    end = linted.lines.offset(f.end_line, f.end_column)
    return start <= hi and max(end, start) >= lo


def _md_line(s: str) -> str:
    from ...report.ruledoc import md_text

    return md_text(" ".join(s.split()))


def _debounce(value: Any, default_ms: float) -> float:
    """Seconds from a number of milliseconds (the default when missing or not a number >= 0)."""
    try:
        ms = float(value)
    except (TypeError, ValueError):
        return default_ms / 1000
    return ms / 1000 if ms >= 0 else default_ms / 1000


def _write_rule_doc(key: str, rule_id: str, text: str) -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "healthlint" / "rule-docs" / f"{key}.md"
    try:
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        return path.resolve().as_uri()
    except (OSError, ValueError):
        return f"{FALLBACK_DOCS}#{rule_id}"


def create_server() -> HealthlintServer:
    """A server with every feature registered."""
    server = HealthlintServer()

    @server.feature(t.INITIALIZE)
    def initialize(ls: HealthlintServer, params: t.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        if "debounceMs" in options:
            ls.debounce = _debounce(options["debounceMs"], ls.debounce * 1000)
        folders = params.workspace_folders or []
        root = folders[0].uri if folders else params.root_uri
        ls.root = uri_to_path(root) if root else params.root_path

    @server.feature(t.INITIALIZED)
    def initialized(ls: HealthlintServer, params: t.InitializedParams) -> None:
        # load the rules and compile their patterns now, not when the first document opens
        ls.linter_thread.submit(ls.engine.lint, "Warm-up.", None, "markdown", ls.root)

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: HealthlintServer, params: t.DidOpenTextDocumentParams) -> None:
        d = params.text_document
        ls.documents[d.uri] = OpenDocument(d.uri, d.text, d.version, d.language_id)
        ls.schedule(d.uri, 0)

    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: HealthlintServer, params: t.DidChangeTextDocumentParams) -> None:
        doc = ls.documents.get(params.text_document.uri)
        if doc is None:
            return
        text = doc.text
        for change in params.content_changes:
            rng = getattr(change, "range", None)
            if rng is None:
                text = change.text
            else:  # an incremental change, though full ones were asked for
                lines = TextLines(text, str(getattr(ls.workspace, "position_encoding", None) or "utf-16"))
                lo = lines.from_lsp(rng.start.line, rng.start.character)
                hi = lines.from_lsp(rng.end.line, rng.end.character)
                text = text[:lo] + change.text + text[max(lo, hi):]
        doc.text, doc.version = text, params.text_document.version
        ls.schedule(doc.uri, ls.debounce)

    @server.feature(t.TEXT_DOCUMENT_DID_SAVE, t.SaveOptions(include_text=False))
    def did_save(ls: HealthlintServer, params: t.DidSaveTextDocumentParams) -> None:
        doc = ls.documents.get(params.text_document.uri)
        if doc is None:
            return
        if params.text is not None:
            doc.text = params.text
        ls.schedule(doc.uri, 0)

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: HealthlintServer, params: t.DidCloseTextDocumentParams) -> None:
        doc = ls.documents.pop(params.text_document.uri, None)
        if doc is not None and doc.pending is not None:
            doc.pending.cancel()
        ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    async def hover(ls: HealthlintServer, params: t.HoverParams) -> t.Hover | None:
        return await ls.hover(params.text_document.uri, params.position)

    @server.feature(t.TEXT_DOCUMENT_CODE_ACTION,
                    t.CodeActionOptions(code_action_kinds=[t.CodeActionKind.QuickFix]))
    async def code_action(ls: HealthlintServer, params: t.CodeActionParams) -> list[t.CodeAction] | None:
        return await ls.code_actions(params)

    @server.feature(t.SHUTDOWN)
    def shutdown(ls: HealthlintServer, *args: Any) -> None:
        ls.shutdown_requested = True
        for doc in ls.documents.values():
            if doc.pending is not None:
                doc.pending.cancel()

    @server.feature(t.EXIT)
    def exit_(ls: HealthlintServer, *args: Any) -> None:
        # End here: the stdin reader thread may be blocked on a read the client never ends.
        code = 0 if ls.shutdown_requested else 1
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)

    return server


def serve() -> int:
    """Run the server on standard input and output until the client ends it."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="healthlint server: %(message)s")
    server = create_server()
    server.start_io()
    return 0 if server.shutdown_requested else 1
