"""A prepared file crosses the pipe from a worker to the writer (prepare_pool.handed_over, read back
by plain unpickling) as it was: every article with its blocks, texts, packed postings, fingerprints
and word groups."""

from __future__ import annotations

import pickle
import random
from pathlib import Path

from tests.search.generated_corpus import SEED, write_corpus
from viewer.core.article import Article, Block
from viewer.search.indexing.prepare import PreparedArticle, prepare_file
from viewer.search.indexing.prepare_pool import handed_over


def _parts(item: PreparedArticle) -> tuple[object, ...]:
    packed = [(str(value), value.packed.terms, list(value.packed.freqs), list(value.packed.lens), value.packed.blob)
              for value in (item.title, item.text)]
    return item.article, item.content_hash, packed, item.fold, item.sketch, item.words


def test_prepared_file_crosses_the_pipe_unchanged(tmp_path: Path) -> None:
    print("seed", SEED)
    write_corpus(tmp_path / "corpus", random.Random(SEED))
    files = sorted((tmp_path / "corpus").glob("*.json"))
    assert files
    for path in files:
        ready = prepare_file(str(path), None)
        back = pickle.loads(handed_over(ready))
        assert (back.digest, back.failure, back.read_up_to) == (ready.digest, ready.failure, ready.read_up_to)
        if ready.articles is None:
            assert back.articles is None
            continue
        assert [_parts(item) for item in back.articles] == [_parts(item) for item in ready.articles]
        for item in back.articles:
            assert type(item.article) is Article and all(type(block) is Block for block in item.article.blocks)
