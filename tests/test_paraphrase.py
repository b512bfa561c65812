"""Seeded paraphrases of the seed incident paragraphs: every field must survive (issue 11).

The generator reads the four seed SNHR reports at test time (no report sentence is stored in
the repository), takes each incident paragraph the extractor finds in them, and rewrites it
along the axes SNHR's wording varies on in other months:

- the date (with or without weekday, commas, ordinals, year; ``On the night of``,
  ``At dawn on``; time of day before or after the date),
- numbers (digits and words, up to 999; ``a child`` / ``one child``),
- the killing verb (``killing``, ``shot dead``, ``claiming the lives of``, ``executing`` ...),
- the victim noun (``civilians``, ``people``, ``persons``, ``IDPs``, ``captives`` ...),
- clause order (the toll as its own passive sentence, or the toll before the attack),
- line breaks and hyphenation (re-wrapped at random widths, long words split with ``-``).

Each variant is extracted and compared field by field with the extraction of the unchanged
paragraph; at least 99 % of the fields must survive.  The variants are generated from a fixed
seed, so a failure is reproducible (the message lists the worst axes and an example).
"""

from __future__ import annotations

import os
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest

from syria_geo.reports.reader import incidents_from_text
from syria_geo.reports.text import clean_text

REPORTS = (
    "snhr-2016-09-massacres",
    "snhr-2017-09-massacres",
    "snhr-2020-05-civilian-deaths",
    "snhr-2021-02-civilian-deaths",
)
FIELDS = (
    "date",
    "time_of_day",
    "perpetrator",
    "perpetrator_section",
    "weapon",
    "section_governorate",
    "text_governorate",
    "place_text",
    "control_text",
    "killed",
    "children",
    "women",
    "same_family",
)
#: Variants per seed incident paragraph (``SYRIA_GEO_PARAPHRASES`` raises it for a deeper run).
VARIANTS = int(os.environ.get("SYRIA_GEO_PARAPHRASES", "100"))
SEED = 20261122

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HEADINGS = {
    "syrian_regime": "A. Syrian regime forces",
    "russia": "B. Russian forces",
    "isis": "C. ISIS (the self-proclaimed Islamic State)",
    "hts": "D. Hay'at Tahrir al Sham",
    "armed_opposition": "E. Armed opposition factions",
    "sdf": "F. Syrian Democratic Forces",
    "international_coalition": "G. International coalition forces",
    "turkey": "H. Turkish forces",
    "other_parties": "Other parties",
}

# --- numbers in words (written here independently of the package) ------------------------------

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]  # fmt: skip
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE = {w: i for i, w in enumerate(_UNITS)} | {
    w: 10 * i for i, w in enumerate(_TENS) if i > 1
}
_BELOW = rf"(?:(?:{'|'.join(_TENS[2:])})(?:[- ](?:{'|'.join(_UNITS[1:10])}))?|{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
_WORDS = rf"(?:(?:{'|'.join(_UNITS[1:10])})\s+hundred(?:\s+(?:and\s+)?{_BELOW})?|{_BELOW})"
#: A count in a sentence: digits or words, followed by a lower-case word (not a date or clock).
_COUNT_TOKEN = re.compile(
    rf"(?<![\w:/.,’'-])(?P<n>\d{{1,3}}|{_WORDS})(?![\w-])(?=\s+[a-z])", re.IGNORECASE
)


def words(n: int, rng: random.Random) -> str:
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (rng.choice(["-", " "]) + _UNITS[unit] if unit else "")
    hundreds, rest = divmod(n, 100)
    head = f"{_UNITS[hundreds]} hundred"
    return head + (rng.choice([" and ", " "]) + words(rest, rng) if rest else "")


def value_of(token: str) -> int:
    text = " ".join(token.lower().split())
    if text.isdigit():
        return int(text)
    total = 0
    if " hundred" in text:
        head, _, text = text.partition(" hundred")
        total = 100 * _WORD_VALUE[head]
        text = text.strip().removeprefix("and ").strip()
    for part in re.split(r"[- ]", text):
        if part:
            total += _WORD_VALUE[part]
    return total


def render(n: int, rng: random.Random, capital: bool) -> str:
    text = str(n) if n > 999 or rng.random() < 0.5 else words(n, rng)
    return text[:1].upper() + text[1:] if capital and not text[0].isdigit() else text


# --- the rewrites ---------------------------------------------------------------------------------

_MONTH_WORD = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b")
_NOT_BODY = re.compile(
    r"\s*(?:\d|(?:at\s+|around\s+)+\d|(?:dawn|morning|noon|afternoon|evening|night|sunset)\b)",
    re.IGNORECASE,
)


