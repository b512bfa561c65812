"""Script-aware normalisation of Syrian place names for matching.

Syrian place names reach us in Arabic script and in a dozen competing Latin
transliterations ("Khan Shaykhun", "Khan Sheikhoun", "Khan Shaikhoun"; "Abu Kamal",
"Albu Kamal", "al Bokamal"; "Deir ez-Zor", "Dayr az Zawr", "Deir Ez-Zour"). This module
reduces such names to comparable keys:

* :func:`normalize_latin` -- casefolded ASCII, articles dropped, common transliteration
  variants folded (vowel digraphs, doubled letters, generic words such as Kafr/Kfar,
  Deir/Dayr, Tal/Tell, Sheikh/Shaykh), still readable.
* :func:`normalize_arabic` -- Arabic script without diacritics, unified letter variants,
  the article ``ال`` removed from each word.
* :func:`skeleton` -- a consonant-class skeleton shared by Latin transliterations *and*
  Arabic script, so that ``skeleton("Khan Shaikhoun") == skeleton("خان شيخون")``.
* :func:`name_keys` -- the blocking keys a name index files a name under.

All functions are pure, total (any string in, a string out, never an exception for
odd characters) and deterministic.  Invisible format characters (Unicode category Cf:
bidi marks, zero-width joiners, the byte-order mark, the soft hyphen ...) are removed
first, wherever they are.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache

__all__ = [
    "ARTICLES",
    "analyse",
    "core_name",
    "has_article",
    "is_arabic",
    "latin_ascii",
    "name_keys",
    "normalize",
    "normalize_arabic",
    "normalize_latin",
    "plain_letters",
    "qualifiers",
    "skeleton",
    "skeleton_tokens",
    "vowelled_skeleton",
    "without_diacritics",
]

# ---------------------------------------------------------------------------------------
# Invisible format characters
# ---------------------------------------------------------------------------------------


# The Cf ranges of the Unicode versions checked (scanning all code points takes ~0.3 s,
# paid at every start otherwise); tests/test_index_cache.py checks them against the scan.
_KNOWN_FORMAT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "14.0.0": (
        (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD),
        (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E),
        (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F),
        (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
        (0x13430, 0x13438), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001),
        (0xE0020, 0xE007F),
    ),
}  # fmt: skip


@lru_cache(maxsize=1)
def _format_pattern() -> re.Pattern[str]:
    """Every character of Unicode category Cf (format), as one character class.

    About 160 code points: bidi marks and embeddings, zero-width space/joiners, the
    byte-order mark, the soft hyphen, Arabic number signs, tag characters ...; taken from
    :data:`_KNOWN_FORMAT_RANGES` for Python's Unicode version, else from a scan of
    :mod:`unicodedata` (:func:`_scan_format_ranges`), so it follows that version.
    """
    known = _KNOWN_FORMAT_RANGES.get(unicodedata.unidata_version)
    spans = known if known is not None else _scan_format_ranges()
    return re.compile("[" + "".join(_char_range(a, b) for a, b in spans) + "]")


def _scan_format_ranges() -> tuple[tuple[int, int], ...]:
    """The (first, last) code point ranges of Unicode category Cf, from :mod:`unicodedata`."""
    ranges: list[tuple[int, int]] = []
    start = prev = -2
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)) != "Cf":
            continue
        if code != prev + 1:
            if start >= 0:
                ranges.append((start, prev))
            start = code
        prev = code
    if start >= 0:
        ranges.append((start, prev))
    return tuple(ranges)


def _char_range(first: int, last: int) -> str:
    if first == last:
        return re.escape(chr(first))
    return f"{re.escape(chr(first))}-{re.escape(chr(last))}"


def _visible(text: str) -> str:
    """``text`` without invisible format characters (Unicode category Cf).

    Bidi marks (U+200E, U+200F, U+061C), embeddings and isolates (U+202A-U+202E,
    U+2066-U+2069), zero-width space and (non-)joiners (U+200B-U+200D), the byte-order mark
    (U+FEFF), the soft hyphen (U+00AD) and the like change neither the letters nor the
    words of a place name, but PDF and web text puts them inside words.  They are removed
    before anything else, so that "Ale" + U+200F + "ppo" is "Aleppo".  (A ZWNJ can change the
    shape of a Persian word; it never changes a letter of the Arabic and Latin names
    matched here.)  Letters in their presentation forms become plain letters too (see
    :func:`plain_letters`).
    """
    if text.isascii():
        return text  # no format character is ASCII
    text = _format_pattern().sub("", text)
    if _PRESENTATION_FORM.search(text) is None:
        return text
    return _PRESENTATION_FORM.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


# Letters in the shapes a PDF draws them (Arabic presentation forms: "ﻛﻔﺮﻧﺒﻞ" for "كفرنبل",
# the lam-alef "ﻻ"; Latin ligatures: "ﬁ"), which text taken from a PDF keeps: read as the
# letters they are
_PRESENTATION_FORM = re.compile("[\ufb00-\ufb06\ufb50-\ufdff\ufe70-\ufefe]+")


def plain_letters(text: str) -> str:
    """``text`` with its letters as letters: no format characters, no presentation forms.

    Text taken from a PDF often holds invisible marks inside words (bidi marks, zero-width
    joiners, soft hyphens) and Arabic letters in the shapes the PDF drew ("ﻛﻔﺮﻧﺒﻞ", of
    presentation forms A and B) or Latin ligatures ("ﬁ"); they are removed, and the shapes
    replaced by their letters (Unicode compatibility decomposition, NFKC, of those
    characters only).

    Parameters
    ----------
    text
        Any text.

    Returns
    -------
    str
        The same text, its letters plain; ASCII text is returned as it is.
    """
    return _visible(text)


# ---------------------------------------------------------------------------------------
# Arabic script
# ---------------------------------------------------------------------------------------

_ARABIC_RANGE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
# Tashkeel (harakat, tanween, shadda, sukun, superscript alef, Quranic marks) and tatweel.
_TASHKEEL = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_ARABIC_LETTER_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ی": "ي",  # Persian yeh
        "ې": "ي",
        "ۍ": "ي",
        "ئ": "ي",
        "ة": "ه",
        "ۀ": "ه",
        "ہ": "ه",
        "ھ": "ه",
        "ؤ": "و",
        "ۆ": "و",
        "ک": "ك",  # Persian/Urdu keheh
        "ڪ": "ك",
        "گ": "ك",
        "پ": "ب",
        "چ": "ج",
        "ژ": "ز",
        "ڤ": "ف",
        "ڨ": "ق",
        # Kurdish (Sorani) letters: ێ (ê) is written ي in Arabic, ڕ and ڵ (rolled r, dark l)
        # ر and ل; ە (a, e) is a vowel Arabic leaves unwritten ("سەرێ کانیێ" = سري كانيه)
        "ێ": "ي",
        "ڕ": "ر",
        "ڵ": "ل",
        "ە": "",
        # Arabic-Indic and Eastern Arabic-Indic (Persian) digits
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "،": " ",
        "؛": " ",
        "؟": " ",
        "٪": " ",
        "«": " ",
        "»": " ",
    }
)
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def is_arabic(text: str) -> bool:
    """Whether ``text`` contains any Arabic-script letter.

    Parameters
    ----------
    text
        Any string.

    Returns
    -------
    bool
        True if at least one character is in an Arabic Unicode block.
    """
    if text.isascii():  # no Arabic letter is ASCII
        return False
    return _ARABIC_RANGE.search(_visible(text)) is not None


def _strip_arabic_article(word: str) -> str:
    # "ال" + at least two letters: الباب -> باب, but keep short words such as "الي".
    if word.startswith("ال") and len(word) >= 4:
        return word[2:]
    # "وال" / "بال" / "لل" prefixes are prepositions in running text, not in names:
    # names only ever carry the bare article, so nothing else is stripped.
    return word


@lru_cache(maxsize=65536)
def normalize_arabic(text: str) -> str:
    """Normalise Arabic-script text for matching.

    Removes tashkeel and tatweel, unifies alef forms (أ إ آ ٱ -> ا), ى -> ي, ة -> ه,
    ؤ -> و, ئ -> ي (at a word's start, Kurdish's first vowel: -> ا), Persian/Urdu letter
    variants (ک ی گ پ چ) and Kurdish ones (ێ ڕ ڵ; ە dropped) -> Arabic, Arabic-Indic
    digits -> ASCII digits, punctuation -> space, strips the article ``ال`` from the
    start of each word and a final hamza after alef from its end ("السويداء" = "السويدا"),
    parts a compound name's first word from the article it is glued to ("عزالدين" =
    "عز الدين"), and joins an article typed as a word to the word after it ("ال طيبة").
    Latin characters are kept (casefolded).

    Parameters
    ----------
    text
        Arabic (or mixed) text.

    Returns
    -------
    str
        Space-separated normalised words; empty if nothing word-like is left.
    """
    text = unicodedata.normalize("NFC", _visible(text))
    text = _TASHKEEL.sub("", text)
    if "ئ" in text:  # (no Arabic word begins with ئ: Kurdish writes a first vowel so)
        text = _FIRST_VOWEL_HAMZA.sub("ا", text)
    text = text.translate(_ARABIC_LETTER_MAP)
    text = text.replace("_", " ")
    text = _GLUED_COMPOUND.sub(r"\1 \2", _ARTICLE_ALONE.sub("ال", text))
    words = _NON_WORD.sub(" ", text).casefold().split()
    return " ".join(_without_final_hamza(_strip_arabic_article(w)) for w in words)


# ئ at a word's start: Kurdish's carrier of a first vowel ("ئامودا" is Amuda, عامودا)
_FIRST_VOWEL_HAMZA = re.compile(r"(?<![\u0600-\u06ff])ئا?")
# The article typed as a word of its own ("ال طيبة"): the article of the word after it
_ARTICLE_ALONE = re.compile(r"(?<![\u0600-\u06ff])ال\s+(?=[\u0600-\u06ff])")
# The first word of a compound name glued to the article of the second, as many write them
# ("عزالدين" for "عز الدين", "ابوالظهور", "عبدالله"): two words
_GLUED_COMPOUND = re.compile(
    r"(?<![\u0600-\u06ff])(عبد|ابو|ابي|بني|عز|نور|سيف|شمس|صلاح|زين|علاء|بدر|محي|تاج)(ال[\u0600-\u06ff]{2,})"
)


def _without_final_hamza(word: str) -> str:
    """A word's final hamza after alef dropped, as most writers drop it ("السويدا")."""
    return word[:-1] if len(word) > 3 and word.endswith("اء") else word


