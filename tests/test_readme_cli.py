"""The README's command-line examples run as they are, in order, from an empty folder.

The block starts with ``syria-geo demo``, whose files the other commands read (or files the
block writes itself: the example report); the test here checks that order on the text.
``tests/test_packaging.py`` runs the block, once, with the installed wheel and no network
(what a reader gets from ``pip install``), and checks every file it promises and that
``syria-geo demo --help`` names each file the demo wrote.  It ran from the checkout too until
the suite had to fit its time: that run proved nothing the wheel's run does not.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.readme_blocks import cli_block, cli_commands, outputs_of


def test_the_block_starts_with_the_demo_and_reads_only_what_it_has() -> None:
    commands = cli_commands(cli_block())
    assert commands[0][:2] == ["syria-geo", "demo"]
    written = {"report.txt"} | {Path(p).name for c in commands for p in outputs_of(c)}
    demo_files = {"incidents.csv", "incidents.geojson", "incidents.parquet",
                  "syria_geo_demo.gpkg"}  # fmt: skip
    for command in commands[1:]:
        named = [w for w in command[2:] if re.search(r"\.(csv|gpkg|geojson|txt|pdf|parquet)$", w)]
        inputs = [w for w in named if w not in outputs_of(command)]
        for name in inputs:
            assert name in demo_files | written, f"{' '.join(command)} reads {name}"
        written |= set(outputs_of(command))