def date_prefix_end(text: str) -> int:
    """End of the opening date (``Monday, September 11, 2017, around 12:45,``): the first
    comma after the month that is not followed by a year, a clock time or a time of day."""
    month = _MONTH_WORD.search(text, 0, 80)
    assert month is not None, text[:80]
    position = month.end()
    while True:
        comma = text.index(",", position)
        if not _NOT_BODY.match(text, comma + 1):
            return comma + 1
        position = comma + 1


_TOLL_VERB = re.compile(
    r"(?P<sep>,?\s+)(?P<v>(?:(?:which|that)\s+)?(?:resulted\s+in|led\s+to|resulting\s+in)\s+the\s+"
    r"(?:killing|deaths?)\s+of|killing)\s+(?P<q>(?:at\s+least\s+|no\s+less\s+than\s+|about\s+)?)",
    re.IGNORECASE,
)
ACTIVE = ("which resulted in the killing of", "which led to the deaths of", "killing",
          "and killed", "which killed", "claiming the lives of", "which claimed the lives of",
          "shooting dead", "and shot dead", "executing", "slaughtering", "which took the lives of",
          "burning to death")  # fmt: skip
PASSIVE = ("were killed", "were shot dead", "were executed", "were slaughtered",
           "were burned to death", "died", "lost their lives", "were killed at once")  # fmt: skip
COLLECTIVE = re.compile(r"^(?:civilians|individuals|people|persons)$", re.IGNORECASE)
NOUNS = ("civilians", "people", "persons", "individuals", "IDPs", "captives", "detainees",
         "prisoners", "residents", "villagers")  # fmt: skip


@dataclass
class Paragraph:
    report: str
    text: str  # whitespace collapsed, hyphenation undone
    rows: list[dict[str, object]]
    period: tuple[int, int]
    heading: list[str] = field(default_factory=list)


def render_date(
    date: str, tod: str | None, rng: random.Random, keep_year: bool
) -> tuple[str, str | None]:
    """A new opening date for the paragraph and the time of day it states."""
    year, month, day = (int(p) for p in date.split("-"))
    weekday = WEEKDAYS[pd.Timestamp(date).weekday()]
    mon = MONTHS[month - 1]
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(day if day < 20 else day % 10, "th")
    d = rng.choice([str(day), f"{day}{suffix}"])
    y = str(year) if keep_year or rng.random() < 0.8 else ""
    core = rng.choice(
        [f"{d} {mon}" + (f" {y}" if y else ""), f"{mon} {d}" + (f", {y}" if y else ""),
         f"{mon} {d}" + (f" {y}" if y else ""), f"the {d} of {mon}" + (f" {y}" if y else "")]
    )  # fmt: skip
    wd = rng.choice([f"{weekday}, ", f"{weekday} ", ""])
    if tod is not None and ":" in tod:
        return rng.choice(["On ", ""]) + wd + core + rng.choice(
            [f", around {tod},", f", at {tod},"]
        ), tod
    if tod is not None:
        form = rng.randrange(3)
        if form == 0 and wd:
            return f"On {weekday} {tod}, {core},", tod
        if form == 1:
            return rng.choice(["On ", ""]) + wd + core + f" {tod},", tod
        return rng.choice(["On the", "In the", "At"]) + f" {tod} of {wd}{core},", tod
    if rng.random() < 0.2:
        new = rng.choice(["night", "dawn", "evening", "morning"])
        lead = (
            "On the night of"
            if new == "night"
            else rng.choice([f"At {new} on", f"In the {new} of"])
        )
        return f"{lead} {wd}{core},", new
    return rng.choice(["On ", ""]) + wd + core + ",", None


def rewrite(para: Paragraph, rng: random.Random) -> tuple[str, dict[str, object], list[str]]:
    """One variant of the paragraph, the fields it must give, and the axes changed."""
    text = para.text
    expected = dict(para.rows[0])
    axes: list[str] = []
    prefix_end = date_prefix_end(text)
    body = text[prefix_end:]
    single = len(para.rows) == 1
    keep_year = para.period != tuple(
        int(p) for p in pd.Timestamp(expected["date"]).strftime("%Y-%m-%d").split("-")[:2]
    )
    if rng.random() < 0.8:
        opening, tod = render_date(
            pd.Timestamp(expected["date"]).strftime("%Y-%m-%d"), _tod(expected), rng, keep_year
        )
        expected["time_of_day"] = tod
        axes.append("date")
    else:
        opening = text[:prefix_end]
    killed = int(expected["killed"])  # type: ignore[call-overload]
    toll = _find_toll(body, killed)
    if single and toll is not None and rng.random() < 0.7:
        body, changed = _rewrite_toll(body, toll, killed, rng)
        axes.extend(changed)
    if rng.random() < 0.7:
        body = _rewrite_numbers(body, rng)
        axes.append("numbers")
    text = f"{opening} {body.lstrip()}"
    if rng.random() < 0.7:
        text = _wrap(text, rng)
        axes.append("line breaks")
    return text, expected, axes


