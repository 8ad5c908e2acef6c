"""A minimal Language Server Protocol client for tests: JSON-RPC with Content-Length framing
over a subprocess's standard input and output. Every wait has a time limit."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from typing import Any, Callable

TIMEOUT = 60.0  # seconds: generous, for a loaded CI machine; nothing waits longer than this


class LspClient:
    def __init__(self, cwd: str, env: dict[str, str] | None = None) -> None:
        full_env = {**os.environ, **(env or {})}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "healthlint", "server"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=full_env,
        )
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.responses: dict[int, dict[str, Any]] = {}
        self.next_id = 0
        self.stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # --- wire --------------------------------------------------------------------------

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        try:
            while True:
                headers: dict[str, str] = {}
                while True:
                    line = out.readline()
                    if not line:
                        self.inbox.put(None)
                        return
                    line = line.rstrip(b"\r\n")
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = out.read(int(headers["content-length"]))
                self.inbox.put(json.loads(body.decode("utf-8")))
        except Exception:  # noqa: BLE001 - the test sees the closed inbox
            self.inbox.put(None)

    def _drain_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr.append(line)

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _pump(self, deadline: float) -> None:
        """Receive one message (or fail at ``deadline``)."""
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no answer from the server; its stderr: {b''.join(self.stderr)[-2000:]!r}")
        try:
            msg = self.inbox.get(timeout=left)
        except queue.Empty:
            raise TimeoutError(f"no answer from the server; its stderr: {b''.join(self.stderr)[-2000:]!r}") from None
        if msg is None:
            raise ConnectionError(f"the server closed its output; its stderr: {b''.join(self.stderr)[-2000:]!r}")
        if "id" in msg and "method" not in msg:
            self.responses[msg["id"]] = msg
        elif "id" in msg:  # a request from the server (e.g. window/workDoneProgress/create): accept it
            self.send({"id": msg["id"], "result": None})
        else:
            self.notifications.append(msg)

    # --- protocol --------------------------------------------------------------------------

    def request(self, method: str, params: Any, timeout: float = TIMEOUT) -> Any:
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, **({} if params is None else {"params": params})})
        deadline = time.monotonic() + timeout
        while rid not in self.responses:
            self._pump(deadline)
        msg = self.responses.pop(rid)
        if "error" in msg:
            raise RuntimeError(f"{method}: {msg['error']}")
        return msg.get("result")

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, **({} if params is None else {"params": params})})

    def wait_for(self, match: Callable[[dict[str, Any]], bool], timeout: float = TIMEOUT) -> dict[str, Any]:
        """The first notification (received from now on, or not yet consumed) that ``match``es;
        it and those before it are consumed."""
        deadline = time.monotonic() + timeout
        while True:
            for i, msg in enumerate(self.notifications):
                if match(msg):
                    del self.notifications[: i + 1]
                    return msg
            self._pump(deadline)

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = TIMEOUT) -> list[dict[str, Any]]:
        """The next diagnostics published for ``uri`` (for ``version``, when given)."""
        msg = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri
                            and (version is None or m["params"].get("version") == version), timeout)
        return msg["params"]["diagnostics"]

    def close(self) -> int:
        """shutdown, exit; the server's exit status."""
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            return self.proc.wait(timeout=TIMEOUT)
        finally:
            self.kill()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=TIMEOUT)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass


def apply_edits(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply LSP ``TextEdit``s (UTF-16 positions) to ``text``, as an editor would."""
    def offset(pos: dict[str, int]) -> int:
        import re

        starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        line_start = starts[pos["line"]] if pos["line"] < len(starts) else len(text)
        units = 0
        i = line_start
        while units < pos["character"] and i < len(text) and text[i] not in "\r\n":
            units += 2 if ord(text[i]) > 0xFFFF else 1
            i += 1
        return i

    spans = sorted(((offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]) for e in edits),
                   reverse=True)
    for lo, hi, new in spans:
        text = text[:lo] + new + text[hi:]
    return text


def utf16_index(line: str, needle: str) -> int:
    """The UTF-16 column of ``needle`` in ``line``."""
    i = line.index(needle)
    return len(line[:i].encode("utf-16-le")) // 2
