r"""Clean up text extracted from SNHR report PDFs while keeping a map to the original.

PDF-to-text output of SNHR reports carries debris: words hyphenated across line breaks
(``mis-\\nsiles``), page footers and lists of evidence URLs between the halves of a paragraph,
narrow newspaper-style columns, and markdown links (``[Armanaz](#)``) when the text went
through an HTML converter. :func:`clean_text` removes that debris and returns a
:class:`MappedText` whose ``origin`` array maps every character of the cleaned text back to its
offset in the original input, so spans reported downstream are provenance in the document the
user gave us. :func:`paragraphs_from_text` then cuts the cleaned text into paragraphs and
headings.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, overload

from syria_geo.reports import rules

Piece = str | int
"""A replacement piece: literal text, or the number of a match group kept verbatim."""


class Offsets(Sequence[int]):
    """Original offsets of the characters of a text, kept as runs (never changed once made).

    Run ``k`` starts at position ``start[k]`` with offset ``base[k]`` and goes up by
    ``step[k]`` a character: 1 for copied text, 0 for inserted text (all of it at one
    place).  Memory grows with the number of edits, not with the length of the text: a
    tuple of Python ints (~40 bytes a character) made ``extract`` hold ~65 bytes per input
    byte.  One exact-size array holds the starts, then ``2 * base + step`` of each run;
    positions are looked up by bisection.
    """

    __slots__ = ("_length", "_runs")

    def __init__(self, runs: array[int], length: int) -> None:
        self._runs, self._length = runs, length

    @classmethod
    def identity(cls, length: int) -> Offsets:
        """Offsets ``0, 1, ..., length - 1``."""
        return cls(array("q", [0, 1]), length) if length else cls(array("q"), 0)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Offsets: ...
    def __getitem__(self, index: int | slice) -> int | Offsets:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            if step != 1:
                raise ValueError("offsets are sliced with step 1 only")
            built = _OffsetsBuilder()
            built.add_range(self, start, stop)
            return built.build()
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset position out of range")
        base, step, start = self.run(bisect_right(self._runs, index, 0, len(self._runs) // 2) - 1)
        return base + step * (index - start)

    def run(self, k: int) -> tuple[int, int, int]:
        """Offset, step and start position of run ``k``."""
        code = self._runs[len(self._runs) // 2 + k]
        return code >> 1, code & 1, self._runs[k]

    def runs(self, start: int, stop: int) -> Iterator[tuple[int, int, int]]:
        """Offset, step and length of the pieces of runs that cover ``start:stop``."""
        n = len(self._runs) // 2
        k = bisect_right(self._runs, start, 0, n) - 1
        while start < stop:
            base, step, first = self.run(k)
            end = min(self._runs[k + 1] if k + 1 < n else self._length, stop)
            yield base + step * (start - first), step, end - start
            start, k = end, k + 1

    def __iter__(self) -> Iterator[int]:
        for base, step, count in self.runs(0, self._length):
            yield from (range(base, base + count) if step else [base] * count)

    def __add__(self, other: Offsets) -> Offsets:
        built = _OffsetsBuilder()
        built.add_range(self, 0, len(self))
        built.add_range(other, 0, len(other))
        return built.build()


class _OffsetsBuilder:
    """Appends runs of offsets, merging a run that continues the last one."""

    def __init__(self) -> None:
        self.starts, self.bases, self.steps = array("q"), array("q"), array("q")
        self.length = 0

    def add_run(self, base: int, step: int, count: int) -> None:
        """Append ``count`` offsets from ``base``, going up by ``step`` (0 or 1)."""
        if count <= 0:
            return
        if self.starts:
            size = self.length - self.starts[-1]
            last, last_step = self.bases[-1], self.steps[-1]
            if size == 1 and base - last in (0, 1) and (count == 1 or step == base - last):
                self.steps[-1] = base - last  # a run of one takes the step that continues it
                self.length += count
                return
            if base == last + last_step * size and (count == 1 or step == last_step):
                self.length += count
                return
        self.starts.append(self.length)
        self.bases.append(base)
        self.steps.append(step if count > 1 else 1)
        self.length += count

    def add_range(self, source: Offsets, start: int, stop: int) -> None:
        """Append ``source[start:stop]``."""
        if start >= stop:
            return
        runs = source._runs
        n = len(runs) // 2
        k = bisect_right(runs, start, 0, n) - 1
        if k + 1 >= n or stop <= runs[k + 1]:  # within one run: the usual case, made quick
            code = runs[n + k]
            self.add_run((code >> 1) + (code & 1) * (start - runs[k]), code & 1, stop - start)
            return
        for base, step, count in source.runs(start, stop):
            self.add_run(base, step, count)

    def build(self) -> Offsets:
        codes = [2 * b + s for b, s in zip(self.bases, self.steps, strict=True)]
        # made from a list: exact size (one array per paragraph adds up)
        return Offsets(array("q", [*self.starts, *codes]), self.length)


@dataclass(frozen=True)
class MappedText:
    """Text plus, for every character, its offset in the original input.

    Attributes
    ----------
    text
        The (transformed) text.
    origin
        ``origin[i]`` is the offset in the original input of ``text[i]``; one extra final
        element holds the original length so that end offsets map too (see :class:`Offsets`).
    """

    text: str
    origin: Offsets

    @classmethod
    def identity(cls, text: str) -> MappedText:
        """Wrap untransformed text (every character maps to itself)."""
        return cls(text, Offsets.identity(len(text) + 1))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original ``(start, end)`` offsets of ``text[start:end]``."""
        if end <= start:
            position = self.origin[start]
            return position, position
        return self.origin[start], self.origin[end - 1] + 1

    def slice(self, start: int, end: int) -> MappedText:
        """Return ``text[start:end]`` with its origins."""
        origin = _OffsetsBuilder()
        origin.add_range(self.origin, start, end)
        origin.add_run(self.origin_end(end), 1, 1)
        return MappedText(self.text[start:end], origin.build())

    def origin_end(self, end: int) -> int:
        """Original offset just after ``text[end - 1]``."""
        if end <= 0:
            return self.origin[0]
        return self.origin[end - 1] + 1