# ---------------------------------------------------------------------------------------
# Latin script
# ---------------------------------------------------------------------------------------

# Letters that NFKD does not decompose to ASCII.
_LATIN_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ð": "d",
        "þ": "th",
        "ł": "l",
        "đ": "d",
        "ħ": "h",
        # ain / hamza marks and every apostrophe-like character -> nothing
        "ʿ": "",
        "ʾ": "",
        "ʼ": "",
        "ʻ": "",
        "‘": "",
        "’": "",
        "'": "",
        "`": "",
        "´": "",
        "ʹ": "",
        "′": "",
        "\u02bd": "",
    }
)

# Stand-alone Arabic articles in transliteration (after hyphens became spaces), including
# the sun-letter assimilated forms (ad-Dana, as-Safira, ash-Shaykh, az-Zabadani ...).
#: Stand-alone Arabic articles in transliteration (lower case).
ARTICLES = frozenset(
    {
        "al", "el", "il", "ul", "l",
        "ad", "ed", "adh", "edh",
        "as", "es", "ash", "esh", "ach",
        "at", "et", "ath", "eth",
        "az", "ez", "ar", "er", "an", "en",
        # French transliterations double the sun letter: "ech Cheikh", "ett Tahtani"
        "ech", "ej", "ett", "edd", "ess", "err", "ezz", "enn",
    }
)  # fmt: skip

# Generic words with many spellings -> one canonical spelling (applied per token, before
# the letter folds below, so the canonical form itself is then folded consistently).
_WORD_FOLDS: dict[str, str] = {}


def _fold(canonical: str, *variants: str) -> None:
    for v in (canonical, *variants):
        _WORD_FOLDS[v] = canonical