def _tod(row: dict[str, object]) -> str | None:
    value = row.get("time_of_day")
    return None if value is None or value != value else str(value)


def _find_toll(body: str, killed: int) -> re.Match[str] | None:
    """The verb phrase right before the killed count (``which resulted in the killing of``)."""
    for match in _TOLL_VERB.finditer(body):
        count = _COUNT_TOKEN.match(body, match.end())
        if count is None:
            if body[match.end() :].startswith(("a ", "an ")) and killed == 1:
                return match
            continue
        if value_of(count.group("n")) == killed:
            return match
    return None


def _rewrite_toll(
    body: str, toll: re.Match[str], killed: int, rng: random.Random
) -> tuple[str, list[str]]:
    axes: list[str] = []
    after = body[toll.end() :]
    noun = re.match(
        r"(?P<n>\S+)\s+(?P<adj>(?:[a-z-]+\s+){0,2}?)(?P<noun>civilians|individuals|people|persons)\b",
        after,
    )
    if noun is not None and rng.random() < 0.6:
        new_noun = rng.choice(NOUNS)
        after = after[: noun.start("noun")] + new_noun + after[noun.end("noun") :]
        axes.append("victim noun")
    end = after.find(". ")
    end = len(after) - (1 if after.endswith(".") else 0) if end < 0 else end
    tail, rest = after[:end], after[end:]
    simple = not re.search(r"\b(?:were|was|while|wounded|injured|which|who|and\s+about)\b|;", tail)
    lead = body[: toll.start()]
    form = rng.random()
    if simple and form < 0.3:
        q = toll.group("q")
        subject = (q[:1].upper() + q[1:] if q else "") + (
            tail if q else tail[:1].upper() + tail[1:]
        )
        intro = rng.choice(["As a result, ", ""])
        if intro:
            subject = (q + tail) if q else tail
        glue = ", " if "," in tail else " "
        body = f"{lead}. {intro}{subject.rstrip(',')}{glue}{rng.choice(PASSIVE)}{rest}"
        axes.append("clause order: passive sentence")
    elif simple and form < 0.5:
        glue = ", " if "," in tail else " "
        subject = toll.group("q") + tail
        body = f"{subject}{glue}{rng.choice(PASSIVE[:5])} when {lead.strip()}{rest}"
        axes.append("clause order: toll first")
    else:
        body = f"{lead}{toll.group('sep')}{rng.choice(ACTIVE)} {toll.group('q')}{after}"
        axes.append("verb")
    return body, axes


def _rewrite_numbers(body: str, rng: random.Random) -> str:
    def swap(match: re.Match[str]) -> str:
        token = match.group("n")
        start = match.start()
        before = body[max(0, start - 12) : start]
        if re.search(rf"(?:{'|'.join(MONTHS)})\s+$", before) or (
            token.lower() == "one" and re.match(r"\s+of\b", body[match.end() :])
        ):
            return token
        value = value_of(token)
        capital = start == 0 or bool(re.search(r"[.!?]\s+$", before))
        return render(value, rng, capital)

    body = _COUNT_TOKEN.sub(swap, body)
    # ``a child`` <-> ``one child``
    return re.sub(
        r"\b(a|one)(?=\s+(?:female\s+|male\s+)?(?:child|woman|man|boy|girl)\b)",
        lambda m: rng.choice(["a", "one"]) if m.group(1).islower() else m.group(1),
        body,
    )


def _wrap(text: str, rng: random.Random) -> str:
    width = rng.randint(35, 95)
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if len(current) + 1 + len(word) <= width or not current:
            current = f"{current} {word}" if current else word
            continue
        room = width - len(current) - 2
        plain = word.isalpha() and (word.islower() or word[1:].islower()) and len(word) > 6
        if plain and room >= 3 and rng.random() < 0.6:
            cut = min(room, len(word) - 3)
            lines.append(f"{current} {word[:cut]}-")
            current = word[cut:]
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return "\n".join(lines)


# --- the seed paragraphs --------------------------------------------------------------------------


def _collapse(raw: str) -> str:
    return " ".join(clean_text(raw).text.split())


@pytest.fixture(scope="module")
def paragraphs(seeds_dir: Path) -> list[Paragraph]:
    return load_paragraphs(seeds_dir)


def load_paragraphs(seeds_dir: Path) -> list[Paragraph]:
    """Every incident paragraph of the seed reports with the rows extracted from it."""
    out: list[Paragraph] = []
    for name in REPORTS:
        text = (seeds_dir / f"{name}.txt").read_text(encoding="utf-8")
        frame = incidents_from_text(text, report_id=name)
        period = tuple(int(p) for p in frame.attrs["report_period"].split("-"))
        by_span: dict[tuple[int, int], list[dict[str, object]]] = {}
        for row in frame.astype(object).where(frame.notna(), None).to_dict("records"):
            by_span.setdefault((int(row["span_start"]), int(row["span_end"])), []).append(row)
        for (start, end), rows in by_span.items():
            heading = ["II. Details"]
            if "massacres" in name:
                heading += [HEADINGS[str(rows[0]["perpetrator_section"])],
                            f"{rows[0]['section_governorate']} governorate"]  # fmt: skip
            out.append(Paragraph(name, _collapse(text[start:end]), rows, period, heading))  # type: ignore[arg-type]
    return out


