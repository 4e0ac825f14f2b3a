"""An archive of real articles (the seed and corpus items) indexed into a temporary data folder, and notes on it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import write_items
from viewer.core.article import Article
from viewer.core.paths import DataPaths

CORPUS_PER_FILE = 25


@dataclass
class ExportArchive:
    paths: DataPaths
    articles: list[Article]
    seed: Article

    def by_id(self, article_id: str) -> Article:
        return next(a for a in self.articles if a.id == article_id)


@pytest.fixture(autouse=True)
def _widgets_app(qapp):  # type: ignore[no-untyped-def]
    """A QApplication before the export makes its own QGuiApplication, so GUI tests later in the run still work."""
    return qapp


@pytest.fixture(scope="session")
def export_archive(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, corpus_items: dict[str, list[dict]]) -> ExportArchive:
    from viewer.search.archive import Archive

    source = tmp_path_factory.mktemp("export-sources")
    (source / seed_path.name).write_bytes(seed_path.read_bytes())
    for name, items in corpus_items.items():
        write_items(source / name, [item for item in items if item.get("paragraphs")][:CORPUS_PER_FILE])
    paths = DataPaths.resolve(tmp_path_factory.mktemp("export-data")).ensure()
    archive = Archive(paths)
    archive.sync([source])
    with archive.searcher() as searcher:
        articles = sorted(searcher.articles(), key=lambda a: a.id)
    seed = next(a for a in articles if "مسقط" in a.title)
    return ExportArchive(paths, articles, seed)


@dataclass
class AnnotatedArchive:
    archive: ExportArchive
    other: Article  # a corpus article with one note
    note_texts: list[str]  # every note and reply body written on the seed
    authors: list[str]
    highlight_colours: list[str]


NOTE_TIME = "2024-03-01T12:00:00.000Z"  # ۱۱ اسفند ۱۴۰۲ in UTC, where tests/conftest.py runs the suite
NOTE_JALALI = "۱۱ اسفند ۱۴۰۲"


@pytest.fixture(scope="session")
def annotated(export_archive: ExportArchive) -> AnnotatedArchive:
    """Real notes (notes store) on the seed: a thread with nested replies, a bare highlight, a comment on the
    whole article, an orphan; and one note on a corpus article."""
    from viewer.core.annotation import Annotation, Motivation, TextPositionSelector, TextQuoteSelector, new_annotation_id
    from viewer.notes.anchoring import describe
    from viewer.notes.store import NotesStore

    seed = export_archive.seed
    text = seed.text
    other = next(a for a in export_archive.articles if a.id != seed.id and a.url and len(a.text) > 400)
    bodies = {
        "thread": "این جمله محور گزارش است؛ مقایسه شود با خبر سال ۱۴۰۱ دربارهٔ شهرهای خواهرخوانده.",
        "reply": "موافقم. Sister-city ties were listed as 12 in 2019.",
        "nested": "پاسخ به پاسخ: آمار تازه را هم ببینیم.",
        "whole": "کل این گزارش برای فصل دوم پایان‌نامه مفید است.",
        "orphan": "یادداشتی که متنش دیگر در خبر نیست.",
        "other": "در این خبر عدد دقیق نیامده است.",
    }
    colours = ["#ffeb3b", "#80deea"]

    def add(article_id: str, body: str, *, span: tuple[int, int] | None = None, source: str = "", colour: str = "",
            parent: str | None = None, creator: str = "مریم", orphan_quote: str = "") -> str:
        quote = position = None
        if span:
            quote, position = describe(source, *span)
        if orphan_quote:
            quote, position = TextQuoteSelector(orphan_quote), TextPositionSelector(0, len(orphan_quote))
        motivation = Motivation.REPLYING if parent else Motivation.COMMENTING if body else Motivation.HIGHLIGHTING
        return store.add(Annotation(new_annotation_id(), article_id, motivation, body, colour, quote, position, parent,
                                    creator, NOTE_TIME, NOTE_TIME, bool(orphan_quote))).id

    start = text.index("خواهرخواندگی یا انواع")
    bare = text.index("دیپلماسی شهری")
    with NotesStore(export_archive.paths.notes_path, export_archive.paths.backups_dir) as store:
        root = add(seed.id, bodies["thread"], span=(start, start + len("خواهرخواندگی یا انواع شبکههای")), source=text,
                   colour=colours[0])
        reply = add(seed.id, bodies["reply"], parent=root, creator="Ali Rezaei")
        add(seed.id, bodies["nested"], parent=reply)
        add(seed.id, "", span=(bare, bare + len("دیپلماسی شهری")), source=text, colour=colours[1])
        add(seed.id, bodies["whole"])
        add(seed.id, bodies["orphan"], orphan_quote="متنی که از خبر حذف شد")
        add(other.id, bodies["other"], span=(10, 60), source=other.text)
    seed_bodies = [bodies[k] for k in ("thread", "reply", "nested", "whole", "orphan")]
    return AnnotatedArchive(export_archive, other, seed_bodies, ["مریم", "Ali Rezaei"], colours)