_fold(
    "kafr",
    "kfar",
    "kafar",
    "kefr",
    "kfr",
    "kefer",
    "kafer",
    "kufr",
    "kfer",
    "cafr",
    "kaffer",
    "kaffar",
)
_fold("dayr", "deir", "der", "dair", "deyr", "dier", "dyr", "dayer", "deire")
_fold("tal", "tell", "tall", "tel", "til", "till")
_fold(
    "shaykh", "sheikh", "shaikh", "shekh", "sheik", "shaik", "shiekh", "shayk", "cheikh",
    "cheik", "chaikh", "chaykh", "sheykh", "sheyh", "sheih", "sheich", "shaykhs",
)  # fmt: skip
_fold(
    "maarat", "maarrat", "maaret", "marat", "maarret", "maarit", "maara", "maarra",
    "maret", "maaretn", "mearat", "maaratt", "maarah",
)  # fmt: skip
_fold(
    "abu", "abou", "bou", "bu", "abo", "ebu", "aboo", "albu", "elbu", "albou", "albo", "abul",
    "aboul", "abol", "abil",
)  # fmt: skip
_fold("ayn", "ain", "ein", "ayin", "aein", "aine", "ien", "aien", "eyn", "ayen")
_fold(
    "jabal", "jebel", "jabel", "jbel", "djebel", "djabal", "jebal", "jibal", "gebel", "jbal",
    "mount", "mt",  # "Mount Qasioun" is Jabal Qasioun
)  # fmt: skip
_fold("bayt", "beit", "bait", "beyt", "bet", "byt", "beth")
_fold(
    "khirbat", "khirbet", "kherbet", "khirbit", "khirba", "khirbeh", "kherbeh", "kharbet",
    "kherbat", "khrbet", "khurbet", "kirbet", "khirbah", "kheurbet", "kheurbat", "khirbe",
)  # fmt: skip
_fold("qasr", "kasr", "qaser", "kaser", "qsar", "ksar", "qassr")
_fold("umm", "um", "om", "oum", "omm", "oumm", "im", "imm")
_fold("wadi", "wady", "ouadi", "oued", "wadie", "wedi")
_fold("bir", "beer", "bier", "bi'r", "ber", "bire")
_fold("qalat", "qalaat", "kalaat", "qalaa", "qalat", "kalat", "qalaet", "qalah", "qalaa")
_fold("jisr", "jesr", "jeser", "jisser", "jissr", "jasr")
_fold("marj", "merj", "mirj")
_fold("ras", "raas", "rass", "reis")
_fold("qaryat", "qarya", "qaryet", "qaryeh", "qariat", "karyat")
_fold("mazraat", "mazraa", "mazraet", "mazraeh", "mazrat", "mazraah", "mazrah")
_fold("sahl", "sahel")
_fold("nahr", "nahar", "naher")
_fold("hay", "hayy", "hai", "hayi")
_fold("bab", "baab")
_fold("tahtani", "tahtaniya", "tahtaniyah", "tahtaniyeh")
_fold("fawqani", "fouqani", "foqani", "fawqaniya", "fouqaniyeh", "fawqaniyah")
_fold("kabir", "kbir", "kebir", "kabeer", "kbeer", "kibeer", "kebeer")
_fold("saghir", "sghir", "sagheer", "sghayyir", "zghir", "seghir")
_fold("jadid", "jdeideh", "jadida", "jdid", "jadideh", "jdeide", "jadidah")
_fold("sharqi", "charki", "sharki", "shirqi", "sharqiya", "sharqiyah", "sharqiyeh", "sharqieh")
_fold("gharbi", "gharbiya", "gharbiyah", "gharbiyeh", "garbi", "gharbieh")
_fold("shamali", "shimali", "shmali", "shamaliya", "shamaliyah", "shamaliyeh")
_fold("janubi", "jnubi", "janoubi", "janubiya", "janubiyah", "janoubiyeh")

# Positional / size qualifiers that distinguish twin villages ("Upper Tal Khanzir" =
# "تل خنزير فوقاني"). OCHA's English names translate them (and put them first), the
# Arabic names and most transliterations keep the Arabic adjective after the name. They are
# kept out of the skeleton and compared separately (see :func:`qualifiers`).
_QUALIFIER_WORDS: dict[str, str] = {}


_ENGLISH_QUALIFIERS = frozenset(
    {"upper", "lower", "big", "great", "large", "greater", "small", "little", "littile",
     "litle", "lesser", "western", "west", "eastern", "east", "northern", "north", "southern", "south",
     "middle", "central", "new", "old"}
)  # fmt: skip


def _french_forms(word: str) -> set[str]:
    """The word as French transliterations write it (GeoNames keeps many of them).

    gh is rh, sh is ch, w is ou, a final a or eh is é ("Kébiré", "Sérhîré", "Rharbîyé",
    "Charqîyé", "Faouqâni"); accents are gone before the lookup.
    """
    out = {word.replace("gh", "rh"), word.replace("sh", "ch"), word.replace("w", "ou")}
    out |= {w[:-1] + "e" for w in (word, *out) if w.endswith("a")}
    out |= {w[:-1] for w in (word, *out) if w.endswith("eh")}
    return out - {word}


# the spellings of the feminine adjective ending ("Sharqiyah", "Sharqiyya", "Sharqieh", "Sharqia")
_QUALIFIER_IYA = ("iya", "iyah", "iyeh", "iye", "iyya", "iyyah", "iyyeh", "ieh", "ia", "iah")


def _qual(tag: str, *words: str) -> None:
    for w in words:
        _QUALIFIER_WORDS[w] = tag
        if not w.isascii() or w in _ENGLISH_QUALIFIERS:
            continue
        forms = {w}
        if w.endswith("a"):  # "Saghirah", "Kubrah": the feminine ending with its h
            forms.add(w + "h")
        if w.endswith(("iya", "iyah", "iyeh")):  # "Sharqiyya", "Gharbiye", "Sharqia"
            stem = w[: w.rindex("iy")]
            forms.update(stem + e for e in _QUALIFIER_IYA)
        forms |= {french for form in forms for french in _french_forms(form)}
        for form in forms:
            _QUALIFIER_WORDS.setdefault(form, tag)
            # "Shamalli", "Tahtanni": a consonant written twice is the same word
            for i in range(1, len(form) - 1):
                if form[i] not in "aeiouy" and form[i - 1] in "aeiouy" and form[i + 1] in "aeiouy":
                    _QUALIFIER_WORDS.setdefault(form[:i] + form[i] + form[i:], tag)


