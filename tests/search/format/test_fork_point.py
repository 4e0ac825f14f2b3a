"""search/format is the fork point: the one package that knows Whoosh's internals. Nothing else reads
a private attribute or imports Whoosh's storage modules, and the index keeps opening as it was
written: an index made before the package existed opens and answers, and the classes Whoosh pickles
into an index keep their names."""

from __future__ import annotations

import ast
import pickle
import shutil
from pathlib import Path

from viewer.core.paths import DataPaths
from viewer.search.archive import Archive
from viewer.search.format.codec import ArrayCodec
from viewer.search.format.postings import PersianPositions
from viewer.search.indexing.archive_index import INDEX_VERSION

ROOT = Path(__file__).resolve().parents[3]
VIEWER = ROOT / "viewer"
FORK_POINT = VIEWER / "search" / "format"
# Whoosh's codec, matchers and byte packing: only the fork point builds on them.
WHOOSH_INTERNALS = ("whoosh.codec", "whoosh.matching", "whoosh.util.numeric")
# Private names of other libraries read on purpose, each with its reason in the code.
KNOWN_PRIVATE = {
    ("viewer/commands/output.py", "_SubParsersAction"),  # argparse names no public type for it
    ("viewer/importers/common/page_dates.py", "_Element"),  # lxml's element type is called so
    ("viewer/search/indexing/prepare_pool.py", "_exit"),  # os._exit: leaving a worker without clean-up, as documented
}
KEPT_INDEX = ROOT / "tests" / "data" / "kept-index"


def _modules(*, skip: tuple[Path, ...]) -> list[Path]:
    return [path for path in sorted(VIEWER.rglob("*.py")) if not any(path.is_relative_to(s) for s in skip)]


def _imported(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    return names


def _private_reads(tree: ast.AST) -> list[str]:
    """`x._name` where x is not the object itself (self, cls, super()), and `from viewer... import _name`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            owner = node.value
            if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
                continue
            if isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id == "super":
                continue
            found.append(node.attr)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("viewer"):
            found += [alias.name for alias in node.names if alias.name.startswith("_") and not alias.name.startswith("__")]
    return found


def test_only_the_fork_point_imports_whoosh_internals() -> None:
    offenders = [f"{path.relative_to(ROOT)}: {name}" for path in _modules(skip=(FORK_POINT,))
                 for name in _imported(ast.parse(path.read_text("utf-8")))
                 if name.startswith(WHOOSH_INTERNALS)]
    assert offenders == []


def test_no_module_outside_the_fork_point_reads_private_attributes() -> None:
    offenders = []
    for path in _modules(skip=(FORK_POINT,)):
        where = path.relative_to(ROOT).as_posix()
        offenders += [f"{where}: {name}" for name in _private_reads(ast.parse(path.read_text("utf-8")))
                      if (where, name) not in KNOWN_PRIVATE]
    assert offenders == []


def test_the_index_names_the_classes_it_pickles_as_it_always_has() -> None:
    # Whoosh pickles the codec into every segment and the posting format into the schema.
    assert b"viewer.search.codec" in pickle.dumps(ArrayCodec())
    assert b"viewer.search.postings" in pickle.dumps(PersianPositions())
    assert type(pickle.loads(pickle.dumps(ArrayCodec()))) is ArrayCodec


def test_an_index_written_before_the_fork_point_moved_still_opens(tmp_path: Path) -> None:
    # tests/data/kept-index: one article (tests/data/seeds) indexed by the code before search/ had parts.
    paths = DataPaths.resolve(tmp_path / "data")
    shutil.copytree(KEPT_INDEX, paths.index_dir)
    # read as written (a later schema would rebuild it: what is tested is the classes it pickled)
    (paths.index_dir / "bayegan-index-version").write_text(INDEX_VERSION, "utf-8")
    archive = Archive(paths)
    try:
        with archive.searcher() as searcher:
            assert searcher.doc_count == 1
            result = searcher.search("دیپلماسی شهری", limit=5)
            assert result.total == 1 and "اصفهان" in result.hits[0].title
            assert searcher.search('"روابط تجاری"').total == 1  # positions, read by the packed codec
    finally:
        archive.close()
