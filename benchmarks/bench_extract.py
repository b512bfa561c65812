"""Benchmark: ``extract`` time grows linearly with the length of the text (issue 15, item 5).

For each kind of text, :func:`syria_geo.reports.reader.incidents_from_text` runs on a base size and
on ten times that size; the ratio of the two times (best of several runs, measured in the same
run) must be at most 12.  A quadratic step shows as a ratio near 100.

Texts:

- hostile: ``[x](`` repeated (unclosed markdown links), ``ab-\\n`` repeated (one long
  hyphenated paragraph), capitalised place-type words (``Town Town ...``) and control phrases
  without punctuation inside one dated incident paragraph, many short dated paragraphs;
- real: the four seed SNHR reports (``../shared/seeds``), concatenated once and ten times.

Each size is timed ``runs`` times (``SYRIA_GEO_BENCH_RUNS``, at least 3) in one process; the
ratio is of the medians.  ``SYRIA_GEO_BENCH_QUICK=1`` halves the base sizes (20,000 characters
instead of 40,000) and ``SYRIA_GEO_BENCH_N`` caps them (the real reports are then skipped
when N is below their length).

Memory (issue 30): a fresh process builds a text of 50 MB (10 MB in quick mode) from copies
of the seed reports, imports and warms up the extractor, then extracts; the growth of its peak
RSS (``ru_maxrss``) over the input's UTF-8 bytes must be at most 10 bytes per byte (it was
~65 while the map back to the input held one Python int per character); it is skipped, like
the real reports, when ``SYRIA_GEO_BENCH_N`` caps the sizes.

Usage: ``python benchmarks/bench_extract.py``.  Prints a table and one ``BENCH`` line per
text; a ratio above 12 (or above 10 bytes per byte) shows as failed in the results (the exit
code stays 0).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

from _harness import child_json, emit, quick, runs, size, stats, timed
from syria_geo.reports.reader import incidents_from_text

MAX_RATIO = 12.0
MAX_BYTES_PER_BYTE = 10.0
FULL_MEMORY_BYTES = 50_000_000
#: The child of the memory case: peak RSS growth of one extraction over its input's bytes.
MEMORY_CHILD = """
import json, resource, sys
from pathlib import Path
from syria_geo.reports.reader import incidents_from_text
seeds = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("snhr-*.txt"))]
unit = "\\n\\n".join(seeds)
text = unit * max(1, int(sys.argv[2]) // len(unit.encode()))
incidents_from_text(unit)  # imports and first-call caches are not the text's
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
rows = len(incidents_from_text(text))
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"bytes": len(text.encode()), "grown": (after - before) * 1024, "rows": rows}))
"""
FACTOR = 10
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
HEAD = "SNHR monthly report\n\nII. Details\n\nA. Syrian regime forces\n\nHama governorate\n\n"
DATED = "On March 3, 2015, regime forces shelled Kafr Nabudah town, killing {n} civilians."


def _repeat(unit: str, size: int) -> str:
    return "SNHR\n" + unit * max(1, size // len(unit))


def _dated(filler: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        body = filler * max(1, size // len(filler))
        return HEAD + DATED.format(n=5)[:-1] + " " + body + ".\n"

    return make


def _paragraphs(size: int) -> str:
    para = DATED.format(n=7) + "\n\n"
    return HEAD + para * max(1, size // len(para))


def _real(copies: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("snhr-*.txt"))]
    if not texts:
        raise SystemExit(f"no seed reports in {SEEDS}")
    return "\n\n".join(texts * copies)


def _times(text: str, repeat: int) -> list[float]:
    return [timed(lambda: incidents_from_text(text))[0] for _ in range(repeat)]


def main() -> int:
    repeat = runs()
    base = size(40_000, 20_000)
    capped = base < size(40_000, 20_000) or base < 20_000  # SYRIA_GEO_BENCH_N below the base
    cases: list[tuple[str, Callable[[int], str]]] = [
        ("hostile: '[x](' repeated", lambda n: _repeat("[x](", n)),
        ("hostile: 'ab-\\n' repeated", lambda n: _repeat("ab-\n", n)),
        ("hostile: 'Town ' in a dated paragraph", _dated("Town ")),
        ("hostile: control phrases, no punctuation", _dated("under the control of x ")),
        ("hostile: short dated paragraphs", _paragraphs),
    ]
    rows: list[tuple[str, int, list[float], list[float]]] = []
    for name, make in cases:
        small, large = make(base), make(base * FACTOR)
        rows.append((name, len(small), _times(small, repeat), _times(large, repeat)))
    if SEEDS.is_dir() and not capped:
        small, large = _real(1), _real(FACTOR)
        rows.append(("real: four seed reports", len(small), _times(small, repeat),
                     _times(large, repeat)))  # fmt: skip
    print(f"{'text':<44} {'chars':>9} {'1x (s)':>9} {'10x (s)':>9} {'ratio':>7}")
    for name, chars, t_small, t_large in rows:
        small_stats, large_stats = stats(t_small), stats(t_large)
        ratio = large_stats["median"] / small_stats["median"]
        flag = "" if ratio <= MAX_RATIO else "  TOO SLOW"
        print(f"{name:<44} {chars:>9,} {small_stats['median']:>9.4f} "
              f"{large_stats['median']:>9.4f} {ratio:>7.2f}{flag}")  # fmt: skip
        kind, _, what = name.partition(": ")
        slug = kind + "." + re.sub(r"[^a-z0-9]+", "_", what.casefold()).strip("_")
        emit(
            id=f"extract.linearity.{slug}",
            name=f"`incidents_from_text`, 10x text: {name}",
            size=chars * FACTOR,
            size_unit="characters",
            unit="s",
            value=large_stats,
            baseline={**small_stats, "name": f"the 1x text ({chars:,} characters)"},
            limit=MAX_RATIO,
            note="linear growth gives ~10; quadratic ~100",
        )
    if SEEDS.is_dir() and not capped:  # like the real reports: skipped below the base size
        _memory()
    return 0


def _memory() -> None:
    """Peak memory of one extraction per byte of input (issue 30: <= 10)."""
    target = 10_000_000 if quick() else FULL_MEMORY_BYTES
    res = child_json([sys.executable, "-c", MEMORY_CHILD, str(SEEDS), str(target)])
    per_byte = res["grown"] / res["bytes"]
    print(f"memory: {res['bytes'] / 1e6:.0f} MB of text, {res['rows']:,} incidents: peak RSS "
          f"grew {res['grown'] / 1e6:.0f} MB, {per_byte:.1f} bytes per input byte")  # fmt: skip
    emit(
        id="extract.memory.bytes_per_input_byte",
        name="`incidents_from_text` on the seed reports repeated: peak RSS growth per input byte",
        size=target,  # nominal: whole copies of the seeds make it a little less
        size_unit="bytes",
        unit="bytes per input byte",
        value=stats([per_byte]),
        baseline={**stats([1.0]), "name": "one byte per input byte"},
        limit=MAX_BYTES_PER_BYTE,
        limit_size=FULL_MEMORY_BYTES,  # fixed costs weigh more on the 10 MB of quick mode (~10 there)
        note=f"{res['bytes']:,} bytes of text; the text itself is not counted (it exists before "
        "the call)",
    )


if __name__ == "__main__":
    sys.exit(main())
