"""Readers for the figures SNHR prints in its summaries (massacres, victims, death tolls).

SNHR has printed its monthly figures in many shapes since 2014: ``Government forces: 41
massacres``, ``A- Government Forces (...) committed 28 massacres``, ``The Syrian regime and its
militias perpetrated 22 of the 26 massacres while ...``, governorates one per line or in one
line (``Idlib 7, Rural Damascus 12``), ``In total, 412 were killed in those massacres
including 97 children and 53 women``, ``ISIS: 140 civilians, including ...`` and, in the
death-toll reports, ``documented the deaths of 125 civilians, including ...``,
``the deaths of eight individuals due to torture``.  :func:`figures_from_text` reads them
from cleaned report text (see :mod:`syria_geo.reports.text`) into :class:`Figure` records
with their offsets; :func:`syria_geo.reports.reader.summary_from_text` turns those into a table.
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from syria_geo.errors import InputFormatError, SyriaGeoWarning, check_choice
from syria_geo.reports import rules
from syria_geo.reports.text import MappedText, paragraphs_from_text, party_of_heading

N = rules.NUMBER
_MARKER = r"(?:(?:[A-Ha-h]|[ivx]{1,4}|\d{1,2})\s*[-.)]\s*|[-•o]\s+)"
_LABEL = r"(?P<label>[A-Z][^:.;¶\n]{1,140}?)"


@dataclass
class Figure:
    """One printed number.

    Attributes
    ----------
    measure
        ``massacres``; ``massacre_victims``, ``massacre_children``, ``massacre_women`` (the
        victims of the month's massacres); ``killed``, ``children``, ``women`` (the month's
        civilian death toll); ``torture_deaths``, ``medical_personnel`` or ``media_workers``.
    perpetrator
        ``all`` or one of :data:`syria_geo.reports.rules.SECTION_PARTIES`;
        ``extremist_groups`` for an extremist groups heading that prints its own number.
    governorate
        A governorate of :data:`syria_geo.reports.rules.GOVERNORATES`, or None for the
        whole country.
    value
        The number as printed.
    start, end
        Offsets of the figure's item in the cleaned text: from its label (or the start of
        its sentence) to the end of what belongs to it (its children and women).
    label
        The label as written.
    warnings
        Remarks on this figure (contradictions with the report's own sums).
    """

    measure: str
    perpetrator: str
    governorate: str | None
    value: int
    start: int
    end: int
    label: str
    warnings: list[str] = field(default_factory=list)
    part_of: str | None = None
    """For an item of a list under a perpetrator's own total (``Other parties: 110 ...,
    distributed as follows: • Turkish forces: 4``), that perpetrator; such items are not
    added into the report's sums."""

    @property
    def key(self) -> tuple[str, str, str | None]:
        """``(measure, perpetrator, governorate)``."""
        return self.measure, self.perpetrator, self.governorate


# ---------------------------------------------------------------------------------------------
# labels

_PARENT = re.compile(
    r"^extremists?\s+(?:islam(?:ic|ist)?\s+)?(?:groups?|factions?)$", re.IGNORECASE
)
#: Names the summaries of 2014-2015 give perpetrators that the incident vocabulary does not
#: (``Armed groups: one massacre``).
_SUMMARY_PARTIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("armed_opposition", re.compile(r"^armed\s+(?:groups?|factions?)$", re.IGNORECASE)),
)
_OTHER = re.compile(
    r"^(?:other\s+parties|unidentified\s+(?:groups?|parties|perpetrators?)|unknown\s+(?:groups?"
    r"|parties|perpetrators?)|other\s+groups|parties\s+not\s+yet\s+identified)$",
    re.IGNORECASE,
)


def _clean_label(label: str) -> str:
    label = re.sub(r"\([^)]*\)?", " ", label)
    label = re.sub(rf"^\s*{_MARKER}", "", label.strip())
    label = re.sub(r"^(?:and|while|whereas)\s+", "", label.strip(), flags=re.IGNORECASE)
    label = re.sub(r"^(?:the|by)\s+", "", label.strip(), flags=re.IGNORECASE)
    return " ".join(label.split()).strip(" -–:,")


def party_of_label(label: str) -> str | None:
    """Section party of a summary label, ``"parent"`` for a heading with sub-items, or None.

    Parameters
    ----------
    label
        As printed: ``"Government forces"``, ``"Daesh"``, ``"Unidentified groups"``,
        ``"Extremists Islam Groups"``, ``"The Syrian regime and its militias"``.

    Returns
    -------
    str or None
        One of :data:`syria_geo.reports.rules.SECTION_PARTIES`, ``"parent"``, or None when
        the label names no party.
    """
    text = _clean_label(label)
    if not text or len(text) > 90:
        return None
    if _PARENT.match(text):
        return "parent"
    if _OTHER.match(text):
        return "other_parties"
    for name, pattern in _SUMMARY_PARTIES:
        if pattern.match(text):
            return name
    party = party_of_heading(text)
    if party == "other_parties" and not re.search(r"\bother\s+parties\b", text, re.IGNORECASE):
        return None  # ``Landmines of unknown origin``: a category of other parties' victims
    return party


def governorate_of_label(label: str) -> str | None:
    """The governorate a summary label names (``"Der Ezzor"``, ``"Damascus countryside"``)."""
    return rules.normalize_governorate(_clean_label(label))


# ---------------------------------------------------------------------------------------------
# statements: the sentences and list items of a summary, with PDF debris set aside

_INLINE_BOUNDARY = re.compile(
    r"(?<=[.!?;])(?<!\b[A-Za-z]\.)\s+(?=[A-Z(“\"])|\s+(?=(?:[A-H]|[ivx]{1,4})-\s)|\s*•\s*"
)
#: A list marker with its item after it on the line (``A- ``, ``ii. ``, ``3) ``, ``– ``, ``•``).
_LIST_START = re.compile(
    r"[ \t]*(?:(?:[A-Ha-h]|[ivx]{1,4})[ \t]*[-.)][ \t]*(?=\S)|\d{1,2}[ \t]*[-.)][ \t]*(?=[^\s\d])"
    r"|[-•o–][ \t]+(?=\S)|•)"
)
#: A line that ends a sentence or a label; a run of lines ending otherwise goes on.
_CLOSED_END = re.compile(r"[.:;!?”\"]\s*$")
#: A line ending that cannot end a statement (``... amongst them``, ``including``, ``Syrian,``).
_OPEN_END = re.compile(
    r"(?:[,(–—-]|\b(?:and|or|including|amongst|among|them|of|whom|which|the|by|at|in|on|to"
    r"|than|least|with|were|was|are|is|a|an|for|from|as|its|their|documented|recorded|during"
    r"|since|between|reached)\b)\s*$",
    re.IGNORECASE,
)
#: A line that only holds a page number (``4``, ``Page 4``, ``4 / 12``): page debris.
_PAGE_NUMBER = re.compile(r"\s*(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?\s*", re.IGNORECASE)


