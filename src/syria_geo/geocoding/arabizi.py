"""Arabic written in Latin letters with digits for the letters Latin lacks ("Arabizi").

People type Syrian place names into search boxes, chats and posts the way they text: "7oms"
(حمص, Homs), "ma3arret el no3man" (معرة النعمان), "shei5 el 7adid" (شيخ الحديد),
"el lazi2iye" (اللاذقية). Each digit stands for the Arabic letter its shape recalls: 2 the
hamza (and the qaf Damascus speech turns into one), 3 the ʿayn, 5 kha, 6 ta (ط), 7 ha (ح),
8 and 3' ghayn, 9 qaf, 7' kha. Read as digits, they broke the names in two or were dropped.

:func:`arabizi_read` writes each such word with the letters the gazetteer's transliterations
use (the ʿayn and the hamza as the apostrophe its names carry, "Ma'arrat"); a word is read so
only when it has Latin letters and such a digit inside or at its start, and is not a
number with its unit or ordinal ("3rd", "25km", "5pm"), a road's or a base's code ("M5",
"T4"), an acronym in capitals ("H5N1") or a name with a footnote's mark ("al-Balash15").
"""

from __future__ import annotations

import re

# The Arabic letter each digit (or digit and apostrophe) stands for, as the gazetteer's Latin
# names write it
_LETTERS = {"3'": "gh", "7'": "kh", "2": "'", "3": "'", "5": "kh", "6": "t", "7": "h", "8": "gh",
            "9": "q"}  # fmt: skip
_DIGIT = re.compile(r"[37]'|[235-9]")
# A word of Latin letters and digits, with one of the digits above in it
_WORD = re.compile(r"(?<![\w'])(?=[A-Za-z0-9']*[A-Za-z])(?=[A-Za-z0-9']*[235-9])[A-Za-z0-9']+")
# ... that is a number with its unit or ordinal, not a name ("3rd", "25km", "5pm", "10am")
_A_NUMBER = re.compile(
    r"(?i)\d+(?:st|nd|rd|th|km|kms|m|mm|cm|kg|g|t|l|h|hr|hrs|am|pm|s|k|x|d|min|mins|sec|ha)"
)

# ... or a name with a document's footnote mark after it ("al-Balash15", "Saraqib3"): digits
# only at its end, two or more, or one after a capitalised word
_A_FOOTNOTE = re.compile(r"[A-Za-z']+\d{2,}|[A-Z][A-Za-z']*\d")


def arabizi_read(text: str) -> str | None:
    """The text with its Arabizi words written in letters, or None when it has none.

    "7oms" -> "homs", "3afrin" -> "'afrin", "shei5 el 7adid" -> "sheikh el hadid".
    """
    if not any(c.isdigit() for c in text) or not any("a" <= c.casefold() <= "z" for c in text):
        return None
    read = _WORD.sub(_word_read, text)
    return read if read != text else None


def _word_read(m: re.Match[str]) -> str:
    """One word read as Arabizi, or as it is when it is a number, a code or an acronym."""
    word = m[0]
    letters = [c for c in word if c.isalpha()]
    if (
        len(letters) < 2
        or _A_NUMBER.fullmatch(word)
        or all(c.isupper() for c in letters)
        or (word[0].isupper() and word[1:].isdigit())
        or _A_FOOTNOTE.fullmatch(word)
    ):
        return word
    return _DIGIT.sub(lambda d: _LETTERS[d[0]], word)
