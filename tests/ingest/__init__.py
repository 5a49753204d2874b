"""Tests of veille.ingest (a package, so its conftest does not shadow tests/conftest.py)."""
