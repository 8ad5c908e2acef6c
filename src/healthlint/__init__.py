"""healthlint: a fact-check and hedging linter for health writing.

The Python API (see :mod:`healthlint.run.api`): ``healthlint.lint_text(text, format="markdown",
config=None)`` and ``healthlint.analyze_text(text)``. They are loaded on first use, so ``import
healthlint`` stays cheap (and this module imports nothing from the package's folders).
"""

__version__ = "0.1.0"

HOMEPAGE = "https://github.com/healthlint/healthlint"  # the repository: rule documentation links point here
RULES_URL = HOMEPAGE + "/blob/main/README.md#rules"

_API = ("lint_text", "analyze_text", "Finding", "Related", "SentenceAnalysis")
__all__ = ["__version__", *_API]


def __getattr__(name: str):  # noqa: ANN202 - PEP 562: the API, loaded by name on first use
    if name in _API:
        import importlib

        return getattr(importlib.import_module("healthlint.run.api"), name)
    raise AttributeError(f"module 'healthlint' has no attribute {name!r}")
