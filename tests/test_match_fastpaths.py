"""The vectorised shortcuts of the name search give what their plain versions give.

Each fast path of ``syria_geo.gazetteer.search`` (and of the query analysis in ``_normalize``) is
compared here with a direct, one-value-at-a-time version of the same computation, on the
shipped gazetteer's spellings, seeded typos of them and random strings: rounding as Python
rounds, NameMatch objects built without their __init__, same-skeleton flags, the typo-pass
letter bound, the typo pass scoring queries one by one or together, the score bound with
skeleton similarities, the filters, and the single cached request; skeleton similarities
scored once per distinct pair, posting slots kept per token and word, the folded words kept
per Latin run, posting lists expanded per table, the filters gathered at once and the query
columns transposed at once; the letter sets packed into words; the score bounds computed in
slices of pairs.
"""

from __future__ import annotations

import dataclasses
import random
import string

import numpy as np
import pytest
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

import syria_geo.gazetteer.normalize as gazetteer_normalize
import syria_geo.gazetteer.search as gazetteer_search
from syria_geo.gazetteer.index import name_index
from syria_geo.gazetteer.search import (
    _RAW_DROP,
    NameIndex,
    NameMatch,
    SearchRequest,
    _best_of_groups,
    _bits_allowed,
    _length_window,
    _letter_sets,
    _loose_skeleton,
    _may_reach,
    _query_of,
    _QueryColumns,
    _raw_key,
    _rounded,
    _short_words_agree,
    _unique_pairs,
)


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return name_index()


def _col(index: NameIndex, name: str) -> np.ndarray:
    """The per-spelling text column ``name`` of ``index`` (an object array of str)."""
    return index._texts[name].whole()


def _typo(rng: random.Random, text: str) -> str:
    i = rng.randrange(max(1, len(text)))
    return text[:i] + rng.choice("aeiknrst") + text[i + 1 :]


