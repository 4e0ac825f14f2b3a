"""The bulk writer works a date's terms and column value out once per date: what it writes for
documents sharing dates, dates with times, a repeated wall time (fold), and zone-aware dates that
are equal as instants but not as wall times is what Whoosh's own writer writes for them."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from whoosh.fields import DATETIME
from whoosh.writing import SegmentWriter

from tests.search.format.test_bulk_writer import _articles, _build, _dump
from tests.search.generated_corpus import SEED
from viewer.search.format.bulk_writer import BulkWriter
from viewer.search.indexing.prepare import PreparedArticle, analyzed
from viewer.search.schema import document_of

TEHRAN = timezone(timedelta(hours=3, minutes=30))


def _dates(rng: random.Random, count: int) -> list[datetime | None]:
    days = [datetime(2023, 1, 1) + timedelta(days=rng.randint(0, 9)) for _ in range(4)]
    noon_utc = datetime(2023, 3, 1, 12, 0, tzinfo=UTC)
    choices: list[datetime | None] = [
        *days,  # shared by many documents
        days[0] + timedelta(hours=18, minutes=30),  # another time of one of those days
        datetime(2023, 5, 6, 7, 8, 9, 10),
        datetime(2023, 5, 6, 7, 8, 9, 10, fold=1),  # equal to the one before, and written alike
        noon_utc,
        noon_utc.astimezone(TEHRAN),  # the same instant, another wall time: other terms
        datetime(2023, 3, 1, 12, 0),  # noon_utc's wall time, naive
        None,
    ]
    return [rng.choice(choices) for _ in range(count)]


def test_dates_are_written_as_whoosh_writes_them(tmp_path: Path) -> None:
    print("seed", SEED)
    rng = random.Random(SEED)
    articles = _articles(120)
    for article, date in zip(articles, _dates(rng, len(articles)), strict=True):
        article.date = date
    assert len({a.date for a in articles if a.date is not None and a.date.tzinfo is not None}) == 1  # equal instants
    plain = [document_of(a) for a in articles]
    prepared = []
    for a in articles:
        indexed = document_of(a)
        prepared.append(PreparedArticle(a, a.content_hash(), analyzed("title", str(indexed["title"])),
                                        analyzed("text", str(indexed["text"]))).document())
    whoosh = _dump(_build(tmp_path / "whoosh", SegmentWriter, plain))
    bulk = _dump(_build(tmp_path / "bulk", BulkWriter, prepared))
    date_terms = [key for key in whoosh["terms"] if key[0] == "date"]
    assert len(date_terms) > 30
    assert bulk["terms"].keys() == whoosh["terms"].keys()
    for key, value in whoosh["terms"].items():
        assert bulk["terms"][key] == value, key
    assert bulk["stored"] == whoosh["stored"]
    columns = []
    for folder in ("whoosh", "bulk"):
        ix = _build(tmp_path / f"{folder}-again", SegmentWriter if folder == "whoosh" else BulkWriter,
                    plain if folder == "whoosh" else prepared)
        with ix.reader() as reader:
            column = reader.column_reader("date", translate=False)
            columns.append([column[n] for n in range(len(articles))])
    assert columns[0] == columns[1]
    assert len(set(columns[0])) >= 8


def test_a_dates_terms_are_worked_out_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whoosh's DATETIME.index runs once per distinct naive date (a day's articles share its terms),
    and for every document of a zone-aware date."""
    print("seed", SEED)
    rng = random.Random(SEED)
    articles = _articles(60)
    for article, date in zip(articles, _dates(rng, len(articles)), strict=True):
        article.date = date
    calls: list[object] = []
    index = DATETIME.index

    def counted(self: DATETIME, value: object, **kwargs: object) -> object:
        calls.append(value)
        return index(self, value, **kwargs)

    monkeypatch.setattr(DATETIME, "index", counted)
    docs = [document_of(a) for a in articles]
    _build(tmp_path / "bulk", BulkWriter, docs)
    dates = [a.date for a in articles if a.date is not None]
    naive = {d for d in dates if d.tzinfo is None}
    aware = [d for d in dates if d.tzinfo is not None]
    assert len(dates) > len(naive) + len(aware) + 10
    assert len(calls) == len(naive) + len(aware)
