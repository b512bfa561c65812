"""The ``syria-geo`` command line: one module per command group; :func:`main` runs it."""

from syria_geo.cli.app import main

__all__ = ["main"]