def substitute(
    mapped: MappedText,
    pattern: re.Pattern[str],
    replace: Callable[[re.Match[str]], Sequence[Piece]],
) -> MappedText:
    """Apply a regex substitution and carry the origin map through it.

    Parameters
    ----------
    mapped
        Text to transform.
    pattern
        What to replace.
    replace
        Called with each match; returns pieces to put in its place: a ``str`` is inserted
        literally (its characters map to the original position after the last kept group, or
        to the start of the match) and an ``int`` keeps that match group verbatim with its own
        origins.

    Returns
    -------
    MappedText
        The transformed text.
    """
    text = mapped.text
    if pattern.search(text) is None:
        return mapped  # nothing to replace: no copy of a long text and its map
    out: list[str] = []
    origin = _OffsetsBuilder()
    last = 0
    for match in pattern.finditer(text):
        out.append(text[last : match.start()])
        origin.add_range(mapped.origin, last, match.start())
        cursor = match.start()
        for piece in replace(match):
            if isinstance(piece, int):
                start, end = match.span(piece)
                if start < 0:
                    continue
                out.append(text[start:end])
                origin.add_range(mapped.origin, start, end)
                cursor = end
            else:
                # literal text maps to where it stands in the match (after the last kept group)
                out.append(piece)
                origin.add_run(mapped.origin[min(cursor, len(text))], 0, len(piece))
        last = match.end()
    out.append(text[last:])
    origin.add_range(mapped.origin, last, len(text) + 1)
    return MappedText("".join(out), origin.build())


# Page debris -------------------------------------------------------------------------------

_URL_LINE = re.compile(r"(?m)^[ \t]*<?(?:https?://|www\.)\S+>?[ \t]*(?:\n|$)")
#: ``[label](target)``; the target is bounded and cannot contain brackets or parentheses, so
#: an unclosed ``[x](`` fails at once instead of scanning to the end of the text (which made
#: text with many of them take quadratic time).
_MARKDOWN_LINK = re.compile(r"\[([^\]\[]{0,300})\]\([^()\[\]\s]{0,2048}\)")
_HYPHEN_BREAK = re.compile(
    r"(?<![A-Za-z'’])([A-Za-z][A-Za-z'’]*)-[ \t]*\n[ \t\n]*(?=[A-Za-z])([A-Za-z]+)"
)
_SPECIAL_SPACE = re.compile(r"[\u00a0\u2007\u202f\t]")
_SOFT_HYPHEN = re.compile(r"[\u00ad\u200b\u200e\u200f\ufeff]")
# Latin ligatures a PDF's text keeps ("ﬁeld", "aﬄicted"): their letters
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_CRLF = re.compile(r"\r\n?")
_FORMFEED = re.compile(r"\f")