#: A run that starts with a number: after a run ending in a colon it is that label's value
#: (``Hama:`` / ``2, Damascus suburbs: 2``).
_VALUE_START = re.compile(rf"\s*(?:{N})(?![\w'’])", re.IGNORECASE)


#: A line that opens with a count or a label and its number (``57 massacres were ...``,
#: ``Aleppo: 12 massacres ...``): lines that both do are items of one list.
_COUNT_START = re.compile(
    rf"[ \t]*(?:{_MARKER})?(?:(?:{N}|an?)\s+(?:\w+\s+)?(?:massacres?|victims?|civilians?"
    rf"|individuals?|people|persons|children|women)\b|[A-Z][^:\n]{{0,60}}:[ \t]*(?:{N})\b)",
    re.IGNORECASE,
)


def _parallel(text: str, line: int, following: int) -> bool:
    """Two lines that both open with a count or a label's number (list items)."""
    return bool(_COUNT_START.match(text, line) and _COUNT_START.match(text, following))


def _line_end(text: str, start: int, end: int) -> int:
    newline = text.find("\n", start, end)
    return end if newline < 0 else newline


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Runs of lines that belong together.

    A line break ends a statement after a blank line, before a list marker, after a short
    line or after ``.:;!?``; otherwise it is a wrap inside the statement.
    """
    position = start
    run_start = start
    while position < end:
        newline = text.find("\n", position, end)
        if newline < 0:
            break
        line = text[position:newline].rstrip()
        following = text[newline + 1 : newline + 3]
        if (
            not line.strip()
            or len(line.strip()) < 60
            or line[-1:] in ".:;!?"
            or not following.strip()
            or _LIST_START.match(text, newline + 1) is not None
            or _parallel(text, position, newline + 1)
            or _PAGE_NUMBER.fullmatch(text, newline + 1, _line_end(text, newline + 1, end))
        ):
            if newline > run_start:
                yield run_start, newline
            run_start = newline + 1
        position = newline + 1
    if end > run_start:
        yield run_start, end


#: A line that is a whole list item (``Idlib: 14``, ``- Daesh: 21 victims``).
_ITEM_RUN = re.compile(
    rf"^\s*(?:{_MARKER})?[A-Z][^:\n]{{0,80}}:.*?(?:(?<![\w-]){N}|massacres?|victims?|civilians?"
    r"|individuals?|people|persons|children|women|\))\s*$",
    re.IGNORECASE,
)
#: A governorate's name cut by a break (``Rural`` / ``Damascus: 1 massacre``).
_GOVERNORATE_START = re.compile(rf"(?:{rules.GOVERNORATE_NAME})(?![\w-])", re.IGNORECASE)
#: A run that opens a new item (a marker, or a label and its colon).
_ITEM_START = re.compile(
    rf"^\s*(?:{_LIST_START.pattern}|[A-Z](?:[^:.;,\n(]|\([^)\n]*\)?){{0,60}}:(?:\s|$))"
)


_DIGIT = re.compile(r"\d")
_HEADING_LINE = re.compile(r"^\s*(?:[IVX]{1,5}|[A-H])\s*[-–.)]\s*[A-Z]")


def _crosses(pattern: re.Pattern[str], line: str, run: str) -> bool:
    """Whether a name of ``pattern`` starts at the end of ``line`` and ends in ``run``."""
    tail = line[-40:]
    joined = f"{tail} {run[:60]}"
    return any(m.start() < len(tail) and m.end() > len(tail) + 1 for m in pattern.finditer(joined))


def _continues(before: str, run: str, *, gap: str) -> bool:
    """Whether ``run`` goes on with the unfinished sentence ending ``before``.

    The sentence is unfinished when it ends without ``.:;!?``.  What follows goes on with it
    when it starts in lower case, a parenthesis, a governorate's name or a number; after a
    comma or a word that cannot end a statement; or after a long line of running text that a
    line wrap or a page break cut (``gap`` holds what stood between: ``"page"`` for a page
    number, else the white space).  A run that opens a list item, and a line that is a whole
    item or a heading, are not continued.
    """
    stripped = run.lstrip()
    if not stripped or _CLOSED_END.search(before):
        return False
    last_line = before.rsplit("\n", 1)[-1]
    if stripped[0].islower() or stripped[0] == "(" or last_line.count("(") > last_line.count(")"):
        return True
    if _crosses(_GOVERNORATE_START, last_line, stripped) or _crosses(
        rules.PARTY_RE, last_line, stripped
    ):
        return True  # ``Rural`` / ``Damascus: 1 massacre``, ``Syrian National`` / ``Army: 11``
    if before.endswith(","):
        return True
    if _ITEM_START.match(run):
        return False
    if _OPEN_END.search(before) is not None:
        return True
    heading = _HEADING_LINE.match(last_line) is not None and not _DIGIT.search(last_line)
    if heading or _ITEM_RUN.match(last_line):
        return False  # ``IV. Record of massacres``; ``Idlib: 14``: not a sentence cut short
    if _COUNT_START.match(last_line) and _COUNT_START.match(run):
        return False  # items of one list: ``11 massacres by ...`` / ``5 massacres by ...``
    if gap == "page" or _VALUE_START.match(run):
        return True  # ``... reached`` / ``152, including ...``
    return "\n\n" not in gap and len(last_line) >= 35


def _runs(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Runs of lines, rejoined where a page or column break cut a sentence; and page debris.

    A run that does not close its sentence (``... 377 victims, amongst them 101``) goes on in
    the next run when :func:`_continues` says so (``children and 70 women``); a line holding
    only a page number between the two halves is debris (returned so that its number is not
    read).  After a label (``Hama:``) a number alone on its line is the label's value, unless
    the words after it go on with the label's sentence.
    """
    lines = list(_lines(text, start, end))
    runs: list[tuple[int, int]] = []
    debris: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        a, b = lines[index]
        index += 1
        if not runs:
            runs.append((a, b))
            continue
        # the end of the run so far is all that decides (a run may be long)
        tail_start = max(runs[-1][0], runs[-1][1] - _WINDOW)
        before = text[tail_start : runs[-1][1]].rstrip()
        gap = text[tail_start + len(before) : a]
        page: list[tuple[int, int]] = []
        while _PAGE_NUMBER.fullmatch(text, a, b) and index < len(lines):
            following = lines[index]
            after = text[following[0] : following[1]]
            if before.endswith(":"):  # ``Hama:`` / ``24`` is a value, unless words go on
                if not after.lstrip()[:1].islower() and _VALUE_START.match(after) is None:
                    break
            elif not _continues(before, after, gap="page"):
                break
            page.append((a, b))
            a, b = following
            index += 1
        run = text[a:b]
        joined = _continues(before, run, gap="page" if page else gap) or (
            before.endswith(":") and (run.lstrip()[:1].islower() or _VALUE_START.match(run))
        )
        if joined and _LIST_START.match(text, a) is None:
            runs[-1] = (runs[-1][0], b)
            debris.extend(page)
        else:
            runs.extend(page)
            runs.append((a, b))
    return runs, debris


