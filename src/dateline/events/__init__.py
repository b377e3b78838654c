"""Events: source-action-target triples coded in CAMEO and PLOVER (issue #5)."""
