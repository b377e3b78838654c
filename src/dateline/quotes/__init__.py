"""Quotes and speaker attribution (issue #3)."""