def _statements(
    text: str, start: int, end: int
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Statements of ``text[start:end]`` (sentences, list items, label lines) and debris."""
    runs, debris = _runs(text, start, end)
    out: list[tuple[int, int]] = []
    for run_start, run_end in runs:
        position = run_start
        for match in _INLINE_BOUNDARY.finditer(text, run_start, run_end):
            if match.start() > position and text[position : match.start()].strip():
                out.append((position, match.start()))
            position = match.end()
        if run_end > position and text[position:run_end].strip():
            out.append((position, run_end))
    return out, debris


# ---------------------------------------------------------------------------------------------
# numbers: every number of a statement and the noun it counts

_HEDGE = (
    r"(?:(?:no|not)\s+(?:less|fewer)\s+than|at\s+least|nearly|almost|about|around|approximately"
    r"|roughly|some|more\s+than|over|up\s+to|a\s+total\s+of)"
)
_NUMBER_TOKEN = re.compile(rf"(?<![\w'’\-/])(?:{N}|an?)(?![\w'’])", re.IGNORECASE)
_NOUN = re.compile(
    r"\s*(?:(?:more|other|further|additional|civilian|female|male|adult|young|syrian|new)\s+){0,2}"
    r"(?P<noun>massacres?|victims?|civilians?|individuals?|people|persons?|casualties|deaths?"
    r"|detainees?|prisoners?"
    r"|children|child|kids|minors?|women|woman"
    r"|medical\s+(?:personnel|workers?|staff|cadres?)|health(?:care)?\s+workers?"
    r"|media\s+(?:workers?|personnel|activists?)|(?:citizen\s+)?journalists?)\b",
    re.IGNORECASE,
)
_NOUN_KINDS: tuple[tuple[str, str], ...] = (
    ("massacre", "massacres"),
    ("medical", "medical"),
    ("health", "medical"),
    ("media", "media"),
    ("journalist", "media"),
    ("citizen", "media"),
    ("child", "children"),
    ("kids", "children"),
    ("minor", "children"),
    ("wom", "women"),
)
#: ``of whom 98 were children``: the noun after the verb.
_WERE_NOUN = re.compile(r"\s+(?:were|are)\s+(?P<noun>children|child|women|woman)\b", re.I)
#: ``412 were killed``, ``393 people were killed``: the victims noun left out.
_IMPLIED_VICTIMS = re.compile(
    r"\s+(?:(?:people|persons)\s+)?(?:(?:were|was|have\s+been|had\s+been)\s+killed|died|killed)\b",
    re.IGNORECASE,
)
_TORTURE_AFTER = re.compile(
    r"[^.;¶]{0,40}?\b(?:(?:due\s+to|under|because\s+of|as\s+a\s+result\s+of|from)\s+torture"
    r"|tortured\s+to\s+death)",
    re.IGNORECASE,
)
#: ``22 of the 26 massacres``: the party's count and the month's total in one phrase.
_OF_TOTAL = re.compile(rf"\s+(?:out\s+)?of\s+(?:the\s+)?(?P<t>{N})\s+massacres?\b", re.IGNORECASE)
#: What may follow a number printed without its noun (``Idlib: 14``, ``Hama 1.``).
_BARE_END = re.compile(
    r"\s*(?:$|[,.;:)\]¶–—]|-\s|\s(?:and|in|at|were|was|or)\b|(?-i:\s+[A-Z]))", re.IGNORECASE
)
_MONTH_NAMES = "|".join(rules.MONTHS)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTH_NAMES})[ \t]*,?[ \t]*$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTH_NAMES})\b", re.IGNORECASE)
_MARKER_AFTER = re.compile(r"\s*[-)]\s+(?:[A-Z]|\d)|\.\s+(?:[A-Z][a-z]|\d)")


@dataclass
class _Mention:
    """A number of a statement (offsets in the statement) and the noun it counts."""

    value: int
    start: int
    end: int
    noun: str
    """``massacres``, ``victims``, ``children``, ``women``, ``torture``, ``medical``,
    ``media``, or ``""`` for a number printed without its noun."""
    reference: bool = False
    """The ``26`` of ``22 of the 26 massacres`` (a total named in passing)."""


def _noun_kind(noun: str) -> str:
    lowered = noun.lower()
    return next((kind for prefix, kind in _NOUN_KINDS if lowered.startswith(prefix)), "victims")


def _not_a_count(view: str, start: int, end: int, token: str) -> bool:
    """Percentages, decimals, dates, years, ages, list markers."""
    after = view[end : end + 12]
    if re.match(r"\s*(?:%|percent\b|per\s*cent\b)|[.,]\d|-\w", after, re.IGNORECASE):
        return True
    if start >= 2 and re.match(r"\d[.,]", view[start - 2 : start]):
        return True
    if token.isdigit() and len(token) == 4 and 1900 <= int(token) <= 2100:
        return True
    if _DATE_BEFORE.search(view, max(0, start - 14), start) or _DATE_AFTER.match(view, end):
        return token.isdigit() and int(token) <= 31
    line_start = max(view.rfind("\n", max(0, start - 80), start) + 1, start - 80)
    at_item_start = not view[line_start:start].strip(" \t-–•")
    return at_item_start and _MARKER_AFTER.match(view, end) is not None


def _mentions(view: str) -> list[_Mention]:
    """Every number of a statement that counts something, in order."""
    out: list[_Mention] = []
    for match in _NUMBER_TOKEN.finditer(view):
        token = match.group(0)
        start, end = match.span()
        if (out and start < out[-1].end) or _not_a_count(view, start, end, token):
            continue
        article = token.lower() in ("a", "an")
        try:
            value = rules.parse_number(token)
        except ValueError:
            continue
        noun = _NOUN.match(view, end) or _WERE_NOUN.match(view, end)
        if noun is not None:
            kind = _noun_kind(noun.group("noun"))
            stop = noun.end()
            if kind == "victims":
                torture = _TORTURE_AFTER.match(view, stop)
                if torture is not None:
                    kind, stop = "torture", torture.end()
            out.append(_Mention(value, start, stop, kind))
            continue
        if article:
            continue
        of_total = _OF_TOTAL.match(view, end)
        if of_total is not None:
            out.append(_Mention(value, start, end, "massacres"))
            t_start = of_total.start("t")
            total = rules.parse_number(of_total.group("t"))
            out.append(_Mention(total, t_start, of_total.end(), "massacres", reference=True))
            continue
        implied = _IMPLIED_VICTIMS.match(view, end)
        if implied is not None:
            out.append(_Mention(value, start, end, "victims"))
        elif _BARE_END.match(view, end) is not None:
            out.append(_Mention(value, start, end, ""))
    return out


# ---------------------------------------------------------------------------------------------
# what a number counts and whose it is: the words around it

#: Between two items of one line (``Aleppo: 12 massacres, Idlib: 9``, ``... – Daesh: 3``,
#: ``... while the Kurdish forces perpetrated one``); a label is the words after the last one.
_SEPARATOR = re.compile(
    r"[,;•¶:]|\s[–—-]\s|[–—]|\b(?:[Ww]hile|[Ww]hereas|[Aa]ccording\s+to)\b"
    r"|\band\s+(?=(?:the\s+)?[A-Z])"
)
_VERBS = (
    r"(?:committed|perpetrated|carried\s+out|(?:was|were|is|are|has\s+been|have\s+been)\s+"
    r"responsible\s+for|killed|caused\s+the\s+deaths?\s+of|claimed\s+the\s+lives\s+of)"
)
_GOV_BEFORE = re.compile(
    rf"(?<![\w-])(?P<label>{rules.GOVERNORATE_NAME})(?:\s+(?:governorate|province))?"
    rf"\s*[:,–-]?\s*(?:{_HEDGE}\s+)?$",
    re.IGNORECASE,
)
#: What may stand between a label's colon and its number (``: perpetrated``, ``: We
#: documented the deaths of``): words, no number, no other item.
_BETWEEN = re.compile(r"\s*[^:;,•¶\d]{0,80}")
_VERB_END = re.compile(rf"\s+{_VERBS}\s+(?:{_HEDGE}\s+)?$", re.IGNORECASE)
_LABEL_STOP = re.compile(r"[:;•¶]")
_BY_AFTER = re.compile(
    r"\s*(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:perpetrated|committed|carried\s+out|caused)"
    r"\s+by\s+(?P<label>[^,.;:¶]{2,100}?)(?=\s*(?:[,.;:¶–—]|\band\b|\bwhile\b|\bin\b|$))",
    re.IGNORECASE,
)
_HANDS_AFTER = re.compile(r"\bat\s+the\s+hands\s+of\s+(?P<label>[^,.;:¶]{2,80})", re.IGNORECASE)
#: Words of an introduction, not a perpetrator or governorate (``distributed as follows:``).
_INTRO_WORDS = re.compile(
    r"follows|distribut|divided|detailed|toll|document|record|summary|massacre|victim|governorate"
    r"|perpetrator|part(?:y|ies)\s+that|total|according|breakdown|province|month|\bby\b"
    r"|\bSNHR\b|syrian\s+network",
    re.IGNORECASE,
)
#: A statement that reports (a total without a label counts only in one).
_REPORTING = re.compile(
    r"\b(?:documented|recorded|documenting|documentation|registered|toll|total|reached"
    r"|resulted\s+in|according\s+to|SNHR|we|(?:these|those|the)\s+massacres?)\b",
    re.IGNORECASE,
)
#: A number of areas of control, a sub-breakdown of a perpetrator's count.
_CONTROL_AFTER = re.compile(
    r"[^.;¶]{0,40}?(?:\b(?:areas?|regions?)\s+(?:that\s+(?:are|were)\s+|which\s+(?:are|were)\s+)?"
    r"(?:under|controlled|held)|\bunder\s+the\s+(?:joint\s+)?control\s+of|\bcontrolled\s+by"
    r"|\bheld\s+by)",
    re.IGNORECASE,
)
#: A cause of death named before a toll: the toll is that cause's, not the month's.
_CAUSE = re.compile(
    r"\b(?:land\s*mines?|mines?|explosions?|bombings?|car\s+bombs?|shelling|air\s*strikes?"
    r"|drown\w*|fires?|cold|siege|starvation|cluster)\b",
    re.IGNORECASE,
)
#: What SNHR calls a massacre (``the killing of five people at once``): not a figure.
_FIVE_PEOPLE = re.compile(
    r"\b(?:five|5)\s+(?:\w+\s+){0,4}(?:people|individuals|persons|civilians|victims)\b",
    re.IGNORECASE,
)
_DEFINING = re.compile(
    r"describ|defin|\bmeans?\b|\bterm\b|description|if\s+it\s+involves|same\s+time|at\s+once"
    r"|methodology",
    re.IGNORECASE,
)
#: A statement about one massacre (``the most notable massacre ... in that massacre``).
_ONE_MASSACRE = re.compile(
    r"\b(?:that|this)\s+massacre\b|\bmost\s+notable\s+(?:massacre|incident|attack)\b(?!s)"
    r"|\bthe\s+one\s+that\b",
    re.IGNORECASE,
)
_BREAKDOWN_INTRO = re.compile(r"as\s+follows|detailed|distributed|divided", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r",\s*(?:bringing|including|which|while|whereas|amongst|among|of\s+whom)\b|[.;¶]",
    re.IGNORECASE,
)
_MONTH_AFTER = re.compile(rf"\s+(?:in|during)\s+(?:the\s+month\s+of\s+)?(?:{_MONTH_NAMES})\b", re.I)
_ALL_OF_THEM = re.compile(r"\s*,?\s*(?:and\s+)?all\s+(?:of\s+them\s+)?", re.IGNORECASE)
_ONE_GOVERNORATE = re.compile(
    rf"\bin\s+(?:the\s+)?(?:[a-z]+\s+suburbs\s+of\s+)?(?P<gov>{rules.GOVERNORATE_NAME})"
    r"\s+governorate",
    re.IGNORECASE,
)


def _blank_parens(view: str) -> str:
    """``view`` with parenthesised words blanked (same length), for finding labels."""
    return re.sub(r"\([^()]*\)?", lambda m: " " * len(m.group(0)), view)


def _tail(label: str) -> tuple[str, int]:
    """The words after the last separator of ``label``, and where they start."""
    start = 0
    for match in _SEPARATOR.finditer(label):
        if label[match.end() :].strip():
            start = match.end()
    piece = label[start:]
    return piece.strip(), start + len(piece) - len(piece.lstrip())


@dataclass(frozen=True)
class _Label:
    """Who or where a number is about, as written before it."""

    party: str | None
    gov: str | None
    start: int
    known: bool
    """False for a label that names neither a perpetrator nor a governorate (``Landmines of
    unknown source:``): its numbers are not the report's figures."""


def _classify(text: str, start: int) -> _Label | None:
    """A label's perpetrator or governorate; None for introductory words."""
    gov = governorate_of_label(text)
    party = party_of_label(text)
    if party == "parent":
        party = "extremist_groups"
    if party is not None:
        return _Label(party, None, start, True)
    if gov is not None:
        return _Label(None, gov, start, True)
    if not _clean_label(text) or _INTRO_WORDS.search(text):
        return None
    return _Label(None, None, start, False)


def _label_before(blank: str, low: int, at: int) -> _Label | None:
    """The label written just before a number at ``at`` (searched from ``low``)."""
    low = max(low, at - _WINDOW)
    left = blank[low:at]
    gov = _GOV_BEFORE.search(left)
    if gov is not None:
        tail, offset = _tail(left[: gov.end("label")])
        if offset >= gov.start("label") - 1 or tail == gov.group("label").strip():
            name = rules.normalize_governorate(gov.group("label"))
            if name is not None:
                return _Label(None, name, low + gov.start("label"), True)
    colon = left.rfind(":")
    if colon > 0 and _BETWEEN.fullmatch(left, colon + 1):  # ``Label: N``, ``Label: ... of N``
        return _label_of(left, low, colon)
    verb = _VERB_END.search(left)
    if verb is not None:  # ``Label committed N``, ``Label were responsible for N``
        found = _label_of(left, low, verb.start())
        if found is not None and found.known:
            return found
    return None


def _label_of(left: str, low: int, end: int) -> _Label | None:
    """The label ending at ``left[end]`` (at most 160 characters, after the last item)."""
    start = max(0, end - 160)
    for stop in _LABEL_STOP.finditer(left, start, end):
        start = stop.end()
    tail, offset = _tail(left[start:end])
    return _classify(tail, low + start + offset) if tail else None


#: How far around a number its words are looked for (characters): a person reads a figure
#: with its clause, not with the whole of a long paragraph (and the reader stays linear).
_WINDOW = 300
_INCLUDING = re.compile(rf"\bincluding\s+(?:{_HEDGE}\s+)?$", re.IGNORECASE)


def _is_cumulative(view: str, mention: _Mention, phrases: list[tuple[int, int]]) -> bool:
    """A figure for a longer period (``since the beginning of 2020``), not the month's.

    ``phrases`` are the spans of :data:`syria_geo._report_rules.CUMULATIVE` in ``view``.
    """
    if not phrases:
        return False
    low = max(0, mention.start - _WINDOW)
    index = bisect.bisect_right(phrases, mention.start, key=lambda span: span[1]) - 1
    if index >= 0 and phrases[index][0] >= low:  # ``since the beginning of 2016, ... N``
        monthly = _INCLUDING.search(view, low, mention.start)
        return not (monthly and _MONTH_AFTER.match(view, mention.end))
    index = bisect.bisect_left(phrases, mention.end, key=lambda span: span[0])
    if index == len(phrases) or phrases[index][1] > mention.end + _WINDOW:
        return False
    return not _CLAUSE_BREAK.search(view, mention.end, phrases[index][0])


def _profession(who: str) -> str:
    return "medical_personnel" if who.lower().startswith("medical") else "media_workers"


_NO_PROFESSION = re.compile(
    r"\b(?:did\s*n[o’'`]?t|did\s+not|has\s+not|have\s+not)\s+(?:document|record)(?:ed)?\s+any"
    r"\s+deaths?\s+(?:among|of|amongst)\s+(?:the\s+)?"
    r"(?P<who>medical\s+(?:personnel|workers?|staff)|media\s+(?:workers?|personnel)|journalists?)"
    r"|\b(?:documented|recorded)\s+no\s+deaths?\s+(?:among|of|amongst)\s+(?:the\s+)?"
    r"(?P<who2>medical\s+(?:personnel|workers?|staff)|media\s+(?:workers?|personnel)|journalists?)",
    re.IGNORECASE,
)
#: A statement that is only a label (``- Russian forces:``): the figures after it are its own.
_LABEL_LINE = re.compile(rf"^\s*{_MARKER}?{_LABEL}\s*(?:\([^)]*\)\s*)?:\s*$")
_ALL_PARTIES = re.compile(
    r"\bparties\s+to\s+the\s+conflict|\ball\s+(?:the\s+)?parties|\bperpetrator\s+parties"
    r"|\bcontrolling\s+forces",
    re.IGNORECASE,
)
_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("torture", re.compile(r"\btorture\b", re.IGNORECASE)),
    ("medical", re.compile(r"\bmedical\b", re.IGNORECASE)),
    ("media", re.compile(r"\bmedia\b", re.IGNORECASE)),
    ("massacre", re.compile(r"\bmassacres?\b", re.IGNORECASE)),
    ("killed", re.compile(r"\bcivilian|\bvictims\b|\bkilled\b", re.IGNORECASE)),
)
_LIST_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("torture", re.compile(r"\btorture\b", re.IGNORECASE)),
    ("victims", re.compile(r"\bvictims|death\s+toll|\bkilled|\bdied|civilians|individuals", re.I)),
    ("massacres", re.compile(r"\bmassacres?\b", re.IGNORECASE)),
)
#: Figure measures of a noun, for the victims of massacres and for the other counts.
_MEASURES: dict[str, tuple[str, str]] = {
    "massacres": ("massacres", "massacres"),
    "victims": ("massacre_victims", "killed"),
    "children": ("massacre_children", "children"),
    "women": ("massacre_women", "women"),
    "torture": ("torture_deaths", "torture_deaths"),
    "medical": ("medical_personnel", "medical_personnel"),
    "media": ("media_workers", "media_workers"),
}


