"""Hostile inputs shared by the issue-13 tests: patterns, plugins and plans written to break planlint."""