_qual(
    "upper",
    "upper",
    "fawqani",
    "fauqani",
    "foqani",
    "fouqani",
    "fawqaniya",
    "fawqaniyeh",
    "fouqaniyeh",
    "fawqa",
    "fuqani",
    "fuqaniya",
    "foqaniyeh",
    "fokani",  # the q written k ("Al-Mukharram Fokani")
    "foukani",
    "fawkani",
    "olya",
    "ulya",
    "oulya",
    "فوقاني",
    "فوقانيه",
    "فوقا",
    "فوقى",
    "عليا",
)
_qual(
    "lower",
    "lower",
    "tahtani",
    "tahtaniya",
    "tahtaniyeh",
    "tahtaniyah",
    "tahta",
    "tahtany",
    "tahtaniye",
    "sufla",
    "sofla",
    "soufla",
    "sifla",
    "تحتاني",
    "تحتانيه",
    "تحتا",
    "تحتى",
    "سفلي",
    "سفلا",
)
_qual(
    "big",
    "big",
    "great",
    "large",
    "greater",
    "kabir",
    "kbir",
    "kebir",
    "kabira",
    "kabireh",
    "kbireh",
    "kabirah",
    "kbira",
    "kbire",
    "kubra",
    "kobra",
    "koubra",
    "kubri",  # GeoNames' "Ūrum al Kubrī": the final alef written as i
    "kebira",
    "kibir",  # OCHA's "Tal Elkibir" (تل الكبير)
    "kabeer",  # the long i written ee, as English news writes it
    "kbeer",
    "kibeer",
    "kebeer",
    "kabeera",
    "kbeereh",
    "كبير",
    "كبيره",
    "كبري",
)
_qual(
    "small",
    "small",
    "little",
    "littile",
    "litle",
    "lesser",
    "saghir",
    "sghir",
    "saghira",
    "sghira",
    "saghireh",
    "sghireh",
    "zghir",
    "zgheer",
    "sagheer",
    "sgheer",
    "sagheera",
    "sgheereh",
    "sagir",
    "sgir",
    "seghir",  # the map's "Tell Mahajjah Seghir", French-style
    "seghira",
    "zgir",
    "sughra",
    "soghra",
    "soughra",
    "serhir",
    "serhira",
    "srhir",
    "srhira",
    "صغير",
    "صغيره",
    "صغري",
)
_qual(
    "west",
    "western",
    "west",
    "gharbi",
    "gharbiya",
    "gharbiyeh",
    "gharbiyah",
    "gharbieh",
    "غربي",
    "غربيه",
)
_qual(
    "east",
    "eastern",
    "east",
    "sharqi",
    "sharki",
    "charki",
    "sharqiya",
    "sharqiyeh",
    "sharqiyah",
    "sharqieh",
    "sharkiya",
    "sharkiyeh",
    "charkieh",
    "شرقي",
    "شرقيه",
)
_qual(
    "north",
    "northern",
    "north",
    "shamali",
    "shmali",
    "shimali",
    "shamaliya",
    "shamaliyeh",
    "shamaliyah",
    "shmaliya",
    "chemali",
    "chemaliya",
    "شمالي",
    "شماليه",
)
_qual(
    "south",
    "southern",
    "south",
    "janubi",
    "janoubi",
    "jnubi",
    "jnoubi",
    "janubiya",
    "janubiyeh",
    "janubiyah",
    "janoubiya",
    "janoubiyah",
    "janoubiyeh",
    "jnoubiya",
    "jenoubi",
    "jenoubiya",
    "djenoubi",
    "جنوبي",
    "جنوبيه",
    # "qibli": towards the qibla, the south in Syria ("Um Treikiet Elqablieh", "القبلية")
    "qibli",
    "qebli",
    "kibli",
    "qabli",
    "qibliya",
    "qibliyeh",
    "qabliya",
    "qablieh",
    "qabliyeh",
    "قبلي",
    "قبليه",
)
_qual(
    "middle",
    "middle",
    "central",
    "wusta",
    "wasta",
    "wasti",  # ("al-Kabash al-Wasti", Middle Kabsh)
    "wusti",
    "wastiya",
    "wastiyeh",
    "wastani",
    "wastaniyeh",
    "wasitah",
    "wastaniya",
    "وسطي",
    "وسطاني",
    "وسطانيه",
)
_qual(
    "new", "new", "jadid", "jadida", "jadideh", "jadidah", "jdid", "jdida", "jedid", "jedida",
    "جديد", "جديده",
)  # fmt: skip
_qual("old", "old", "qadim", "qadima", "qadimeh", "qadimah", "atiq", "قديم", "قديمه")


def _qualifier_split(words: list[str]) -> tuple[list[str], frozenset[str]]:
    """Remove qualifier words (not the first word unless English) from a word list."""
    if _QUALIFIER_WORDS.keys().isdisjoint(words):
        return words, frozenset()
    kept: list[str] = []
    tags: set[str] = set()
    for i, w in enumerate(words):
        tag = _QUALIFIER_WORDS.get(w)
        if tag is not None and (i > 0 or w in _ENGLISH_QUALIFIERS):
            tags.add(tag)
        else:
            kept.append(w)
    if not kept:  # the name is nothing but a qualifier ("Jadideh"): it is the name
        return words, frozenset()
    return kept, frozenset(tags)


_LATIN_WORD = re.compile(r"[a-z0-9]+")
# Latin letters (ASCII, Latin-1 and the Latin Extended blocks), small and capital
_LATIN_LETTERS = [chr(c) for c in (*range(0x41, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00))]
_SMALL = "".join(c for c in _LATIN_LETTERS if c.islower())
_CAPITAL = "".join(c for c in _LATIN_LETTERS if c.isupper())
# A small letter followed by a capital: two words written together ("TalAhmar", "AlBab",
# "WesternHabra", as hashtags and some databases write them)
_GLUED_WORDS = re.compile(f"(?<=[{_SMALL}])(?=[{_CAPITAL}])")


# "Kh." before a name: Khirbet, as maps abbreviate it ("Kh. el Faras")
_KHIRBET_ABBREVIATION = re.compile(r"(?i)\bkh\.(?=\s)")


def _latin_words(text: str) -> list[str]:
    """The ASCII, casefolded words of a Latin text (:func:`latin_ascii`, split on non-letters).

    Words written together with a capital are two ("TalAhmar" -> "tal", "ahmar"), and the
    map abbreviation "Kh." is Khirbet.
    """
    if "." in text:
        text = _KHIRBET_ABBREVIATION.sub("khirbet", text)
    return _LATIN_WORD.findall(latin_ascii(_GLUED_WORDS.sub(" ", text)))