#: A word hyphenated at a line end that a converter joined with a space (``chil- dren``).
_SPLIT_WORD = re.compile(r"\b([a-z]{2,})- ([a-z]{2,})\b", re.IGNORECASE)
_SPLIT_NOUNS = frozenset(
    ("massacre", "massacres", "victims", "civilians", "individuals", "people", "persons",
     "children", "women", "governorate", "governorates", "perpetrated", "committed")
)  # fmt: skip


def _rejoin(match: re.Match[str]) -> str:
    """``chil- dren`` -> ``children`` plus two spaces (offsets after it unchanged)."""
    word = match.group(1) + match.group(2)
    return word + "  " if word.lower() in _SPLIT_NOUNS else match.group(0)


@dataclass
class _Group:
    """The victims figure that children and women printed after it belong to."""

    party: str
    gov: str | None
    measure: str
    label_start: int


@dataclass
class _Reader:
    """Reads statement after statement, keeping what the headings and lists above say."""

    text: str
    massacre_report: bool
    debris: list[tuple[int, int]] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    title: list[Figure] = field(default_factory=list)
    printed: set[tuple[tuple[str, str, str | None], int]] = field(default_factory=set)
    topic: str = ""
    list_kind: str = ""
    in_list: bool = False
    list_owner: str | None = None

    def view(self, a: int, b: int) -> str:
        """``text[a:b]`` with page debris blanked and nouns split by a hyphen rejoined."""
        view = self.text[a:b]
        index = bisect.bisect_left(self.debris, (a, -1))
        if index > 0 and self.debris[index - 1][1] > a:
            index -= 1
        while index < len(self.debris) and self.debris[index][0] < b:
            s, e = self.debris[index]
            lo, hi = max(s, a) - a, min(e, b) - a
            view = view[:lo] + " " * (hi - lo) + view[hi:]
            index += 1
        return _SPLIT_WORD.sub(_rejoin, view)

    def add(self, figure: Figure, *, title: bool, intro: bool) -> None:
        """Keep a figure: a title's figures wait; a breakdown's repeat of one is dropped."""
        if title:
            self.title.append(figure)
            return
        if intro and (figure.key, figure.value) in self.printed:
            return  # ``A- Government forces committed 29 massacres, detailed as follows:``
        if self.in_list and self.list_owner is not None and figure.perpetrator != "all":
            figure.part_of = self.list_owner
        self.figures.append(figure)
        self.printed.add((figure.key, figure.value))

    def item(self, a: int, b: int, previous: str, *, title: bool) -> None:
        """Read one statement ``text[a:b]``; ``previous`` is the statement before it."""
        view = self.view(a, b)
        self.in_list = "•" in self.text[max(0, a - 4) : a] or bool(re.match(r"\s*[o•]\s", view))
        if not self.in_list:
            self.list_owner = None
        mentions = _mentions(view)
        self._topic(view, bare=not mentions)
        definition = _FIVE_PEOPLE.search(view) and _DEFINING.search(view)
        if definition or _ONE_MASSACRE.search(view):
            return
        before = len(self.figures)
        if mentions:
            self._read(view, a, mentions, previous, title=title)
        else:
            self._list_kind(view)
        for match in _NO_PROFESSION.finditer(view):
            who = match.group("who") or match.group("who2")
            figure = Figure(_profession(who), "all", None, 0, a, b, match.group(0))
            self.add(figure, title=title, intro=False)
        if not self.in_list and _BREAKDOWN_INTRO.search(view):
            owners = {f.perpetrator for f in self.figures[before:]} - {"all"}
            self.list_owner = owners.pop() if len(owners) == 1 else None

    def _topic(self, line: str, *, bare: bool) -> None:
        """What the figures that follow count, from headings and introductions."""
        lowered = line.lower()
        if not ("death toll" in lowered or "distributed" in lowered or "as follows" in lowered
                or (len(line) < 120 and bare)):  # fmt: skip
            return
        for topic, pattern in _TOPICS:
            if pattern.search(line):
                if topic == "killed" and self.topic == "massacre" and not _SECTION_LINE.match(line):
                    return  # ``The victims are distributed ...`` after the massacres' toll
                self.topic = topic
                return

    def _list_kind(self, view: str) -> None:
        """What the bare numbers of the list after an introduction count."""
        for kind, pattern in _LIST_KINDS:
            if pattern.search(view):
                self.list_kind = kind
                return

    def _pending(self, previous: str) -> _Label | None:
        heading = _LABEL_LINE.match(previous)
        if heading is None:
            return None
        found = _classify(heading.group("label"), 0)
        return (
            found
            if found is not None and found.known and found.party != "extremist_groups"
            else None
        )

    def _read(
        self, view: str, a: int, mentions: list[_Mention], previous: str, *, title: bool
    ) -> None:
        """Give each number of a statement its measure, perpetrator, governorate and item."""
        blank = _blank_parens(view)
        massacre_context = (
            self.massacre_report
            or self.topic == "massacre"
            or "massacre" in (previous + view).lower()
        )
        family = 0 if massacre_context else 1
        pending = self._pending(previous)
        reporting = title or _REPORTING.search(view) is not None
        cumulative = [match.span() for match in rules.CUMULATIVE.finditer(view)]
        group: _Group | None = None
        low = 0
        last_kind = previous_kind = ""
        ends: list[tuple[Figure, int]] = []
        for index, mention in enumerate(mentions):
            left_low, low = low, mention.end
            low_window = max(0, mention.start - _WINDOW)
            if _is_cumulative(view, mention, cumulative):
                group = None
                continue
            label = _label_before(blank, left_low, mention.start)
            if mention.noun in ("children", "women") and group is not None and label is None:
                if group.measure in ("massacre_victims", "killed"):  # ``including 9 children``
                    measure = _MEASURES[mention.noun][family]
                    figure = Figure(measure, group.party, group.gov, mention.value, 0, 0, "")
                    ends.append((figure, group.label_start))
                continue
            group = None
            kind = mention.noun or last_kind or self._bare_kind(view[low_window : mention.start])
            if not kind or (label is not None and not label.known):
                continue
            last_kind = kind
            following = (mentions[j] for j in range(index + 1, len(mentions)))
            stop = next(
                (m.start for m in following if m.noun not in ("children", "women")), len(view)
            )
            relative = previous_kind != "massacres"
            previous_kind = kind
            owner = self._owner(
                view, blank, mention, label, pending, stop,
                reporting or mention.reference, relative=relative,
            )  # fmt: skip
            if owner is None or _not_the_months(view, mention, kind, owner, family):
                continue
            if kind in ("victims", "children", "women") and self.topic in _PROFESSIONS:
                kind = self.topic
            if mention.reference and any(
                key == ("massacres", "all", None) for key, _ in self.printed
            ):
                continue  # ``22 of the 26 massacres`` after the month's total was read
            found, group = _figures_of(view, mention, kind, owner, family)
            ends.extend(found)
        if last_kind:
            self.list_kind = last_kind
        self._place(view, a, ends, title=title, intro=bool(_BREAKDOWN_INTRO.search(view)))

    def _bare_kind(self, view: str) -> str:
        """What a number printed without its noun counts.

        The words before it in its statement, else what the list it stands in counts.
        """
        for kind, pattern in _LIST_KINDS:
            if pattern.search(view):
                return kind
        return self.list_kind or ("massacres" if self.massacre_report else "")

    def _owner(
        self, view: str, blank: str, mention: _Mention, label: _Label | None,
        pending: _Label | None, stop: int, reporting: bool, *, relative: bool,
    ) -> tuple[str, str | None, int] | None:  # fmt: skip
        """Perpetrator, governorate and item start of a number.

        None when it is not a figure of the report (an incident's toll, an unknown category).
        """
        if label is not None:
            return label.party or "all", label.gov, label.start
        if _ALL_OF_THEM.match(view, mention.end):  # ``three massacres, all at the hands of``
            return ("all", None, 0) if reporting else None
        by = _BY_AFTER.match(view, mention.end)
        if by is not None:
            party = party_of_label(by.group("label"))
            return None if party in (None, "parent") else (str(party), None, 0)
        hands = _HANDS_AFTER.search(view, mention.end, min(stop, mention.end + _WINDOW))
        if hands is not None:
            party = party_of_label(hands.group("label"))
            if party not in (None, "parent"):
                return str(party), None, 0
            if not _ALL_PARTIES.search(hands.group("label")):
                return None  # ``at the hands of`` a party this vocabulary does not know
            if pending is None:
                return "all", None, 0
        if pending is not None:
            return pending.party or "all", pending.gov, 0
        tail, _ = _tail(blank[max(0, mention.start - _WINDOW) : mention.start])
        if not reporting or (relative and re.search(r"\b(?:which|that|who)\b", tail)):
            return None
        return "all", None, 0

    def _place(
        self, view: str, a: int, ends: list[tuple[Figure, int]], *, title: bool, intro: bool
    ) -> None:
        """Give each figure the span of its item (from its label to the next label)."""
        starts = sorted({start for _, start in ends})
        for figure, start in ends:
            following = bisect.bisect_right(starts, start)
            end = starts[following] if following < len(starts) else len(view)
            piece = view[start:end]
            stripped = piece.rstrip(" \t\n,;–—-•")
            lead = len(piece) - len(piece.lstrip())
            figure.start, figure.end = a + start + lead, a + start + len(stripped)
            figure.label = " ".join(stripped.split())
            self.add(figure, title=title, intro=intro)


