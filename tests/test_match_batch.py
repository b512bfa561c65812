"""Searches run together (``NameIndex.search_many``) give what each search gives alone.

The geocoder runs the first search of every row of a batch in one call; these tests check,
on the shipped gazetteer, that a batch never changes an answer (mixed scripts, typos,
filters, options, repeats, degenerate queries), that the cache stays right when a batch
is larger than it, and that the score bound used to skip hopeless pairs really bounds.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

import syria_geo.gazetteer.search as gazetteer_search
from syria_geo.errors import InvalidParameterError
from syria_geo.gazetteer.index import name_index
from syria_geo.gazetteer.search import NameIndex, SearchRequest, _query_of, _QueryColumns


def _fresh() -> NameIndex:
    """An index with nothing cached."""
    return NameIndex.from_state(name_index().to_state())


def _typo(rng: random.Random, text: str) -> str:
    i = rng.randrange(max(1, len(text)))
    return text[:i] + rng.choice("aeiknrst") + text[i + 1 :]


def _requests() -> list[SearchRequest]:
    """Seeded requests: gazetteer spellings as they are and with a letter changed."""
    rng = random.Random(2016)
    index = name_index()
    texts = rng.sample([str(t) for t in index._texts["text"].whole() if t.strip()], 160)
    texts = [t if i % 2 else _typo(rng, t) for i, t in enumerate(texts)]
    texts += ["", "   ", "12 34", "x" * 301, "حلب", "Aleppo", "aleppo", "Paris", "Khan Shaykhun"]
    options = [
        {},
        {"levels": ("community", "locality"), "within": "SY07", "limit": 12, "min_score": 0.7},
        {"levels": ("neighbourhood",), "within": "C1007", "min_score": 0.4},
        {"limit": 5, "min_score": 0.9, "typos": False},
        {"limit": 1, "within": "SY0200"},
    ]
    return [SearchRequest(t, **rng.choice(options)) for t in texts] * 2  # repeats too


def test_batch_equals_searches_one_by_one() -> None:
    requests = _requests()
    batch = _fresh().search_many(requests)
    alone = [
        _fresh().search(r.query, limit=r.limit, levels=r.levels, within=r.within,
                        min_score=r.min_score, typos=r.typos)
        for r in requests[:60]
    ]  # fmt: skip
    one = _fresh()
    alone += [one.search_many([r])[0] for r in requests[60:]]
    assert batch == alone
    assert sum(map(len, batch)) > 200  # most requests find something: not empty lists compared


def test_a_batch_larger_than_the_cache_and_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    requests = _requests()
    expected = _fresh().search_many(requests)
    monkeypatch.setattr(gazetteer_search, "_CACHE_SIZE", 7)
    monkeypatch.setattr(gazetteer_search, "_BATCH_SIZE", 5)  # and scored in chunks
    index = _fresh()
    # overlapping batches: answers from the cache, fresh answers and evictions mixed
    got = index.search_many(requests[:50])
    got += index.search_many(requests[50:])
    assert got == expected
    assert len(index._cache) <= 7
    assert index.search_many(requests[::-1]) == expected[::-1]


def test_each_request_checked_before_any_search() -> None:
    index = _fresh()
    with pytest.raises(InvalidParameterError, match="invalid query"):
        index.search_many([SearchRequest("Douma"), SearchRequest(5)])  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError, match="invalid limit"):
        index.search_many([SearchRequest("Douma", limit=0)])
    assert not index._cache
    assert index.search_many([]) == []


def test_score_bound_holds_for_every_candidate_pair() -> None:
    """No pair scores above ``_reach``: pairs skipped for it could not have been kept."""
    index = name_index()
    queries = [r.query for r in _requests()[:120] if r.query.strip() and len(r.query) <= 300]
    qs = [_query_of(t)[0] for t in queries]
    keep = [k for k, q in enumerate(qs) if q.core or q.skel]
    qs = [qs[k] for k in keep]
    qid, idx = index._pairs(
        [
            (index._post_off, index._post_val, k, index._posting_slots(q, _query_of(queries[j])[1]))
            for k, (q, j) in enumerate(zip(qs, keep, strict=True))
        ]
    )
    qc = _QueryColumns.of(qs)
    score, _, _ = index._scores(qc, qid, idx)
    bound = index._reach(qc, qid, idx, letters=True)
    assert np.all(bound <= index._reach(qc, qid, idx, letters=False))
    assert len(idx) > 1000
    assert np.all(score <= bound + 1e-12)
    assert np.any(bound < 0.7)  # the bound does skip pairs
