"""Allow ``python -m syria_geo``."""

from syria_geo.cli.app import run

raise SystemExit(run())