_ASCII_MARKS = str.maketrans({"'": None, "`": None})  # the ASCII keys of _LATIN_SPECIAL
_GLUED_ARTICLE = re.compile(r"^(?:al(?=[bcdfghjklmnpqrstvwxyz])|el)")
_GLUED_SUN = re.compile(r"^[ae](?=(tt|th|dd|dh|rr|zz|ss|sh|nn)[a-z]{2})")
_DOUBLE = re.compile(r"([a-z])\1+")

# Ordered character folds applied to each token after the word folds (see _letter_folds):
# kh -> k; word-initial French "rh" before a vowel -> g ("Rharbi" = Gharbi); gh -> g; French
# "ch" -> sh (Cheikh) but German "sch" -> sh below; dj -> j; ph -> f; dh/zh -> z; q/c/g (and
# stray c) -> k, one class in Syrian names; x -> ks; v -> f; p -> b; then the vowels.
_CH = re.compile(r"(?<!s)ch")
_DH_ZH = re.compile(r"dh|zh")
_ONE_CONSONANT = {"q": "k", "c": "k", "g": "k", "v": "f", "p": "b"}  # one letter for one
_CONSONANT_FOLDS = str.maketrans({**_ONE_CONSONANT, "x": "ks"})


def _ascii_table(folds: dict[str, str]) -> str:
    """A one-to-one fold of ASCII letters as a 128-character ``str.translate`` table.

    ``str.translate`` reads it faster than a dict; characters past it are left as they are,
    as a dict leaves the characters it does not map.
    """
    return "".join(folds.get(chr(c), chr(c)) for c in range(128))


# _CONSONANT_FOLDS but x (x -> ks is done first: k and s are not folded) and _VOWEL_FOLDS
_CONSONANT_TABLE = _ascii_table(_ONE_CONSONANT)
_DIPHTHONG = re.compile(r"(?:ey|ei|ai|ay|aye|ae)(?![aeiou])")
_OU = re.compile(r"(?:ou|oo|uu|o|w(?=[^aeiouy]|$))")
_EE = re.compile(r"(?:ee|ie|ii)")
_IYA_ENDINGS = ("iyah", "iyeh", "iya", "iye", "ieh", "iah", "ia", "ije", "iyya", "iyyah", "iyyeh")
_IYA = re.compile(r"(?:iyah|iyeh|iya|iye|ieh|iah|ia|ije|iyya|iyyah|iyyeh)$")
_FEMININE = re.compile(r"(?<=[^aeiou])(?:eh|ah|e|a)$")
_LONG_A = re.compile(r"aa+")
# remaining e is vowel noise for i or a (i is the safer fold); y -> i (Abyad/Abiad,
# Tayana/Taiana); w -> u (Zawr/Zour, Hawa/Houa)
_ONE_VOWEL = {"e": "i", "y": "i", "w": "u"}
_VOWEL_FOLDS = str.maketrans(_ONE_VOWEL)
_VOWEL_TABLE = _ascii_table(_ONE_VOWEL)
_AU = re.compile(r"au(?![aeiou])")  # the diphthong aw is o/ou in Syrian spellings
_LONG_VOWEL = re.compile(r"([aiu])\1+")


def _letter_folds(word: str) -> str:
    """The transliteration folds of one token, in order (each skipped when it cannot apply)."""
    if "kh" in word:
        word = word.replace("kh", "k")
    if word.startswith("rh") and len(word) > 2 and word[2] in "aeiou":
        word = "g" + word[2:]
    if "gh" in word:
        word = word.replace("gh", "g")
    if "ch" in word:
        word = _CH.sub("sh", word).replace("sch", "sh")
    for pair, repl in (("dj", "j"), ("ph", "f")):
        if pair in word:
            word = word.replace(pair, repl)
    if "dh" in word or "zh" in word:
        word = _DH_ZH.sub("z", word)
    if "x" in word:
        word = word.replace("x", "ks")
    word = word.translate(_CONSONANT_TABLE)  # = word.translate(_CONSONANT_FOLDS)
    if "y" in word or "i" in word or "e" in word:
        word = _DIPHTHONG.sub("i", word)
    if "o" in word or "uu" in word or "w" in word:
        word = _OU.sub("u", word)
    if "ee" in word or "ie" in word or "ii" in word:
        word = _EE.sub("i", word)
    if word.endswith(_IYA_ENDINGS):
        word = _IYA.sub("iya", word)
    if word.endswith(("h", "e", "a")):
        word = _FEMININE.sub("a", word)
    if "aa" in word:
        word = _LONG_A.sub("a", word)
    word = word.translate(_VOWEL_TABLE)  # = word.translate(_VOWEL_FOLDS)
    if "au" in word:
        word = _AU.sub("u", word)
    if "aa" in word or "ii" in word or "uu" in word:
        word = _LONG_VOWEL.sub(r"\1", word)
    return word


