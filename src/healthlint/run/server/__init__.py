"""``healthlint server``: a language server for editors (see :mod:`.lsp`).

pygls and lsprotocol are imported only when the server starts, so ``healthlint check``
does not pay for them.
"""

from __future__ import annotations


def main() -> int:
    """Serve the Language Server Protocol on standard input and output."""
    try:
        from .lsp import serve
    except ImportError as e:  # pragma: no cover - an installation without the server's packages
        import sys

        print(f"healthlint: error: the language server needs pygls and lsprotocol ({e.name} is missing): "
              "pip install 'pygls>=2' lsprotocol", file=sys.stderr)
        return 2
    return serve()
