"""healthlint: a fact-check and hedging linter for health writing."""

__version__ = "0.1.0"
