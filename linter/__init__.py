"""planlint: a linter and completeness score for B2B sales account plans."""

__version__ = "0.1.0"