def _queries(index: NameIndex, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = rng.sample([str(t) for t in index._texts["text"].whole() if t.strip()], n)
    return [t if i % 2 else _typo(rng, t) for i, t in enumerate(texts)]


@pytest.mark.parametrize("digits", [4, 6])
def test_rounded_equals_python_round(digits: int) -> None:
    rng = np.random.default_rng(digits)
    scale = 10**digits
    halves = (np.arange(0, scale, 7) + 0.5) / scale  # decimal halves, near binary ties
    values = np.concatenate(
        [
            rng.random(20000),
            halves,
            np.nextafter(halves, 0.0),
            np.nextafter(halves, 1.0),
            np.arange(0, 129) / 128,  # exact binary fractions, some exact ties
            [0.0, 1.0, 0.55 * 0.9 + 0.45 * 0.75, 0.96 * (0.7 * 0.8 + 0.3)],
        ]
    )
    got = _rounded(values, digits)
    assert got.tolist() == [round(v, digits) for v in values.tolist()]


def test_matches_built_without_init_behave_as_constructed(index: NameIndex) -> None:
    hits = index.search("Kafr Nubl") + index.search("حلب") + index.search("Kafr Tkharim")
    assert len(hits) > 5
    for m in hits:
        built = NameMatch(*(getattr(m, f.name) for f in dataclasses.fields(NameMatch)))
        assert m == built
        assert hash(m) == hash(built)
        assert repr(m) == repr(built)
        assert dataclasses.replace(m, score=0.5) == dataclasses.replace(built, score=0.5)
        assert dataclasses.asdict(m) == dataclasses.asdict(built)
        with pytest.raises(dataclasses.FrozenInstanceError):
            m.score = 0.1  # type: ignore[misc]


def test_matches_built_in_bulk_equal_their_constructor(index: NameIndex) -> None:
    rng = np.random.default_rng(3)
    idx = rng.choice(len(index._texts["text"]), size=300, replace=False)
    rows = index._row[idx].astype(np.int64)
    scores = np.round(rng.random(300), 4)
    rules = rng.integers(0, 3, size=300).astype(np.int8)
    verbatim = rng.random(300) < 0.5
    same = (rng.random(300) < 0.5).tolist()
    got = index._matches(rows, idx, scores, rules, verbatim, same)
    want = [
        NameMatch(
            r,
            index._ids[r],
            sc,
            index._texts["text"].at(i),
            ("exact", "fuzzy", "skeleton")[ru],
            index._levels[r],
            ("primary", "alternate", "noisy")[int(index._field[i])],
            v,
            ss,
        )
        for r, i, sc, ru, v, ss in zip(
            rows.tolist(),
            idx.tolist(),
            scores.tolist(),
            rules.tolist(),
            verbatim.tolist(),
            same,
            strict=True,
        )
    ]
    assert got == want
    assert [repr(m) for m in got] == [repr(m) for m in want]


def _same_skeleton_one(index: NameIndex, query: str, i: int) -> bool:
    """Whether spelling ``i`` is a transliteration variant of ``query``, pair by pair."""
    q = _query_of(query)[0]
    return (
        len(q.skel) >= 3
        and (q.skel == _col(index, "skel")[i] or _loose_skeleton(query) == _col(index, "loose")[i])
        and q.quals == index._quals[index._qual_ids[i]]
        and (
            q.arabic != index._arabics[i]
            or (
                _short_words_agree(q.core, _col(index, "core")[i])
                and Levenshtein.normalized_similarity(q.vskel, _col(index, "vskel")[i]) >= 0.8
            )
        )
    )


def _posting_pairs(index: NameIndex, queries: list[str]) -> tuple[np.ndarray, np.ndarray]:
    lists = [
        (index._post_off, index._post_val, k, index._posting_slots(*_query_of(text)))
        for k, text in enumerate(queries)
    ]
    return index._pairs(lists)


def test_same_skeleton_flags_equal_pair_by_pair(index: NameIndex) -> None:
    queries = [*_queries(index, 150, 7), "Tabiyet Jazira", "Kfar Tkhareem", "Upper Tal Khanzir"]
    queries = [t for t in queries if _query_of(t)[0].core or _query_of(t)[0].skel]
    qs = [_query_of(t)[0] for t in queries]
    keys = [SearchRequest(t) for t in queries]
    qid, idx = _posting_pairs(index, queries)
    got = index._same_skeletons(qs, _QueryColumns.of(qs), keys, qid, idx)
    want = [
        _same_skeleton_one(index, queries[k], i)
        for k, i in zip(qid.tolist(), idx.tolist(), strict=True)
    ]
    assert got == want
    assert 100 < sum(want) < len(want)  # both answers occur


@pytest.mark.parametrize(
    ("levenshtein", "letters"),
    [(True, "BTJHKDZRSXFLMN"), (False, "abdfhiklmnrstuyz "), (False, "ابتجحدرسعفقكلمنهوي ")],
)
def test_typo_letter_bound_keeps_every_key_reaching_the_cutoff(
    levenshtein: bool, letters: str
) -> None:
    """Random keys of every length near the query's: none at or above the cutoff dropped."""
    rng = random.Random(16 + levenshtein + len(letters))
    scorer, cutoff = (Levenshtein.normalized_similarity, 0.7) if levenshtein else (fuzz.ratio, 75.0)
    found = dropped = 0
    for n in range(1, 16):
        queries = ["".join(rng.choice(letters) for _ in range(n)) for _ in range(3)]
        keys = []
        for q in queries:  # keys a few edits from the queries, and random ones
            for _ in range(300):
                k = list(q)
                for _ in range(rng.randrange(0, max(2, n // 2))):
                    op, at = rng.randrange(3), rng.randrange(len(k) + 1)
                    if op == 0 or not k:
                        k.insert(at, rng.choice(letters))
                    elif op == 1:
                        del k[min(at, len(k) - 1)]
                    else:
                        k[min(at, len(k) - 1)] = rng.choice(letters)
                keys.append("".join(k))
        keys += [
            "".join(rng.choice(letters) for _ in range(rng.randint(1, 2 * n))) for _ in range(300)
        ]
        lo, hi = _length_window(n, levenshtein)
        outside = [k for k in keys if not lo <= len(k) <= hi]
        assert not any(scorer(q, k) >= cutoff for q in queries for k in outside)
        keys = sorted((k for k in keys if lo <= len(k) <= hi), key=len)  # the length window
        lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
        for group in (queries[:1], queries):  # one query, a few
            kept = _may_reach(
                n, _letter_sets(group), lengths, _letter_sets(keys), levenshtein=levenshtein
            )
            assert kept.shape == (len(group), len(keys))
            reach = np.array([[scorer(q, k) >= cutoff for k in keys] for q in group], dtype=bool)
            assert not (reach & ~kept).any()
            found += int(reach.sum())
            dropped += int((~kept).sum())
    assert found > 1000  # keys reach the cutoff
    assert dropped > 1000  # and keys are dropped


def test_typo_letter_bound_with_the_lengths_is_tighter() -> None:
    """The lengths' difference counts against the bits allowed (and for indels their parity)."""
    # Levenshtein, n = 10: 3 edits; a key of length 12 leaves 2 * 3 - 2 bits of letters
    assert _bits_allowed(10, 12, True)[[10, 11, 12]].tolist() == [6, 5, 4]
    # indels, n = 8: 4 indels for m = 8, 4 for m = 9 (0.25 * 17) but an odd number: 3
    assert _bits_allowed(8, 9, False)[[8, 9]].tolist() == [4, 3]
    assert _bits_allowed(4, 12, False)[12] == -1  # beyond the window: nothing reaches
    # "ABCD" and "ABCDEF": 2 bits, 2 edits apart (similarity 4/6 < 0.7): dropped
    kept = _may_reach(4, _letter_sets(["ABCD"]), np.array([6]), _letter_sets(["ABCDEF"]),
                      levenshtein=True)  # fmt: skip
    assert not kept.any()


def _posted(index: NameIndex, seed: int) -> tuple[list[str], _QueryColumns, np.ndarray, np.ndarray]:
    """120 sampled queries with letters, their query columns and their posting pairs."""
    queries = [
        t for t in _queries(index, 120, seed) if _query_of(t)[0].core or _query_of(t)[0].skel
    ]
    qc = _QueryColumns.of([_query_of(t)[0] for t in queries])
    qid, idx = _posting_pairs(index, queries)
    return queries, qc, qid, idx


def test_score_bound_with_skeleton_similarity_holds(index: NameIndex) -> None:
    _, qc, qid, idx = _posted(index, 11)
    skel_sim = index._skeleton_similarity(qc, qid, idx)
    score, _, _ = index._scores(qc, qid, idx)
    assert np.array_equal(index._scores(qc, qid, idx, skel_sim)[0], score)
    bound = index._reach(qc, qid, idx, letters=True, skel_sim=skel_sim)
    assert np.all(score <= bound + 1e-12)
    assert np.all(bound <= index._reach(qc, qid, idx, letters=True) + 1e-12)
    assert np.any(bound < index._reach(qc, qid, idx, letters=True) - 0.05)  # it is finer


def test_scored_pairs_equal_the_pairs_bounded_afresh(index: NameIndex) -> None:
    queries, qc, qid, idx = _posted(index, 12)
    cuts = np.array([0.6, 0.75, 0.9] * len(queries))[: len(queries)]
    got = index._scored(qc, qid, idx, [None] * len(queries), cuts)
    # the plain way: both bounds computed in full (the names part twice)
    keep = index._reach(qc, qid, idx, letters=True) >= cuts[qid] - 1e-9
    qid, idx = qid[keep], idx[keep]
    skel_sim = index._skeleton_similarity(qc, qid, idx)
    keep = index._reach(qc, qid, idx, letters=True, skel_sim=skel_sim) >= cuts[qid] - 1e-9
    qid, idx, skel_sim = qid[keep], idx[keep], skel_sim[keep]
    want = (qid, idx, index._row[idx], *index._scores(qc, qid, idx, skel_sim))
    assert len(want[0]) > 1000
    for a, b in zip(got, want, strict=True):
        assert np.array_equal(a, b)


@pytest.mark.parametrize("size", [1, 7, 1000, 10**9])
@pytest.mark.parametrize("take", ["all", "none", "one", "arabic"])
def test_pairs_bounded_in_slices_equal_the_pairs_bounded_at_once(
    index: NameIndex, monkeypatch: pytest.MonkeyPatch, size: int, take: str
) -> None:
    _, qc, qid, idx = _posted(index, 14)
    if take == "none":
        qid, idx = qid[:0], idx[:0]
    elif take == "one":
        qid, idx = qid[:1], idx[:1]
    elif take == "arabic":
        qid, idx = qid[index._arabic[idx]], idx[index._arabic[idx]]
    cuts = np.array([0.6, 0.75, 0.9] * len(qc.core))[: len(qc.core)]
    monkeypatch.setattr(gazetteer_search, "_SLICE", size)
    # the plain way: the bounds of all the pairs at once
    names = index._name_reach(qc, qid, idx, letters=True)
    want = np.flatnonzero(index._reach(qc, qid, idx, letters=True) >= cuts[qid] - 1e-9)
    keep, kept = index._in_reach(qc, qid, idx, cuts)
    assert np.array_equal(keep, want)
    for a, b in zip(kept, names, strict=True):
        assert a.dtype == b.dtype
        assert np.array_equal(a, b[want])
    skel_sim = index._skeleton_similarity(qc, qid, idx)
    bound = index._reach(qc, qid, idx, letters=True, skel_sim=skel_sim)
    keep, _ = index._in_reach(qc, qid, idx, cuts, skel_sim=skel_sim, names=names)
    assert np.array_equal(keep, np.flatnonzero(bound >= cuts[qid] - 1e-9))
    if take in ("all", "arabic"):
        assert 0 < len(keep) < len(want) < len(qid)  # both bounds drop pairs


def test_unique_pairs_are_the_distinct_pairs() -> None:
    rng = np.random.default_rng(3)
    qid, idx = rng.integers(0, 50, 5000), rng.integers(0, 300, 5000)
    got_q, got_i = _unique_pairs(qid, idx, 300)
    got = list(zip(got_q.tolist(), got_i.tolist(), strict=True))
    assert len(got) == len(set(got))
    assert set(got) == set(zip(qid.tolist(), idx.tolist(), strict=True))


@pytest.mark.parametrize(
    "levels",
    [
        frozenset({"community"}),
        frozenset({"adm2", "adm3", "community", "locality", "neighbourhood"}),
        frozenset({"nowhere"}),
        frozenset(),
    ],
)
@pytest.mark.parametrize(
    "within", [None, "SY07", "SY0702", "SY070201", "SY", "C1007", "C10", "N", "Z", "SY07\U0010ffff"]
)
def test_filters_equal_their_plain_versions(
    index: NameIndex, levels: frozenset[str], within: str | None
) -> None:
    fresh = NameIndex.from_state(index.to_state())
    mask = fresh._mask(levels, within)
    assert mask is not None
    plain = np.isin(np.array(fresh._levels, dtype=str), sorted(levels))
    if within:
        inside = np.strings.startswith(np.array(fresh._ids, dtype=str), within)
        inside |= np.array(fresh._parents, dtype=str) == within
        for col in fresh._admin:
            inside |= np.strings.startswith(np.array(col, dtype=str), within)
        plain &= inside
    assert np.array_equal(mask, plain)
    for kind in ("skel", "flat_latin", "flat_arabic"):
        key_of = fresh._typo[kind].key_of(len(_col(fresh, "text")))
        want = np.unique(key_of[plain[fresh._row] & (key_of >= 0)])
        got = fresh._typo_keys(kind, levels, within)
        assert got is not None
        assert np.array_equal(got, want)


def test_within_prefix_search_equals_startswith_on_odd_codes() -> None:
    top = "\U0010ffff"
    codes = ["SY07", "SY07" + top, "SY07" + top + "1", "SY07" + top * 2, "SY08", "SY0", "", "SZ"]
    ids = [f"X{i}" for i in range(len(codes))]
    small = NameIndex(
        ids, ["community"] * len(codes), [["Douma"]] * len(codes),
        admin_codes=[(c,) for c in codes], parents=["SY07" if i % 3 else "" for i in range(8)],
    )  # fmt: skip
    for within in ("SY07", "SY07" + top, "SY07" + top * 2, "SY0", "S", "SZ", "X1", "T", "SY07\x00"):
        plain = np.strings.startswith(np.array(codes, dtype=str), within)
        plain |= np.strings.startswith(np.array(ids, dtype=str), within)
        plain |= np.array(small._parents, dtype=str) == within
        assert np.array_equal(small._mask(None, within), plain), within


@pytest.mark.parametrize("kind", ["skel", "flat_latin", "flat_arabic"])
def test_allowed_keys_by_length_equal_the_plain_selection(index: NameIndex, kind: str) -> None:
    typo = NameIndex.from_state(index.to_state())._typo[kind]
    lengths, every, letters = typo._sorted(None, None)
    rng = np.random.default_rng(7)
    n = len(typo.keys)
    for size in (0, 1, 5, n // 100, n // 20, n // 2, n):  # a few keys and many
        allowed = np.sort(rng.choice(n, size=size, replace=False))
        got = typo._sorted(allowed, ("tag", size))
        member = np.isin(every, allowed)  # the allowed keys, in the order sorted by length
        for a, b in zip(got, (lengths[member], every[member], letters[member]), strict=True):
            assert np.array_equal(a, b)


def test_letter_sets_of_a_few_strings_equal_the_vectorised_sets(index: NameIndex) -> None:
    texts = ["", "a", "aa", "aaa", "Ab", "KFRNBL", "ظظ", "حلب", "kafr nubul", "a\u00e9\u00e9"]
    texts += index._typo["flat_arabic"].keys[:20] + index._typo["skel"].keys[:20]
    many = _letter_sets(texts)  # more than 16 strings: the numpy path
    assert len(texts) > 16
    for k in range(17):
        got = _letter_sets(texts[k : k + k])
        assert got.dtype == np.uint64
        assert np.array_equal(got, many[k : k + k])


def _letter_sets_by_sums(texts: list[str]) -> np.ndarray:
    """The letter sets of many strings as the bit sums of their counts (no packing)."""
    n = len(texts)
    counts = np.zeros((n, 32), dtype=np.int64)
    for k, text in enumerate(texts):
        for ch in text:
            if ch != "\0":  # NUL, never in a name, is skipped by the vectorised sets
                counts[k, ord(ch) & 31] += 1
    bits = np.left_shift(np.uint64(1), np.arange(64, dtype=np.uint64))
    return np.asarray(
        ((counts >= 1) * bits[:32]).sum(axis=1, dtype=np.uint64)
        | ((counts >= 2) * bits[32:]).sum(axis=1, dtype=np.uint64)
    )


@pytest.mark.parametrize(
    "extra",
    [
        [],  # the gazetteer's spellings only
        ["", "", ""],  # empty strings among them
        ["\u0622\u0644 \u062d\u0644\u0628", "ظظظ"],  # Arabic script
        [string.printable, "".join(map(chr, range(32, 127))) * 3],  # all 32 buckets, twice
        ["a\0a", "\0", "\0\0b"],  # NUL skipped
        ["\U0001f600\U0001f600x", "\u00e9" * 5],  # beyond the BMP, accents
    ],
)
def test_letter_sets_packed_equal_the_summed_bits(index: NameIndex, extra: list[str]) -> None:
    texts = extra + index._typo["skel"].keys[:40] + _col(index, "core")[:40].tolist() + extra
    got = _letter_sets(texts)
    assert got.dtype == np.uint64
    assert got.shape == (len(texts),)
    assert np.array_equal(got, _letter_sets_by_sums(texts))


def test_posting_lists_kept_per_text_serve_every_filter(index: NameIndex) -> None:
    texts = _queries(index, 60, seed=5)
    options = [((), None), (("community",), None), (("community", "adm3"), "SY07"), ((), "SY02")]
    requests = [
        SearchRequest(t, 12, levels or None, within, 0.5, typos=False)
        for t in texts
        for levels, within in options
    ]
    shared, plain = NameIndex.from_state(index.to_state()), index
    for start in range(0, len(requests), 50):  # texts met again in later batches
        got = shared.search_many(requests[start : start + 50])
        for request, hits in zip(requests[start : start + 50], got, strict=True):
            plain._slot_cache.clear()  # each text's posting lists found afresh
            plain._cache.clear()
            assert hits == plain.search_many([request])[0]
    assert len(shared._slot_cache) == len(set(texts))


@pytest.mark.parametrize("kind", ["skel", "flat_latin", "flat_arabic"])
def test_typo_key_letters_read_from_spellings_equal_the_computed_sets(
    index: NameIndex, kind: str
) -> None:
    typo = NameIndex.from_state(index.to_state())._typo[kind]
    assert typo._spelling_letters is not None
    got = typo._sorted(None, None)
    assert np.array_equal(typo._letters, _letter_sets(typo.keys))
    plain = gazetteer_search._TypoKeys(
        typo.keys, typo.off, typo.val
    )  # letters of the keys themselves
    for a, b in zip(got, plain._sorted(None, None), strict=True):
        assert np.array_equal(a, b)


def test_query_sorted_column_is_each_query_with_its_words_sorted(index: NameIndex) -> None:
    queries = [*_queries(index, 300, 9), "", "Tal Abyad", "Abyad Tal", "حلب الجديدة", "x y z"]
    qs = [_query_of(t)[0] for t in queries]
    assert any(" " in q.core for q in qs)
    assert any(" " not in q.core for q in qs)
    assert _QueryColumns.of(qs).sorted.tolist() == [" ".join(sorted(q.core.split())) for q in qs]


def test_single_cached_request_answers_a_fresh_list(index: NameIndex) -> None:
    fresh = NameIndex.from_state(index.to_state())
    request = SearchRequest("Khan Shaykhun", 12, ("community", "adm3"), "SY07", 0.7)
    (first,) = fresh.search_many([request])
    first.clear()  # the caller's list: the cache keeps its own
    (again,) = fresh.search_many([request])
    (batch,) = NameIndex.from_state(index.to_state()).search_many([request, request])[:1]
    assert again
    assert again == batch
    assert again is not fresh.search_many([request])[0]


def test_ascii_token_tables_equal_the_character_maps() -> None:
    rng = random.Random(5)
    pool = string.ascii_lowercase + string.digits + " _-'.`" + "éçşÀ²"
    words = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    words += ["shahba", "tallkalakh", "x", "kh", "2nd", "aleppo's"]
    skel_map, vowels = gazetteer_normalize._LATIN_SKELETON, gazetteer_normalize._LATIN_VOWELS
    for w in words:
        s = w[:-1] if len(w) > 2 and w.endswith("h") and w[-2] in "aeiouy" else w
        v = w[:-1] if len(w) > 2 and w.endswith("h") and w[-2] in "aiu" else w
        for digraph, repl in gazetteer_normalize._LATIN_SKELETON_DIGRAPHS:
            s, v = s.replace(digraph, repl), v.replace(digraph, repl)
        want_s = "".join(skel_map.get(c, "X" if c == "x" else "") for c in s)
        want_s += "".join(c for c in s if c.isdigit())
        want_v = "".join(skel_map.get(c) or vowels.get(c, "X" if c == "x" else "") for c in v)
        assert gazetteer_normalize._latin_token_skeleton.__wrapped__(w) == want_s, w
        assert gazetteer_normalize._latin_token_vowelled.__wrapped__(w) == want_v, w
        if not gazetteer_normalize.is_arabic(w):
            assert _raw_key(w) == _RAW_DROP.sub("", gazetteer_normalize.latin_ascii(w)), w


def test_fold_tables_equal_the_dict_translations() -> None:
    rng = random.Random(9)
    pool = string.printable + "éçşÀ²ğü" + "xqcgvpewy'`" * 3
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 15))) for _ in range(20000)]
    for t in texts:
        folded = t.replace("x", "ks") if "x" in t else t
        assert folded.translate(gazetteer_normalize._CONSONANT_TABLE) == t.translate(
            gazetteer_normalize._CONSONANT_FOLDS
        )
        assert t.translate(gazetteer_normalize._VOWEL_TABLE) == t.translate(
            gazetteer_normalize._VOWEL_FOLDS
        )
        if t.isascii():
            assert (
                gazetteer_normalize.latin_ascii(t)
                == t.translate(gazetteer_normalize._ASCII_MARKS).lower()
            )


def test_sorted_column_is_each_name_with_its_words_sorted(index: NameIndex) -> None:
    fresh = NameIndex.from_state(index.to_state())
    got = _col(fresh, "sorted").tolist()
    assert got == [" ".join(sorted(c.split())) for c in _col(fresh, "core")]
    assert sum(g != c for g, c in zip(got, _col(fresh, "core"), strict=True)) > 100


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_best_of_groups_equals_sorting(seed: int) -> None:
    """Each (query, entry) keeps the spelling a full sort puts first (ties, repeats, verbatim)."""
    rng = np.random.default_rng(seed)
    n = 3000
    qid, row = rng.integers(0, 40, n), rng.integers(0, 60, n)
    idx = rng.integers(0, 500, n)
    score = rng.choice([0.7, 0.8, 0.85, 0.9, 1.0], n)  # many exact ties
    verbatim = rng.random(n) < 0.3
    repeat = rng.integers(0, n, 300)  # repeated pairs, as a posting and a typo pair
    qid, row, idx, score, verbatim = (
        np.concatenate((a, a[repeat])) for a in (qid, row, idx, score, verbatim)
    )
    kept = np.flatnonzero(score >= 0.75)
    entry = qid[kept] * 60 + row[kept]
    order = kept[np.lexsort((idx[kept], ~verbatim[kept], -score[kept], entry))]
    first = np.ones(len(order), dtype=bool)
    first[1:] = np.diff(qid[order] * 60 + row[order]) != 0
    want = order[first]
    got = _best_of_groups(kept, entry, score, np.where(verbatim, 0, 500) + idx)
    key = lambda k: (int(qid[k]), int(row[k]), int(idx[k]), float(score[k]), bool(verbatim[k]))  # noqa: E731
    assert sorted(map(key, got.tolist())) == sorted(map(key, want.tolist()))
    assert len(got) == len(set(entry.tolist()))


def test_ranking_by_one_key_equals_ranking_by_several(
    index: NameIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    requests = [SearchRequest(t, limit=8, min_score=0.5) for t in _queries(index, 200, 13)]
    one_key = NameIndex.from_state(index.to_state()).search_many(requests)
    monkeypatch.setattr(gazetteer_search, "_ONE_KEY_LIMIT", 0)  # the lexsort of the separate keys
    several = NameIndex.from_state(index.to_state()).search_many(requests)
    assert one_key == several
    assert sum(len(r) > 3 for r in several) > 50  # rankings of several entries compared


def _typo_full_scan(
    keys: list[str], query: str, levenshtein: bool, allowed: np.ndarray | None
) -> list[int]:
    """The typo pass without shortcuts: every allowed key scored, the best 40 by position."""
    scorer, cutoff = (Levenshtein.normalized_similarity, 0.7) if levenshtein else (fuzz.ratio, 75.0)
    positions = range(len(keys)) if allowed is None else allowed.tolist()
    scored = [(scorer(query, keys[p]), p) for p in positions]
    return [p for s, p in sorted((-s, p) for s, p in scored if s >= cutoff)][:40]


@pytest.mark.parametrize("kind", ["skel", "flat_latin", "flat_arabic"])
@pytest.mark.parametrize("together", [None, True, False])
def test_typo_pass_either_way_equals_the_full_scan(
    index: NameIndex, kind: str, together: bool | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Queries scored one by one or together on the union of their keys: the same answers.

    ``together``: force one way (None: the cost model picks); queries of one length come
    in groups, with typos of one key (much the same keys), a short query with more than
    40 hits tied at one score (the cut at 40 by key position), and a query too long for
    any key.
    """
    if together is not None:
        monkeypatch.setattr(gazetteer_search, "_score_together", lambda *_: together)
    shipped = index._typo[kind]
    keys, levenshtein = shipped.keys, kind == "skel"
    rng = random.Random(len(kind))
    queries = [_typo(rng, rng.choice(keys)) for _ in range(40)]
    base = rng.choice([k for k in keys if len(k) == 6])
    queries += [_typo(rng, base) for _ in range(12)]  # one length, much the same keys
    # short queries, one with more than 40 hits tied at 0.75 (75), and one too long
    queries += [min(keys, key=len) * 2, keys[0][:3], "KFRN", "sir", "x" * 80]
    allowed = np.array(sorted(rng.sample(range(len(keys)), len(keys) // 4)), dtype=np.int64)
    requests = [(q, None, "all") for q in queries] + [(q, allowed, "some") for q in queries]
    requests.append(requests[3])  # a request repeated in one call
    fresh = gazetteer_search._TypoKeys(keys, shipped.off, shipped.val)
    got = fresh.best_many(requests, levenshtein=levenshtein)
    want = [_typo_full_scan(keys, q, levenshtein, a) for q, a, _ in requests]
    assert got == want
    assert sum(map(len, want)) > 100  # the typos find keys
    assert max(map(len, want)) == 40 or kind == "flat_arabic"  # the cut at 40, among ties
    assert fresh.best_many(requests[::-1], levenshtein=levenshtein) == want[::-1]  # cached
    assert fresh.best_many([], levenshtein=levenshtein) == []
    one = gazetteer_search._TypoKeys(keys, shipped.off, shipped.val)
    assert one.best_many(requests[:1], levenshtein=levenshtein) == want[:1]


@pytest.mark.parametrize(
    "extra",
    [
        [],  # sampled spellings and typos of them only
        ["حلب", "حلب الجديدة", "Halab", "Aleppo"],  # Arabic and Latin of one skeleton
        ["Kafr Nubl", "Kafr Nubl", "Kafranbel"],  # the same query twice, one skeleton
        ["ab", "Aya"],  # a short skeleton, and a query without one
    ],
)
def test_skeleton_similarity_equals_pair_by_pair(index: NameIndex, extra: list[str]) -> None:
    """Each distinct skeleton pair scored once gives every pair what it gives alone."""
    queries = [*_queries(index, 80, 21), *extra]
    queries = [t for t in queries if _query_of(t)[0].core or _query_of(t)[0].skel]
    qc = _QueryColumns.of([_query_of(t)[0] for t in queries])
    qid, idx = _posting_pairs(index, queries)
    fresh = NameIndex.from_state(index.to_state())  # its skeleton numbers built afresh
    got = fresh._skeleton_similarity(qc, qid, idx)
    want = [
        Levenshtein.normalized_similarity(qc.skel[k], _col(index, "skel")[i]) if qc.skel[k] else 0.0
        for k, i in zip(qid.tolist(), idx.tolist(), strict=True)
    ]
    assert got.tolist() == want
    skel = _col(index, "skel")
    pairs = set(zip(qc.skel[qid].tolist(), [skel[i] for i in idx.tolist()], strict=True))
    assert len(pairs) < len(want)  # skeleton pairs repeat
    ids, texts = fresh._skeleton_ids()
    assert (
        texts[ids].tolist() == _col(index, "skel").tolist()
    )  # every spelling's number names its skeleton
    one = fresh._skeleton_similarity(qc, qid[:1], idx[:1])
    assert one.tolist() == want[:1]
    assert fresh._skeleton_similarity(qc, qid[:0], idx[:0]).tolist() == []


def test_short_words_of_a_name_agree_with_themselves(index: NameIndex) -> None:
    """The same-skeleton flags skip comparing a name with itself: it always agrees."""
    names = [*_col(index, "core"), "", "a", "ali allu", "bash basha", "حلب الجديدة"]
    assert all(_short_words_agree(c, c) for c in names)
    assert not _short_words_agree("ali", "allu")  # while other short words may not


def _plain_posting_slots(index: NameIndex, text: str) -> list[int]:
    """The slots of the query's keys looked up one by one (the common ones as a last resort)."""
    q, skel_tokens = _query_of(text)
    rare: list[int] = []
    common: list[int] = []
    for key in index._keys(q.core, q.skel, skel_tokens, q.arabic):
        slot = index._post_slot.get(key)
        if slot is not None:
            (common if slot in index._common_slots else rare).append(slot)
    return rare or common


@pytest.mark.parametrize("cache_size", [20000, 3])
def test_posting_slots_kept_per_token_equal_the_keys_looked_up(
    index: NameIndex, monkeypatch: pytest.MonkeyPatch, cache_size: int
) -> None:
    """Token and word slots kept across queries (and dropped when too many) change nothing."""
    monkeypatch.setattr(gazetteer_search, "_CACHE_SIZE", cache_size)
    texts = [
        *_queries(index, 400, 17),
        *["Tal Tal", "Tal", "Tell Tamer", "Kafr Kafr Nubl", "حلب", "حلب حلب"],
        *["Halab", "Halab حلب"],  # one Latin word, alone and in an Arabic query
        *["Al", "Aya", "12", "12 12", "Deir ez-Zor 12", "Upper Tal Khanzir", "Qarya"],
        *["Tal Zqzqv", "Khirbet Zqzqv", "Kafr Tal Zqzqv"],  # common keys, and one rare
    ]
    fresh = NameIndex.from_state(index.to_state())
    for text in texts * 2:  # the second time from the slots kept
        q = _query_of(text)[0]
        if q.core or q.skel:
            assert fresh._posting_slots(*_query_of(text)) == _plain_posting_slots(index, text), text
    assert sum(map(len, fresh._part_slots)) <= max(cache_size, 20)
    only_common = set(_plain_posting_slots(index, "Tal Zqzqv"))
    assert only_common
    assert only_common <= index._common_slots  # then they are its candidates


def _texts(index: NameIndex, seed: int) -> list[str]:
    """Spellings of the gazetteer, typos of them, random and odd strings (any script)."""
    rng = random.Random(seed)
    pool = string.ascii_letters + string.digits + " -'`_().,/" + "éçşÀ²ğü" + "\u200f\u00ad"
    randoms = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 20))) for _ in range(500)]
    odd = ["", " ", "Al", "Upper", "Tal Tal", "Albukamal", "حلب", "Halab حلب", "Ale\u200fppo"]
    return [*_queries(index, 1500, seed), *randoms, *odd]


