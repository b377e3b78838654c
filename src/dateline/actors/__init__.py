"""Actors: mentions, in-story resolution, CAMEO-style codes (issue #4)."""