_PROFESSIONS = ("torture", "medical", "media")
#: The title and subtitles come before the first closed sentence, in the first characters.
_TITLE_LENGTH = 800


def _attribution(view: str, mention: _Mention) -> list[Figure]:
    """Perpetrator and governorate of a month's total that names them.

    ``three massacres, all at the hands of other parties``; ``one massacre ... in Aleppo
    governorate``.
    """
    rest = re.split(r"[.:;¶]", view[mention.end : mention.end + _WINDOW], maxsplit=1)[0]
    if mention.value != 1 and _ALL_OF_THEM.match(rest) is None:
        return []
    party = party_of_heading(rest) or (
        "other_parties"
        if re.search(
            r"\bother\s+parties\b|\bunknown\b|not\s+yet\s+(?:been\s+)?identified", rest, re.I
        )
        else None
    )
    out = []
    if party is not None:
        out.append(Figure("massacres", party, None, mention.value, 0, 0, ""))
    gov = _ONE_GOVERNORATE.search(rest)
    name = rules.normalize_governorate(gov.group("gov")) if gov is not None else None
    if mention.value == 1 and name is not None:
        out.append(Figure("massacres", "all", name, 1, 0, 0, ""))
    return out


def _not_the_months(
    view: str, mention: _Mention, kind: str, owner: tuple[str, str | None, int], family: int
) -> bool:
    """A count by area of control, or a cause's toll (``landmines ... 16 victims``)."""
    if kind == "massacres":
        return _CONTROL_AFTER.match(view, mention.end) is not None
    party, gov, _ = owner
    return bool(
        family
        and party == "all"
        and gov is None
        and _CAUSE.search(view, max(0, mention.start - _WINDOW), mention.start)
    )