def test_latin_words_kept_per_run_equal_their_plain_computation(index: NameIndex) -> None:
    """core_name, analyse and is_arabic give what they give without the kept words."""
    texts = _texts(index, 31)
    gazetteer_normalize._latin_run_words.cache_clear()
    # the plain words of a run: the tokens without qualifiers, folded, empty ones dropped
    for text in texts:
        words, tags = gazetteer_normalize._qualifier_split(gazetteer_normalize._latin_tokens(text))
        folded = [t for t in map(gazetteer_normalize._fold_token, words) if t]
        if len(folded) > 1 and (head := gazetteer_normalize._HILL_TAILS.get(folded[-1])):
            folded = [head, *folded[:-1]]  # "X mountain" is "Jabal X"
        want = (folded, tags)
        got = gazetteer_normalize._latin_run_words(text)
        assert (list(got[0]), got[1]) == want, text
        assert isinstance(got[0], tuple)  # shared by the callers: immutable
        plain = (
            gazetteer_normalize._ARABIC_RANGE.search(gazetteer_normalize._visible(text)) is not None
        )
        assert gazetteer_normalize.is_arabic(text) == plain, text
    # core_name first (as phrase parsing does), then analyse: the same as each afresh
    names = [gazetteer_normalize.core_name(t) for t in texts]
    analysed = [gazetteer_normalize.analyse(t) for t in texts]
    for f in (
        gazetteer_normalize._latin_run_words,
        gazetteer_normalize.core_name,
        gazetteer_normalize.analyse,
    ):
        f.cache_clear()
    assert [gazetteer_normalize.analyse(t) for t in texts] == analysed
    assert [gazetteer_normalize.core_name(t) for t in texts] == names
    assert names == [" ".join(a[0]) for a in analysed]


