"""Allow ``python -m syria_geo``."""

from syria_geo.cli import main

raise SystemExit(main())