def _figures_of(
    view: str, mention: _Mention, kind: str, owner: tuple[str, str | None, int], family: int
) -> tuple[list[tuple[Figure, int]], _Group | None]:
    """The figures a number stands for, and the victims group children and women join."""
    party, gov, start = owner
    victims = _MEASURES["victims"][family]
    out: list[tuple[Figure, int]] = []
    if kind in ("children", "women"):  # ``the death of one child``: a victim, and a child
        out.append((Figure(victims, party, gov, mention.value, 0, 0, ""), start))
    measure = _MEASURES[kind][family]
    out.append((Figure(measure, party, gov, mention.value, 0, 0, ""), start))
    if kind != "massacres":
        return out, _Group(party, gov, victims if kind in ("children", "women") else measure, start)
    if party == "all" and gov is None:
        out.extend((figure, start) for figure in _attribution(view, mention))
    return out, None


#: Sections whose numbers are not the month's figures.
_SKIPPED_SECTION = re.compile(
    r"detail|conclusion|recommendation|introduction|methodology|background|contents"
    r"|responsibility|work\s+carried|acknowledg",
    re.IGNORECASE,
)
_SECTION_LINE = re.compile(r"(?m)^[ \t]*[IVX]{1,5}[ \t]*[-–.)][ \t]*(?P<title>[A-Z][^\n]{2,160})$")