#: Compounds that keep their hyphen when split at a line break (``fixed-\nwing``).
_KEEP_HYPHEN = frozenset(
    {
        "fixed-wing",
        "locally-made",
        "self-proclaimed",
        "de-escalation",
        "so-called",
        "to-surface",
        "to-ground",
        "to-air",
        "pro-regime",
        "year-old",
        "day-old",
        "month-old",
        "well-known",
        "long-range",
        "short-range",
        "armed-opposition",
        "ground-to",
        "surface-to",
        "air-to",
        "co-operation",
        "re-seize",
        "cease-fire",
        "e-mail",
        "so-far",
    }
)


def _join_hyphenated(match: re.Match[str]) -> Sequence[Piece]:
    first, second = match.group(1), match.group(2)
    compound = f"{first}-{second}".lower()
    keep = (
        second[0].isupper()
        or compound in _KEEP_HYPHEN
        or any(compound.startswith(k + "-") or compound.endswith("-" + k) for k in ("pro", "old"))
        or compound.split("-")[-1] in {"old", "led", "made", "wing", "proclaimed", "range"}
    )
    return [1, "-", 2] if keep else [1, 2]


def clean_text(text: str) -> MappedText:
    r"""Remove PDF-extraction debris, keeping the map to ``text``.

    Parameters
    ----------
    text
        Report text as extracted from the PDF (or as given by the user).

    Returns
    -------
    MappedText
        Cleaned text: Windows line ends and odd spaces normalised, lines that only hold a URL
        removed (page footers and evidence link lists), markdown links replaced by their
        label, ligatures written as their letters (``ﬁ`` -> ``fi``), words hyphenated across
        a line break re-joined (``mis-\\nsiles`` -> ``missiles``;
        ``Syrian-\\nRussian`` and ``fixed-\\nwing`` keep the hyphen).
    """
    mapped = MappedText.identity(text)
    mapped = substitute(mapped, _CRLF, lambda m: ["\n"])
    mapped = substitute(mapped, _FORMFEED, lambda m: ["\n"])
    mapped = substitute(mapped, _SPECIAL_SPACE, lambda m: [" "])
    mapped = substitute(mapped, _SOFT_HYPHEN, lambda m: [])
    mapped = substitute(mapped, _LIGATURE, lambda m: [unicodedata.normalize("NFKC", m.group())])
    mapped = substitute(mapped, _URL_LINE, lambda m: [])
    mapped = substitute(mapped, _MARKDOWN_LINK, lambda m: [1])
    mapped = substitute(mapped, _HYPHEN_BREAK, _join_hyphenated)
    return mapped


_WHITESPACE = re.compile(r"\s+")


def collapse_whitespace(mapped: MappedText) -> MappedText:
    """Collapse runs of whitespace to one space and strip the ends (origins kept)."""
    collapsed = substitute(mapped, _WHITESPACE, lambda m: [" "])
    text = collapsed.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return collapsed.slice(start, max(start, end))


# Paragraphs ------------------------------------------------------------------------------------

BlockKind = Literal["section", "party", "governorate", "paragraph"]


@dataclass(frozen=True)
class Block:
    """A heading or paragraph of the cleaned text.

    Attributes
    ----------
    kind
        ``section`` (Roman-numbered heading), ``party`` (perpetrator sub-heading),
        ``governorate`` (governorate sub-heading) or ``paragraph``.
    start, end
        Offsets in the cleaned text.
    text
        The block's text with whitespace collapsed.
    value
        For headings, the normalised value (section title, party or governorate).
    mapped
        For paragraphs, ``text`` with origins in the original input.
    """

    kind: BlockKind
    start: int
    end: int
    text: str
    value: str | None = None
    mapped: MappedText | None = None


_TERMINAL = re.compile(r"[.!?:;”\"')\]]\s*$")
_SENTENCE_DONE = re.compile(r"[.!?][”\"')]?\s*$")
_FUNCTION_WORD_END = re.compile(
    r"(?:,|\b(?:of|in|the|and|at|on|to|from|by|a|an|for|with|near|under|between))\s*$"
)


