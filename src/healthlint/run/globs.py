"""Gitignore-style globs: ``*`` within a path segment, ``**`` across segments."""

from __future__ import annotations

import regex


def compile_glob(glob: str) -> "regex.Pattern[str]":
    """Compile ``glob`` to a pattern matched against a POSIX relative path.

    A glob without ``/`` matches at any depth (``*.html`` matches ``a/b.html``);
    a trailing ``/`` or ``/**`` matches everything below a folder.
    """
    g = glob.strip().replace("\\", "/")
    if g.startswith("./"):
        g = g[2:]
    anchored = "/" in g.rstrip("/")
    if g.endswith("/"):
        g += "**"
    out = []
    i = 0
    while i < len(g):
        c = g[i]
        if g.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if g.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = g.find("]", i + 1)
            if j > i:
                out.append("[" + g[i + 1 : j].replace("!", "^", 1) + "]")
                i = j + 1
                continue
            out.append(regex.escape(c))
        else:
            out.append(regex.escape(c))
        i += 1
    body = "".join(out)
    prefix = "" if anchored else "(?:.*/)?"
    return regex.compile(f"^{prefix}{body}(?:/.*)?$")