@pytest.mark.parametrize("unique", [True, False])
def test_pairs_of_posting_lists_equal_the_lists_expanded_one_by_one(
    index: NameIndex, unique: bool
) -> None:
    """Slots of two posting tables, queries without slots, repeated slots, lists and tuples."""
    rng = random.Random(41)
    typo = index._typo["skel"]
    n_post, n_typo = len(index._post_off) - 1, len(typo.keys)
    lists: list[tuple[np.ndarray, np.ndarray, int, list[int] | tuple[int, ...]]] = []
    for k in range(60):
        slots = [rng.randrange(n_post) for _ in range(rng.randrange(0, 5))]
        lists.append((index._post_off, index._post_val, k, slots * (1 + k % 2)))
        if k % 3 == 0:
            lists.append((typo.off, typo.val, k, tuple(rng.randrange(n_typo) for _ in range(3))))
    want = [
        (k, int(i))
        for off, val, k, slots in lists
        for s in slots
        for i in val[off[s] : off[s + 1]].tolist()
    ]
    qid, idx = index._pairs(lists, unique=unique)
    got = list(zip(qid.tolist(), idx.tolist(), strict=True))
    assert sorted(got) == (sorted(set(want)) if unique else sorted(want))
    assert len(set(want)) < len(want)  # repeated pairs were given
    assert [len(a) for a in index._pairs([], unique=unique)] == [0, 0]
    empty = [(index._post_off, index._post_val, 0, [])]
    assert [len(a) for a in index._pairs(empty, unique=unique)] == [0, 0]


