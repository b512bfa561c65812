"""Allow ``python -m syria_geo``."""

from syria_geo.cli.app import main

raise SystemExit(main())
