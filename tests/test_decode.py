"""Decoding bytes and reading files: BOMs, invalid UTF-8, binary files, file errors."""

from __future__ import annotations

import codecs
import pytest

from healthlint.read import ReadError, read_path
from healthlint.read import decode
from healthlint.read.decode import decode_bytes


def test_utf8_bom_is_not_a_character(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(codecs.BOM_UTF8 + "Café helps.\n".encode())
    doc = read_path(str(p))
    assert doc.source == "Café helps.\n"
    i = doc.text.index("helps")
    assert doc.lines.position(doc.source_span(i, i + 5)[0]) == (1, 6)
    assert doc.warnings == []


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path, codec):
    text = "Zinc may help.\r\nSleep 😀 matters.\r\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    p = tmp_path / "wide.txt"
    p.write_bytes(data)
    doc = read_path(str(p))
    assert doc.source == text
    assert [doc.sentence_text(s) for s in doc.sentences] == ["Zinc may help.", "Sleep 😀 matters."]


def test_invalid_utf8_is_replaced_with_warning_and_positions_stay_right(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"Dose \xff\xfe is high.\nSecond line has iron.\n")
    doc = read_path(str(p))
    assert doc.warnings == ["invalid UTF-8 at byte 5; replaced"]
    assert "\ufffd" in doc.source
    i = doc.text.index("iron")
    start, end = doc.source_span(i, i + 4)
    assert doc.source[start:end] == "iron"
    assert doc.lines.position(start) == (2, 17)
    i = doc.text.index("high")
    assert doc.lines.position(doc.source_span(i, i + 4)[0]) == (1, 12)


def test_single_invalid_byte_message():
    text, warnings = decode_bytes(b"ok \x80 ok")
    assert text == "ok \ufffd ok"
    assert warnings == ["invalid UTF-8 at byte 3; replaced"]


def test_binary_file_is_skipped(tmp_path):
    p = tmp_path / "image.md"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ReadError) as info:
        read_path(str(p))
    assert info.value.skipped
    assert info.value.message == "binary file, skipped"
    assert str(info.value) == f"{p}: binary file, skipped"


def test_utf16_le_with_nul_bytes_is_not_binary():
    text, warnings = decode_bytes(codecs.BOM_UTF16_LE + "abc".encode("utf-16-le"))
    assert text == "abc" and warnings == []


def test_empty_file_gives_empty_document(tmp_path):
    p = tmp_path / "empty.md"
    p.write_bytes(b"")
    doc = read_path(str(p))
    assert doc.text == "" and doc.blocks == [] and doc.sentences == [] and doc.format == "markdown"


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ReadError) as info:
        read_path(str(tmp_path / "nope.md"))
    assert info.value.message == "no such file" and not info.value.skipped
    with pytest.raises(ReadError) as info:
        read_path(str(tmp_path))
    assert info.value.message == "is a directory"
    assert str(info.value) == f"{tmp_path}: is a directory"


def test_unreadable_file(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text("x")

    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(decode, "open", deny, raising=False)
    with pytest.raises(ReadError) as info:
        read_path(str(p))
    assert info.value.message == "permission denied"
    assert str(info.value) == f"{p}: permission denied"


def test_display_path_and_format_override(tmp_path):
    p = tmp_path / "notes.data"
    p.write_text("# Not a heading in text\n\nBody text here.\n")
    doc = read_path(str(p), display_path="shown.data")
    assert doc.path == "shown.data" and doc.format == "text"
    doc = read_path(str(p), fmt="markdown")
    assert doc.blocks[0].kind == "heading" and doc.block_text(doc.blocks[0]) == "Not a heading in text"
    with pytest.raises(ReadError) as info:
        read_path(str(tmp_path / "gone.md"), display_path="docs/gone.md")
    assert info.value.path == "docs/gone.md"