#: A line ending that cannot end a heading: a function word or a name particle (``in Al``).
_OPEN_LINE_END = re.compile(
    r"(?:,|\b(?:of|in|the|and|at|on|to|from|by|a|an|for|with|near|under|between|al|Al|el|El))$"
)


def _tail(text: str, start: int, end: int) -> str:
    """The end of ``text[start:end]`` without trailing whitespace (at most ~200 characters).

    The paragraph splitter looks only at how the text so far ends; copying or searching the
    whole growing paragraph for every line made long paragraphs take quadratic time.
    """
    window = 200
    while True:
        low = max(start, end - window)
        tail = text[low:end].rstrip()
        if tail or low == start:
            return tail[-200:]
        window *= 4


def _mid_sentence(
    previous: str, lines: list[str], next_index: int, *, line_ends_open: bool = False
) -> bool:
    """True if a heading-like line sits inside a sentence (narrow-column line break)."""
    if _FUNCTION_WORD_END.search(previous) or (
        # an unfinished sentence (it ends in a word) continued by an open line
        previous[-1:].isalpha() and line_ends_open
    ):
        return True
    # iterate (not ``lines[next_index:]``, a copy of the rest of the document per call)
    following = next((lines[i] for i in range(next_index, len(lines)) if lines[i].strip()), "")
    return following.lstrip()[:1].islower()


def _heading(line: str) -> tuple[BlockKind, str] | None:
    stripped = line.strip()
    if not stripped or len(stripped) > 170:
        return None
    roman = rules.ROMAN_HEADING.match(stripped)
    if roman:
        return "section", roman.group("title").strip()
    gov = rules.GOVERNORATE_HEADING.match(stripped)
    if gov:
        value = rules.normalize_governorate(gov.group("gov"))
        if value is not None:
            return "governorate", value
    party = rules.PARTY_HEADING.match(stripped)
    if party and not re.search(r"\d", stripped):
        name = party.group("name").strip()
        if len(name.split()) <= 6 and not name.endswith("."):
            if rules.EXTREMIST_HEADING.match(name):
                return "party", "extremist"
            if rules.OTHER_PARTIES_HEADING.match(name):
                return "party", "other_parties"
            value = party_of_heading(name)
            if value is not None:
                return "party", value
    return None


def party_of_heading(name: str) -> str | None:
    """Return the section party of a heading or summary label, or None.

    Parameters
    ----------
    name
        Label such as ``"Government forces"``, ``"Russian forces"``,
        ``"ISIS (Self-proclaimed the Islamic State)"``, ``"Other parties"``.

    Returns
    -------
    str or None
        One of :data:`syria_geo.reports.rules.SECTION_PARTIES`.
    """
    label = re.sub(r"\([^)]*\)", " ", name).strip()
    if rules.OTHER_PARTIES_HEADING.match(label) or re.search(
        r"\bother\s+parties\b", label, re.IGNORECASE
    ):
        return "other_parties"
    found = {
        "armed_opposition" if m.lastgroup == "sna" else m.lastgroup
        for m in rules.PARTY_RE.finditer(label)
    }
    found.discard(None)
    if len(found) != 1:
        return None
    party = str(found.pop())
    return rules.PERPETRATOR_TO_SECTION.get(party)