def _document(para: Paragraph, bodies: list[str]) -> tuple[str, list[int]]:
    month = MONTHS[para.period[1] - 1]
    head = f"SNHR report on the killings of {month} {para.period[0]}\n\n" + "\n\n".join(
        para.heading
    )
    parts = [head]
    offsets: list[int] = []
    position = len(head)
    for body in bodies:
        position += 2
        offsets.append(position)
        parts.append(body)
        position += len(body)
    return "\n\n".join(parts) + "\n", offsets


def _extract(para: Paragraph, bodies: list[str]) -> list[list[dict[str, object]]]:
    """Rows per body, extracted from one document holding all of them."""
    document, offsets = _document(para, bodies)
    frame = incidents_from_text(document, report_id=para.report)
    frame = frame.astype(object).where(frame.notna(), None)
    found: list[list[dict[str, object]]] = [[] for _ in bodies]
    bounds = [*offsets, len(document) + 1]
    for row in frame.to_dict("records"):
        start = int(row["span_start"])  # type: ignore[call-overload]
        index = next(i for i in range(len(bodies)) if bounds[i] <= start < bounds[i + 1])
        found[index].append(row)
    return found


def _same(a: object, b: object) -> bool:
    return (a is None and b is None) or a == b


def test_unchanged_seed_paragraphs_give_the_seed_fields(paragraphs: list[Paragraph]) -> None:
    """The harness itself: each paragraph alone under its headings gives its own rows."""
    assert len(paragraphs) >= 95
    bad = []
    for para in paragraphs:
        (rows,) = _extract(para, [para.text])
        fields = [[r[f] for f in FIELDS] for r in rows]
        if fields != [[r[f] for f in FIELDS] for r in para.rows]:
            bad.append((para.report, para.rows[0]["seq"]))
    assert len(bad) <= 2, bad


@dataclass
class Survival:
    total: int = 0
    survived: int = 0
    lost_by_field: Counter[str] = field(default_factory=Counter)
    lost_by_axis: Counter[str] = field(default_factory=Counter)
    examples: list[tuple[str, str, object, object]] = field(default_factory=list)


def survival(paragraphs: list[Paragraph], variants: int, seed: int = SEED) -> Survival:
    """Extract ``variants`` rewrites of every paragraph and count the fields that survive."""
    rng = random.Random(seed)
    result = Survival()
    for para in paragraphs:
        made = [rewrite(para, rng) for _ in range(variants)]
        extracted = _extract(para, [v[0] for v in made])
        for (text, expected, axes), rows in zip(made, extracted, strict=True):
            wanted = [
                expected,
                *({**r, "time_of_day": expected["time_of_day"]} for r in para.rows[1:]),
            ]
            for index, want in enumerate(wanted):
                got = rows[index] if index < len(rows) else {}
                for name in FIELDS:
                    result.total += 1
                    if _same(got.get(name), want[name]):
                        result.survived += 1
                        continue
                    result.lost_by_field[name] += 1
                    result.lost_by_axis.update(axes)
                    result.examples.append((text, name, want[name], got.get(name)))
    return result


@pytest.mark.slow
def test_paraphrased_seed_paragraphs_keep_their_fields(paragraphs: list[Paragraph]) -> None:
    result = survival(paragraphs, VARIANTS)
    rate = result.survived / result.total
    assert result.total >= 13 * 95 * VARIANTS
    assert rate >= 0.99, (
        f"{rate:.4f} of {result.total:,} fields survived; lost by field "
        f"{dict(result.lost_by_field)}, by axis {dict(result.lost_by_axis)}; "
        f"e.g. {result.examples[:1]}"
    )


def test_generator_changes_every_axis(paragraphs: list[Paragraph]) -> None:
    """The rewrites really happen (a generator that returns its input would pass anything)."""
    rng = random.Random(SEED)
    axes: Counter[str] = Counter()
    changed = 0
    for para in paragraphs[:40]:
        for _ in range(30):
            text, _, used = rewrite(para, rng)
            axes.update(used)
            changed += " ".join(text.split()) != para.text
    for axis in ("date", "numbers", "line breaks", "verb", "victim noun",
                 "clause order: passive sentence", "clause order: toll first"):  # fmt: skip
        assert axes[axis] >= 20, axes
    assert changed >= 0.9 * 40 * 30