class _CombiningMarks(dict[int, int | None]):
    """Translation table deleting combining marks (filled as characters are met, bounded)."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        if len(self) < 8192:
            self[code] = value
        return value


_NOT_COMBINING = _CombiningMarks()


def without_diacritics(text: str) -> str:
    """Text without its diacritics, its case kept ("Zaïniyé" -> "Zainiye", "Xirûs" -> "Xirus").

    Parameters
    ----------
    text
        Any text.

    Returns
    -------
    str
        The text with its combining marks removed after NFKD decomposition.
    """
    text = unicodedata.normalize("NFKD", text)
    return text if text.isascii() else text.translate(_NOT_COMBINING)


def latin_ascii(text: str) -> str:
    """Latin text in casefolded ASCII: special letters spelled out, diacritics dropped.

    Parameters
    ----------
    text
        Any text.

    Returns
    -------
    str
        The text casefolded, with combining marks removed after NFKD decomposition.
    """
    if text.isascii():  # the same steps, for ASCII: drop ' and `, lower-case
        if "'" in text or "`" in text:  # = text.translate(_ASCII_MARKS), faster
            text = text.replace("'", "").replace("`", "")
        return text.lower()
    text = without_diacritics(text.translate(_LATIN_SPECIAL))
    return text.casefold().translate(_LATIN_SPECIAL)


def _latin_tokens(text: str) -> list[str]:
    """ASCII, casefolded tokens (:func:`_latin_words`) without article tokens and glued articles."""
    words = _latin_words(text)
    out: list[str] = []
    last = len(words) - 1  # a name's last word is no article ("Tell As": the As hill)
    for i, w in enumerate(words):
        if i < last and w in ARTICLES:
            continue
        if w[0] in "ae":  # the only words that can start with a glued article
            out.extend(_token_parts(w))
        else:
            out.append(w)
    return out


_LEADING_LATIN_ARTICLE = re.compile(r"^(?:al(?=[bcdfghjklmnpqrstvwxyz][a-z]{2})|el(?=[a-z]{3}))")


@lru_cache(maxsize=65536)
def has_article(text: str) -> bool:
    """Whether a place name begins with the Arabic article, in either script.

    "Al-Hama", "El Bab", "Ash-Shaddadi", "Alshaddadi" and "الهامة" do; "Hama", "حماة",
    "Aleppo" (a vowel after a glued "al") and a lone "Al" do not.

    Parameters
    ----------
    text
        A place name.

    Returns
    -------
    bool
        True when the first word is an article followed by more of the name, or an
        article glued to the name.
    """
    if is_arabic(text):
        words = _NON_WORD.split(_TASHKEEL.sub("", _visible(text)).strip())
        return words[0].startswith("ال") and len(words[0]) >= 4
    words = _latin_words(text)
    if len(words) > 1 and words[0] in ARTICLES:
        return True
    return bool(words) and _LEADING_LATIN_ARTICLE.match(words[0]) is not None


@lru_cache(maxsize=65536)
def _token_parts(w: str) -> tuple[str, ...]:
    """A token without a glued article (one token, or "abu" and the rest for "Albukamal")."""
    if w.startswith(("albu", "elbu", "albou", "elbou")) and len(w) > 6:
        # "Albukamal": the article glued to "bu" (= Abu) glued to the name
        stem = w[4:] if w[3] == "u" and not w.startswith(("albou", "elbou")) else w[5:]
        return ("abu", stem)
    if w not in _WORD_FOLDS:
        if w[1:3] in ("dh", "th", "sh", "zh") and w[1:3] == w[3:5] and len(w) > 6:
            return (w[3:],)  # "Adhdhibah", "Ashshaddadi": the article glued to a doubled digraph
        m = _GLUED_ARTICLE.match(w)
        if m and len(w) - 2 >= 3:
            w = w[2:]
        else:
            m2 = _GLUED_SUN.match(w)
            if m2 and not w.startswith(("ath", "ash")):
                w = w[2:]
    return (w,)


@lru_cache(maxsize=65536)
def _fold_token(word: str) -> str:
    word = _WORD_FOLDS.get(word, word)
    if _DOUBLE.search(word):  # (a str template costs a Python call per sub in Python 3.11)
        word = _DOUBLE.sub(r"\1", word)
    if word in _WORD_FOLDS:
        word = _WORD_FOLDS[word]
    word = _letter_folds(word)
    return _DOUBLE.sub(r"\1", word) if _DOUBLE.search(word) else word


@lru_cache(maxsize=65536)
def normalize_latin(text: str) -> str:
    """Normalise a Latin-script transliteration of an Arabic place name.

    Casefolds, strips diacritics (NFKD), drops apostrophes and ain/hamza marks, turns
    hyphens and punctuation into spaces, drops Arabic articles (``al``, ``el``, ``ad-``,
    ``as-``, ``ash-`` ... and ``al``/``el`` glued to a following consonant as in
    "Alqahera"; "Albu Kamal" becomes "abu kamal"), folds generic words to one spelling
    (Kafr/Kfar, Deir/Dayr/Der, Tal/Tell, Sheikh/Shaykh, Maarat/Maaret, Abu/Abou/Bou,
    Ain/Ein/Ayn, Jabal/Jebel, Beit/Bayt, Khirbet/Khirbat, Qasr/Kasr, Umm/Um ...), collapses
    doubled letters and applies transliteration folds (kh -> k, gh -> g, French ch -> sh,
    dh/zh -> z, q/c/g -> k, p -> b, v -> f, ou/oo/o -> u, ee/ie -> i, ei/ey/ai/ay -> ay,
    aa -> a, feminine endings -eh/-ah/-a -> a, remaining e -> i).

    Parameters
    ----------
    text
        A Latin-script name; Arabic letters in it are dropped.

    Returns
    -------
    str
        Space-separated folded tokens (ASCII letters and digits only).
    """
    words = _latin_tokens(_visible(text))
    return " ".join(t for t in (_fold_token(w) for w in words) if t)


def normalize(text: str) -> str:
    """Normalise a name in either script (:func:`normalize_arabic` or :func:`normalize_latin`).

    Parameters
    ----------
    text
        A place name in Arabic or Latin script.

    Returns
    -------
    str
        The normalised name.
    """
    text = _visible(text)
    return normalize_arabic(text) if is_arabic(text) else normalize_latin(text)


# ---------------------------------------------------------------------------------------
# Cross-script consonant skeleton
# ---------------------------------------------------------------------------------------
#
# Classes (one ASCII capital each):
#   B  ب پ  / b p            T  ت ط ث / t th           J  ج چ / j dj
#   H  ح ه  / h              K  خ ق ك غ گ / kh q k g gh c
#   D  د ض  / d              Z  ذ ز ظ ژ / z dh zh
#   R  ر    / r              S  س ص / s                X  ش / sh ch
#   F  ف ڤ  / f v ph         L  ل / l     M  م / m     N  ن / n
# Vowels and semi-vowels (ا و ي ى ء ع ؤ ئ and a e i o u w y, apostrophes) are dropped;
# so is a word-final ة / ه and a word-final Latin h after a vowel (the feminine ending).
_AR_SKELETON = {
    "ب": "B", "ت": "T", "ث": "Z", "ج": "J", "ح": "H", "خ": "K", "د": "D", "ذ": "Z",
    "ر": "R", "ز": "Z", "س": "S", "ش": "X", "ص": "S", "ض": "D", "ط": "T", "ظ": "Z",
    "غ": "K", "ف": "F", "ق": "K", "ك": "K", "ل": "L", "م": "M", "ن": "N", "ه": "H",
}  # fmt: skip
_LATIN_SKELETON = {
    "b": "B", "t": "T", "j": "J", "h": "H", "k": "K", "d": "D", "z": "Z", "r": "R",
    "s": "S", "f": "F", "l": "L", "m": "M", "n": "N",
}  # fmt: skip
_LATIN_SKELETON_DIGRAPHS = (("sh", "x"), ("th", "z"))


@lru_cache(maxsize=65536)
def _arabic_token_skeleton(word: str) -> str:
    if word.endswith("ه") and len(word) > 2:
        word = word[:-1]  # feminine ending (ة was folded to ه)
    return "".join(_AR_SKELETON.get(c, "") for c in word) + "".join(c for c in word if c.isdigit())


# The skeleton letter of each ASCII character (None: dropped), and the ASCII digits alone
_ASCII_SKELETON = str.maketrans(
    {chr(c): _LATIN_SKELETON.get(chr(c), "X" if chr(c) == "x" else None) for c in range(128)}
)
_ASCII_DIGITS = str.maketrans({chr(c): None for c in range(128) if not chr(c).isdigit()})


@lru_cache(maxsize=65536)
def _latin_token_skeleton(word: str) -> str:
    # word is already folded by normalize_latin (kh->k, q->k, dh->z, ...)
    if len(word) > 2 and word.endswith("h") and word[-2] in "aeiouy":
        word = word[:-1]
    for digraph, repl in _LATIN_SKELETON_DIGRAPHS:
        word = word.replace(digraph, repl)
    if word.isascii():  # the same mapping, as one table; the digits moved to the end
        skel = word.translate(_ASCII_SKELETON)
        return skel if word.isalpha() else skel + word.translate(_ASCII_DIGITS)
    return "".join(_LATIN_SKELETON.get(c, "X" if c == "x" else "") for c in word) + "".join(
        c for c in word if c.isdigit()
    )


_SCRIPT_RUNS = re.compile(
    r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+(?:\s+[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)*"
)


def _script_runs(text: str) -> list[tuple[bool, str]]:
    """Split mixed text into (is_arabic, run) pieces, keeping word order."""
    if text.isascii():  # no Arabic letter
        return [(False, text)] if text.strip() else []
    runs: list[tuple[bool, str]] = []
    pos = 0
    for m in _SCRIPT_RUNS.finditer(text):
        if m.start() > pos and text[pos : m.start()].strip():
            runs.append((False, text[pos : m.start()]))
        runs.append((True, m.group()))
        pos = m.end()
    if text[pos:].strip():
        runs.append((False, text[pos:]))
    return runs


_CONSTRUCT_TA = re.compile(r"ة(?=\s+\S)")


@lru_cache(maxsize=65536)
def _arabic_run_words(run: str) -> tuple[tuple[str, ...], frozenset[str]]:
    # A ta marbuta that ends a word followed by another word is pronounced (and
    # transliterated) "t" (construct state: معرة النعمان = Maarat al-Numan); at the end of
    # the name it is silent. Mark it with ت before normalisation folds ة to ه.
    run = _TASHKEEL.sub("", unicodedata.normalize("NFC", run))
    if "ة" in run:
        run = _CONSTRUCT_TA.sub("ت", run)
    words = normalize_arabic(run).split()
    # qualifiers are looked up with the construct-state mark undone
    tags: set[str] = set()
    kept: list[str] = []
    for i, w in enumerate(words):
        plain = w[:-1] + "ه" if w.endswith("ت") else w
        tag = _QUALIFIER_WORDS.get(plain)
        if tag is not None and i > 0:
            tags.add(tag)
        else:
            kept.append(w)
    if not kept:
        return tuple(words), frozenset()
    return tuple(kept), frozenset(tags)


# An English word after a hill's or mountain's name, as the Arabic word before it (folded):
# "Ash Shash mountain", "Jalal hill", "Aqra mountains" are Jabal ash-Shash, Tall Jalal,
# Jabal al-Aqra
_HILL_TAILS = {"muntin": "jabal", "muntins": "jabal", "hil": "tal", "hils": "tal"}


@lru_cache(maxsize=65536)
def _latin_run_words(run: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The folded core words and the qualifier tags of a Latin run.

    Kept per run: :func:`core_name` (phrase parsing) and :func:`analyse` (the name search)
    read many of the same texts.
    """
    words, tags = _qualifier_split(_latin_tokens(run))
    folded = [t for t in map(_fold_token, words) if t]
    if len(folded) > 1 and (head := _HILL_TAILS.get(folded[-1])):
        folded = [head, *folded[:-1]]  # "Ash Shash mountain" is Jabal ash-Shash
    return tuple(folded), tags


