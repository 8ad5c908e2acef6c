"""The README's editor set-ups parse, name the real command, and the report's screenshot is there."""

from __future__ import annotations

import json
import re
import sys

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end]


def _blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


def test_editor_setups_start_healthlint_server() -> None:
    editors = _section("Editor integration")
    [vscode] = _blocks(editors, "json")
    settings = json.loads(vscode)
    assert settings["glspc.server.command"] == "healthlint"
    assert settings["glspc.server.commandArguments"] == ["server"]
    assert {"markdown", "html", "plaintext"} <= set(settings["glspc.server.languageId"])
    [lua] = _blocks(editors, "lua")
    assert "vim.lsp.start" in lua and 'cmd = { "healthlint", "server" }' in lua
    [helix] = _blocks(editors, "toml")
    if sys.version_info >= (3, 11):
        import tomllib

        conf = tomllib.loads(helix)
        assert conf["language-server"]["healthlint"] == {"command": "healthlint", "args": ["server"],
                                                         "config": {"debounceMs": 300}}
        assert all("healthlint" in lang["language-servers"] for lang in conf["language"])


def test_the_html_report_and_its_screenshot_are_documented() -> None:
    formats = _section("Output formats")
    assert "`html`" in formats and "](docs/html-report.png)" in formats
    png = (REPO / "docs" / "html-report.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 50_000