def _inside(ranges: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` lies in one of the sorted, disjoint ``ranges``."""
    index = bisect.bisect_right(ranges, position, key=lambda r: r[0]) - 1
    return index >= 0 and ranges[index][0] <= position < ranges[index][1]


def _excluded_ranges(mapped: MappedText, debris: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cleaned-text ranges not read.

    Dated paragraphs (incident descriptions, not summaries) and sections that hold no summary
    (introduction, details, conclusions).
    """
    text = mapped.text
    ranges = [
        (block.start, block.end)
        for block in paragraphs_from_text(mapped)
        if block.kind == "paragraph"
        and rules.INCIDENT_DATE.match(block.text)
        and not _inside(debris, block.start)  # a page number, not a day
    ]
    headings = list(_SECTION_LINE.finditer(text))
    for index, heading in enumerate(headings):
        if _SKIPPED_SECTION.search(heading.group("title")):
            end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
            ranges.append((heading.start(), end))
    return sorted(ranges)


def is_massacre_report(text: str) -> bool:
    """True when the title (first lines) announces a massacre report, not a death toll."""
    head = text[:200].lower()
    return "massacre" in head and not re.search(r"death\s+toll|civilians?\s+.{0,40}killed", head)


def figures_from_text(mapped: MappedText) -> list[Figure]:
    """Every printed figure of a cleaned report text, in document order.

    Every number of the summary is read with what the words around it say: the noun it
    counts (massacres, victims, children, women, deaths due to torture, medical and media
    workers; a number printed alone counts what its list counts), the perpetrator or
    governorate of its label (``Aleppo: 12``, ``Russian forces committed 7``, ``... were
    perpetrated by ISIS``, ``at the hands of ...``, a label line above it) and its role: the
    month's total, an item of a list, children and women among the victims before them, a
    sub-breakdown by area of control (not a figure), a total for a longer period (not
    read). A title's figures count only when the body does not print them.

    Parameters
    ----------
    mapped
        Output of :func:`syria_geo.reports.text.clean_text`.

    Returns
    -------
    list of Figure
        With offsets in ``mapped.text``.
    """
    text = mapped.text
    statements, debris = _statements(text, 0, len(text))
    reader = _Reader(text, is_massacre_report(text), debris)
    excluded = _excluded_ranges(mapped, debris)
    cursor = 0
    previous = ""
    title = True
    for a, b in statements:
        while cursor < len(excluded) and excluded[cursor][1] <= a:
            cursor += 1
        if cursor < len(excluded) and excluded[cursor][0] <= a < excluded[cursor][1]:
            continue
        if title and (a > _TITLE_LENGTH or _CLOSED_END.search(text[a:b])):
            title = False
        reader.item(a, b, previous, title=title)
        previous = reader.view(a, b)
    printed = {figure.key for figure in reader.figures}
    for figure in reader.title:
        if figure.measure == "massacres" and figure.key not in printed:
            reader.figures.append(figure)
            printed.add(figure.key)
    reader.figures.sort(key=lambda figure: figure.start)
    return reader.figures


def check_sums(figures: list[Figure]) -> None:
    """Flag totals that the report's own lines contradict (the figures stay as printed).

    A massacre total is compared with the sum of the perpetrator lines and with the sum of
    the governorate lines; a total of victims, children, women or deaths due to torture with
    the sum of its per-perpetrator lines (and victims with their governorate lines). Items of
    a list under a perpetrator's own total (``part_of``) are not added in.
    """

    def by_party(figure: Figure) -> bool:
        return figure.perpetrator != "all" and figure.governorate is None

    def by_governorate(figure: Figure) -> bool:
        return figure.perpetrator == "all" and figure.governorate is not None

    people = ("massacre_victims", "massacre_children", "massacre_women", "killed", "children")
    pairs: tuple[tuple[str, Callable[[Figure], bool], str], ...] = (
        ("massacres", by_party, "perpetrator"),
        ("massacres", by_governorate, "governorate"),
        *((measure, by_party, "perpetrator") for measure in (*people, "women", "torture_deaths")),
        *((measure, by_governorate, "governorate") for measure in ("massacre_victims", "killed")),
    )
    for measure, is_part, kind in pairs:
        totals = [
            f
            for f in figures
            if f.measure == measure and f.perpetrator == "all" and f.governorate is None
        ]
        parts: dict[tuple[str, str | None], int] = {}
        for figure in figures:
            if figure.measure == measure and is_part(figure) and figure.part_of is None:
                parts.setdefault((figure.perpetrator, figure.governorate), figure.value)
        if not totals or len(parts) < 2:
            continue
        summed = sum(parts.values())
        for total in totals:
            if total.value != summed:
                total.warnings.append(
                    f"the {kind} lines of the report sum to {summed}, not {total.value}"
                )


# ---------------------------------------------------------------------------------------------
# figures -> per-governorate rows for the maps

#: Measures that count massacres (mapped with ``metric="count"``); the others count people
#: (mapped with ``metric="killed"``).
COUNT_MEASURES: frozenset[str] = frozenset({"massacres"})
_FIGURE_NEEDS = ("report_id", "period", "measure", "perpetrator", "adm1_pcode", "value")


def units_from_figures(
    figures: pd.DataFrame, *, measure: str = "massacres", period: str | None = None
) -> tuple[pd.DataFrame, Literal["count", "killed"]]:
    """Per-governorate rows from a figures table, and the map metric that shows them.

    See :func:`syria_geo.reports.reader.units_from_figures`.
    """
    if not isinstance(figures, pd.DataFrame):
        raise InputFormatError(f"figures must be a pandas DataFrame, got {type(figures).__name__}")
    missing = [c for c in _FIGURE_NEEDS if c not in figures.columns]
    if missing:
        raise InputFormatError(
            f"the figures table lacks column(s) {', '.join(missing)}; expected the output of "
            "summary_from_text or `syria-geo summary`"
        )
    figures = figures.reset_index(drop=True)  # tables of several reports repeat index labels
    text = figures.astype(
        dict.fromkeys(("period", "measure", "perpetrator", "adm1_pcode"), "string")
    )
    measures = sorted(set(text["measure"].dropna()))
    check_choice("measure", measure, measures or ["massacres"])
    pcode = text["adm1_pcode"].fillna("").str.strip()
    governorate = (text["measure"] == measure) & (text["perpetrator"] == "all") & (pcode != "")
    periods = sorted(set(text.loc[governorate, "period"].dropna()))
    if period is not None:
        check_choice("period", period, periods or ["(none)"])
        governorate &= text["period"] == period
    rows = figures[governorate.fillna(False).to_numpy(dtype=bool)].copy()
    if rows.empty:
        raise InputFormatError(
            f"the figures table has no per-governorate {measure!r} figures; the reports print "
            "this measure only for the whole country"
        )
    rows["adm1_pcode"] = pcode.loc[rows.index]
    rows["date"] = rows["period"].astype(str)
    key = ["date", "adm1_pcode"]
    duplicated = rows.duplicated(key, keep="first")
    if duplicated.any():
        shown = ", ".join(
            f"{r.date} {r.adm1_pcode} ({r.report_id})"
            for r in rows[duplicated].head(5).itertuples()
        )
        warnings.warn(
            f"{int(duplicated.sum())} governorate figure(s) printed again for the same month "
            f"(e.g. {shown}); the first printed value is mapped",
            SyriaGeoWarning,
            stacklevel=3,
        )
        rows = rows[~duplicated]
    value = pd.to_numeric(rows["value"], errors="coerce")
    out = pd.DataFrame(
        {
            "report_id": rows["report_id"].astype(str).to_numpy(),
            "date": rows["date"].to_numpy(),
            "adm1_pcode": rows["adm1_pcode"].to_numpy(),
            "measure": measure,
            "summary_count": value.to_numpy() if measure in COUNT_MEASURES else np.zeros(len(rows)),
            "killed": np.nan if measure in COUNT_MEASURES else value.to_numpy(),
        }
    )
    for column in ("span_start", "span_end"):
        if column in rows.columns:
            out[column] = rows[column].to_numpy()
    out.attrs["source"] = "printed summary figures (one row per governorate and month)"
    return out, ("count" if measure in COUNT_MEASURES else "killed")


def is_figures_file(path: Path) -> bool:
    """True when ``path`` is a CSV or JSON table written by ``syria-geo summary``."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            with path.open(encoding="utf-8-sig") as handle:
                header = handle.readline()
            columns = {c.strip().strip('"') for c in header.strip().split(",")}
        elif suffix == ".json":
            with path.open(encoding="utf-8") as handle:
                head = handle.read(4096)
            columns = set(re.findall(r'"(\w+)"\s*:', head))
        else:
            return False
    except (OSError, UnicodeDecodeError):
        return False
    return {"period", "measure", "value", "adm1_pcode"} <= columns


def read_figures(path: Path) -> pd.DataFrame:
    """Read a figures table written by ``syria-geo summary`` (CSV or JSON records)."""
    text_columns = dict.fromkeys(("report_id", "period", "measure", "perpetrator", "adm1_pcode", "warnings"), str)  # fmt: skip
    try:
        if path.suffix.lower() == ".json":
            frame = pd.read_json(path, orient="records", dtype=text_columns)
        else:
            frame = pd.read_csv(
                path, dtype=text_columns, keep_default_na=False, encoding="utf-8-sig"
            )
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise InputFormatError(f"{path} is not a readable figures table: {exc}") from exc
    frame["adm1_pcode"] = frame["adm1_pcode"].fillna("").astype(str).replace("None", "")
    return frame