@lru_cache(maxsize=65536)
def analyse(text: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """(normalised core words, per-word skeletons, qualifier tags) of a name.

    Parameters
    ----------
    text
        A place name in Latin or Arabic script (or both).

    Returns
    -------
    tuple
        The normalised core words, the consonant skeleton of each word and the qualifier
        tags (see :func:`core_name`, :func:`skeleton_tokens` and :func:`qualifiers`).
    """
    text = _visible(text)
    if text.isascii():  # one Latin run (or none)
        latin, ts = _latin_run_words(text)
        skels = [s for s in map(_latin_token_skeleton, latin) if s]
        if not skels and text.strip():
            skels = [s for s in map(_latin_token_skeleton, latin_ascii(text).split()) if s]
        return latin, tuple(skels), ts
    words: list[str] = []
    skels = []
    tags: set[str] = set()
    for arabic, run in _script_runs(text):
        ws, ts = _arabic_run_words(run) if arabic else _latin_run_words(run)
        if arabic:
            words.extend(w[:-1] + "ه" if w.endswith("ت") else w for w in ws)
            skels.extend(s for s in map(_arabic_token_skeleton, ws) if s)
        else:
            words.extend(ws)
            skels.extend(s for s in map(_latin_token_skeleton, ws) if s)
        tags |= ts
    if not skels and text.strip():
        # A name made only of an article-like word ("Al", "An"): keep its letters.
        skels = [s for s in (_latin_token_skeleton(w) for w in latin_ascii(text).split()) if s]
    return tuple(words), tuple(skels), frozenset(tags)


@lru_cache(maxsize=65536)
def core_name(text: str) -> str:
    """Normalised name without qualifier words (see :func:`qualifiers`).

    Parameters
    ----------
    text
        A place name in Arabic or Latin script.

    Returns
    -------
    str
        Space-separated normalised words.
    """
    if text.isascii():  # one Latin run: the words of analyse(text), without the skeletons
        return " ".join(_latin_run_words(text)[0])
    return " ".join(analyse(text)[0])


def qualifiers(text: str) -> frozenset[str]:
    """Positional and size qualifiers of a name ("Upper", "فوقاني", "Gharbi" ...).

    Parameters
    ----------
    text
        A place name in Arabic or Latin script.

    Returns
    -------
    frozenset of str
        Tags among ``upper, lower, big, small, west, east, north, south, middle, new, old``.
        A word that is the whole name ("Jdideh") or its first word in Arabic word order is
        part of the name, not a qualifier.
    """
    return analyse(text)[2]


def skeleton_tokens(text: str) -> tuple[str, ...]:
    """Per-word consonant skeletons of ``text`` (see :func:`skeleton`).

    Parameters
    ----------
    text
        A place name in Arabic or Latin script (mixed text: each run by its own script).

    Returns
    -------
    tuple of str
        One skeleton per word that has at least one consonant, in order; qualifier words
        (:func:`qualifiers`) are left out.
    """
    return analyse(text)[1]


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Script-agnostic consonant skeleton of a place name.

    Latin transliterations and Arabic script map to the same consonant classes, with
    vowels, semi-vowels, ain/hamza and articles dropped and word boundaries ignored, so
    that "Khan Shaikhoun", "Khan Sheikhoun", "Khan Shaykhun" and "خان شيخون" all give
    ``"KNXKN"``, and "Albu Kamal", "al Bokamal", "Abu Kamal" and "البوكمال" give
    ``"BKML"``.

    Parameters
    ----------
    text
        A place name in Arabic or Latin script.

    Returns
    -------
    str
        Upper-case class letters (``B T J H K D Z R S X F L M N``) and digits; may be
        empty for a name without consonants.
    """
    out = ""
    for part in skeleton_tokens(text):
        # The same class on both sides of a word boundary ("Tal Lattakia", "Kafr Rumma")
        # is written once or twice depending on the transliteration: keep it once.
        out += part[1:] if out and part[0] == out[-1] else part
    return out


def name_keys(text: str) -> tuple[str, ...]:
    """Blocking keys under which a name index files ``text``.

    Parameters
    ----------
    text
        A place name in Arabic or Latin script.

    Returns
    -------
    tuple of str
        Deduplicated keys, most specific first: ``"n:<normalised name>"``,
        ``"s:<skeleton>"``, then one ``"t:<token skeleton>"`` per word whose skeleton has
        at least two consonants (single-consonant words such as "Abu" or "Ain" are too
        common to block on) and one ``"w:<normalised word>"`` per word of three or more
        characters.
    """
    keys: list[str] = []
    text = _visible(text)
    norm = normalize(text)
    if norm:
        keys.append("n:" + norm)
    skel = skeleton(text)
    if skel:
        keys.append("s:" + skel)
    for tok in skeleton_tokens(text):
        if len(tok) >= 2:
            keys.append("t:" + tok)
    for word in norm.split():
        if len(word) >= 3:
            keys.append("w:" + word)
    return tuple(dict.fromkeys(keys))


# Vowelled skeleton: the consonant classes plus long vowels (Arabic ا و ي ى, final ة; Latin
# a, i, u after folding). Across scripts it separates names with the same consonants but
# different long vowels (Sukkari / السكري vs Sakra / سكرة), which the bare skeleton cannot.
_AR_VOWELS = {"ا": "a", "ى": "a", "ي": "i", "و": "u"}
_LATIN_VOWELS = {"a": "a", "i": "i", "u": "u"}


@lru_cache(maxsize=65536)
def vowelled_skeleton(text: str) -> str:
    """Consonant classes of :func:`skeleton` interleaved with vowel letters ``a i u``.

    Arabic contributes its written long vowels (and ``a`` for a final ة/ه); Latin every
    vowel after :func:`normalize_latin` folding. Compare across scripts with an
    indel-based similarity: the Arabic form is close to a subsequence of the Latin one.

    Parameters
    ----------
    text
        A place name in Arabic or Latin script.

    Returns
    -------
    str
        Upper-case consonant classes and lower-case vowels, words concatenated.
    """
    text = _visible(text)
    if text.isascii():  # one Latin run: its words are those of analyse (often cached)
        out = [_latin_token_vowelled(w) for w in analyse(text)[0]]
    else:
        out = []
        for arabic, run in _script_runs(text):
            if arabic:
                out.extend(map(_arabic_token_vowelled, _arabic_run_words(run)[0]))
            else:
                out.extend(map(_latin_token_vowelled, _latin_run_words(run)[0]))
    joined = "".join(out)
    return _REPEATS.sub(r"\1", joined) if _REPEATS.search(joined) else joined


_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _arabic_token_vowelled(word: str) -> str:
    final_a = word.endswith("ه") and len(word) > 2
    body = word[:-1] if final_a else word
    chars = [_AR_SKELETON.get(c) or _AR_VOWELS.get(c, "") for c in body]
    return "".join(chars) + ("a" if final_a else "")


# The vowelled-skeleton letter of each ASCII character (None: dropped)
_ASCII_VOWELLED = str.maketrans(
    {
        chr(c): _LATIN_SKELETON.get(chr(c))
        or _LATIN_VOWELS.get(chr(c), "X" if chr(c) == "x" else None)
        for c in range(128)
    }
)


@lru_cache(maxsize=65536)
def _latin_token_vowelled(word: str) -> str:
    w = word[:-1] if len(word) > 2 and word.endswith("h") and word[-2] in "aiu" else word
    for digraph, repl in _LATIN_SKELETON_DIGRAPHS:
        w = w.replace(digraph, repl)
    if w.isascii():  # the same mapping, as one table
        return w.translate(_ASCII_VOWELLED)
    return "".join(
        _LATIN_SKELETON.get(c) or _LATIN_VOWELS.get(c, "X" if c == "x" else "") for c in w
    )


#: The memos of whole names (one entry per distinct text): a name index build fills them
#: with names it reads once (see :func:`release_name_memos`).  The memos of single words
#: are bounded by the vocabulary and kept.
_NAME_MEMOS = (
    normalize_arabic, normalize_latin, _arabic_run_words, _latin_run_words, analyse,
    core_name, skeleton, vowelled_skeleton, has_article,
)  # fmt: skip


def release_name_memos() -> None:
    """Empty the memos of whole names (:data:`_NAME_MEMOS`); results are unchanged.

    Building the name index of 100,000 user places analyses as many names once each: kept,
    they are hundreds of thousands of objects that every later pass of Python's garbage
    collector walks again (half a second of a command line run, most of it at its exit).
    """
    for memo in _NAME_MEMOS:
        memo.cache_clear()