def paragraphs_from_text(mapped: MappedText) -> list[Block]:
    """Cut cleaned text into headings and paragraphs.

    A paragraph ends at a blank line unless the text before it does not end a sentence and
    the text after it starts in lower case (a paragraph broken by a page footer). A line that
    starts with an incident date after a finished sentence starts a new paragraph even without
    a blank line (reports often omit it).

    Parameters
    ----------
    mapped
        Output of :func:`clean_text`.

    Returns
    -------
    list of Block
        In document order.
    """
    text = mapped.text
    blocks: list[Block] = []
    current_start: int | None = None
    current_end = 0
    blank_seen = False

    def close() -> None:
        nonlocal current_start
        if current_start is not None:
            body = collapse_whitespace(mapped.slice(current_start, current_end))
            if body.text:
                blocks.append(
                    Block("paragraph", current_start, current_end, body.text, mapped=body)
                )
        current_start = None

    lines = text.split("\n")
    layout = _Layout.of(lines)
    starts = layout.starts
    index = 0
    while index < len(lines):
        line = lines[index]
        line_start = starts[index]
        line_end = line_start + len(line)
        index += 1
        if not line.strip():
            blank_seen = True
            continue
        heading, span_lines = _heading_lines(lines, index - 1)
        if (
            heading is not None
            and heading[0] != "section"
            and current_start is not None
            and not blank_seen
            and _mid_sentence(
                _tail(text, current_start, current_end),
                lines,
                index + span_lines,
                line_ends_open=_OPEN_LINE_END.search(line.rstrip()) is not None,
            )
        ):
            heading = None  # a short line inside a sentence broken by a narrow column
            span_lines = 0
        if heading is not None:
            close()
            kind, value = heading
            if span_lines:
                last = index - 1 + span_lines
                line_end = starts[last] + len(lines[last])
                index = last + 1
            heading_text = " ".join(text[line_start:line_end].split())
            blocks.append(Block(kind, line_start, line_end, heading_text, value))
            blank_seen = False
            continue
        if current_start is None:
            current_start, current_end = line_start, line_end
            blank_seen = False
            continue
        previous = _tail(text, current_start, current_end)
        if _new_paragraph(text, lines, index - 1, previous, layout, blank_seen=blank_seen):
            close()
            current_start = line_start
        current_end = line_end
        blank_seen = False
    close()
    return blocks


@dataclass(frozen=True)
class _Layout:
    """How a document's lines are laid out: line width, blank lines, where each line starts."""

    typical: int
    one_paragraph_per_line: bool
    no_blank_lines: bool
    starts: list[int]

    @classmethod
    def of(cls, lines: list[str]) -> _Layout:
        """Measure the layout of ``lines``."""
        # Line width of the body text: a finished sentence on a clearly shorter line ends its
        # paragraph even when the extractor dropped the blank line; in documents with one
        # paragraph per line (HTML converters) every line end after a sentence does.
        widths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= 20)
        typical = widths[int(0.9 * (len(widths) - 1))] if widths else 0
        one_paragraph_per_line = typical > 250
        # only when the extractor dropped the blank lines between paragraphs
        blank_lines = sum(1 for line in lines if not line.strip())
        no_blank_lines = blank_lines < 0.05 * max(1, len(lines) - blank_lines)
        starts: list[int] = []
        position = 0
        for line in lines:
            starts.append(position)
            position += len(line) + 1
        return cls(typical, one_paragraph_per_line, no_blank_lines, starts)


def _heading_lines(lines: list[str], at: int) -> tuple[tuple[BlockKind, str] | None, int]:
    """The heading on line ``at`` and how many further lines it spans."""
    line = lines[at]
    heading = _heading(line)
    # a party heading whose parenthesis is closed on a later line (narrow columns)
    if heading is None and line.count("(") > line.count(")"):
        joined = line
        for extra in range(1, 4):
            if at + extra >= len(lines) or not lines[at + extra].strip():
                break
            joined += " " + lines[at + extra].strip()
            if joined.count("(") <= joined.count(")"):
                candidate = _heading(joined)
                if candidate is not None and candidate[0] == "party":
                    return candidate, extra
                break
    return heading, 0


def _new_paragraph(
    text: str, lines: list[str], at: int, previous: str, layout: _Layout, *, blank_seen: bool
) -> bool:
    """Whether line ``at`` starts a new paragraph after a paragraph ending in ``previous``."""
    line_start = layout.starts[at]
    stripped = lines[at].lstrip()
    finished = bool(_TERMINAL.search(previous))
    previous_line = lines[at - 1].rstrip() if at >= 1 else ""
    short = bool(layout.typical) and len(previous_line) < 0.75 * layout.typical
    starts_date = bool(rules.INCIDENT_DATE.match(text[line_start : line_start + 200]))
    continues = stripped[:1].islower() or (not finished and not starts_date)
    upper_start = not stripped[:1].islower()
    ended = (
        layout.no_blank_lines
        and upper_start
        and bool(_SENTENCE_DONE.search(previous_line))
        and (short or layout.one_paragraph_per_line)
    )
    return (
        (blank_seen and not continues)
        or (starts_date and (finished or (short and layout.no_blank_lines)))
        or (not blank_seen and ended)
    )