def test_scored_pairs_of_filtered_queries_keep_the_allowed_entries(index: NameIndex) -> None:
    """The filters of a batch gathered at once keep each pair its own query's filter allows."""
    queries, qc, qid, idx = _posted(index, 14)
    fresh = NameIndex.from_state(index.to_state())
    options = [(None, None), (frozenset({"community"}), None), (None, "SY07"), (None, "Z")]
    masks = [fresh._mask(*options[k % len(options)]) for k in range(len(queries))]
    cuts = np.full(len(queries), 0.6)
    got = fresh._scored(qc, qid, idx, masks, cuts)
    allowed = [
        m is None or bool(m[fresh._row[i]])
        for m, i in zip([masks[k] for k in qid.tolist()], idx.tolist(), strict=True)
    ]
    keep = np.array(allowed, dtype=bool)
    want = fresh._scored(qc, qid[keep], idx[keep], [None] * len(queries), cuts)
    assert 0 < int(keep.sum()) < len(keep)
    assert len(want[0]) > 100
    for a, b in zip(got, want, strict=True):
        assert np.array_equal(a, b)


@pytest.mark.parametrize("n", [0, 1, 300])
def test_query_columns_hold_each_query_field(index: NameIndex, n: int) -> None:
    """The columns of a batch (transposed at once) are the fields of its queries, in order."""
    texts = [*_queries(index, 300, 43), "حلب", "Upper Tal Khanzir", "Aya"][:n]
    qs = [_query_of(t)[0] for t in texts]
    qc = _QueryColumns.of(qs)
    for field in ("core", "flat", "skel", "vskel", "raw"):
        assert getattr(qc, field).tolist() == [getattr(q, field) for q in qs]
        assert getattr(qc, f"{field}_len").tolist() == [len(getattr(q, field)) for q in qs]
    assert qc.arabic.tolist() == [q.arabic for q in qs]
    assert [qc.quals[g] for g in qc.qual_group.tolist()] == [q.quals for q in qs]
    assert qc.skels[qc.skel_group].tolist() == [q.skel for q in qs]
    assert len(set(qc.skels.tolist())) == len(qc.skels)
