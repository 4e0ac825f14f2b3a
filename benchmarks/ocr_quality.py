"""Persian OCR quality: Bayegan's pipeline beside raw Tesseract on scans rendered here from real text.

    .venv/bin/python benchmarks/ocr_quality.py --corpus DIR            # ~3 min; table to stdout and results/ocr_quality.md
    .venv/bin/python benchmarks/ocr_quality.py --corpus DIR --engines  # also pytesseract and tesserocr, if importable

Pages: articles drawn (seeded) from the corpus's JSON files, title and opening paragraphs set as a
newspaper column with Pillow (raqm shapes the Persian) in three fonts (Vazirmatn, bundled; Noto Naskh
Arabic and Noto Sans Arabic from Debian's fonts-noto-core) at 150, 200 or 300 dpi, then degraded like
a scan: rotated by up to ±1°, grey noise, saved as JPEG at quality 55-85.

- CER: the Levenshtein distance between the text set and the text read, over the length of the text
  set, both folded word by word with the analyzer's fold (viewer.analysis.normalize.fold_word), so that
  only what a search would notice counts. "raw" is `tesseract IMAGE stdout -l fas` on the same JPEG;
  "pipeline" is Bayegan's importer (image_format.py): grey PNG, TSV boxes, the title line, paragraphs.
- Known item: every scan indexed by Bayegan (Archive.sync on the JPEG files), a query of the two rarest
  title words (by document frequency in the corpus); found when the scan is in the top 10.
- Time per page: wall time of the pipeline's OCR of one page, on this machine, nothing cached; every
  engine with OMP_THREAD_LIMIT=1, as the importer runs Tesseract (one worker per core).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont  # noqa: E402 (after the path is set)

from benchmarks.corpus_arg import add_corpus_argument  # noqa: E402
from tests.importers.scans import cer  # noqa: E402 - the tests' measure, so both report the same
from viewer.analysis.normalize import fold_word  # noqa: E402
from viewer.core.article import Article  # noqa: E402
from viewer.core.paths import DataPaths  # noqa: E402
from viewer.importers.common.reading_context import ReadingContext  # noqa: E402
from viewer.importers.scans.image_format import grey_png, parse_image  # noqa: E402
from viewer.importers.text.json_format import parse_json  # noqa: E402
from viewer.search.archive import Archive  # noqa: E402
from viewer.search.results.searcher import ArchiveSearcher  # noqa: E402

FONTS = [REPO / "resources" / "fonts" / "Vazirmatn-Regular.ttf",
         Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"),
         Path("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf")]
BOLD = {FONTS[0]: REPO / "resources" / "fonts" / "Vazirmatn-Bold.ttf",
        FONTS[1]: Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Bold.ttf"),
        FONTS[2]: Path("/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf")}
DPIS = (150, 200, 300)
BODY_CHARS = 700
WORD = re.compile(r"[\u0621-\u06d3\u200c]{3,}")


def wrapped(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and font.getlength(candidate, direction="rtl") > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


def render_scan(title: str, body: str, font_path: Path, dpi: int, rng: random.Random) -> tuple[bytes, str]:
    """A degraded JPEG of a 5-inch newspaper column, and the text set on it (title, then body lines)."""
    width = int(5 * dpi)
    body_font = ImageFont.truetype(str(font_path), int(11 / 72 * dpi))
    title_font = ImageFont.truetype(str(BOLD[font_path]), int(18 / 72 * dpi))
    margin = int(0.4 * dpi)
    title_lines = wrapped(title, title_font, width - 2 * margin)
    body_lines = wrapped(body, body_font, width - 2 * margin)
    title_step, body_step = int(18 / 72 * dpi * 1.6), int(11 / 72 * dpi * 1.8)
    height = 2 * margin + title_step * len(title_lines) + int(0.2 * dpi) + body_step * len(body_lines)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    y = margin
    for line in title_lines:
        draw.text((width - margin, y), line, font=title_font, fill=0, anchor="ra", direction="rtl")
        y += title_step
    y += int(0.2 * dpi)
    for line in body_lines:
        draw.text((width - margin, y), line, font=body_font, fill=0, anchor="ra", direction="rtl")
        y += body_step
    page = page.rotate(rng.uniform(-1.0, 1.0), resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    noise = Image.effect_noise(page.size, rng.uniform(10, 30)).point(lambda v: v // 2 + 32)
    page = ImageChops.add(page, noise.convert("L"), scale=1.0, offset=-64)  # grey speckle, both ways
    page = page.filter(ImageFilter.GaussianBlur(rng.uniform(0.0, 0.6)))
    out = io.BytesIO()
    page.save(out, format="JPEG", quality=rng.randint(55, 85), dpi=(dpi, dpi))
    return out.getvalue(), "\n".join([*title_lines, *body_lines])


def raw_tesseract(jpeg: bytes) -> str:
    done = subprocess.run(["tesseract", "stdin", "stdout", "-l", "fas"], input=jpeg, capture_output=True, check=True,
                          timeout=300)
    return done.stdout.decode("utf-8", "replace")


def engines(jpeg: bytes) -> dict[str, Callable[[], str]]:
    """The other ways of running Tesseract from Python, where importable (not Bayegan's dependencies)."""
    found: dict[str, Callable[[], str]] = {}
    image = Image.open(io.BytesIO(grey_png(Image.open(io.BytesIO(jpeg)))))
    try:
        import pytesseract
        found["pytesseract"] = lambda: str(pytesseract.image_to_string(image, lang="fas"))
    except ImportError:
        pass
    try:
        import tesserocr
        found["tesserocr"] = lambda: str(tesserocr.image_to_text(image, lang="fas",
                                                                 path="/usr/share/tesseract-ocr/5/tessdata/"))
    except ImportError:
        pass
    return found


def pick_articles(corpus: Path, count: int, rng: random.Random) -> tuple[list[Article], Counter[str]]:
    articles: list[Article] = []
    for path in sorted(corpus.glob("*.json")):
        articles += parse_json(path.read_text("utf-8"), path.name)
    frequency: Counter[str] = Counter()
    for article in articles:
        frequency.update({fold_word(w) for w in WORD.findall(article.title + " " + article.text)})
    usable = [a for a in articles if len(a.text) > BODY_CHARS and len(WORD.findall(a.title)) >= 3]
    return rng.sample(usable, count), frequency


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_corpus_argument(parser)
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--seed", type=int, default=27)
    parser.add_argument("--engines", action="store_true", help="also time pytesseract and tesserocr")
    args = parser.parse_args()
    if shutil.which("tesseract") is None:
        print("needs tesseract-ocr and tesseract-ocr-fas", file=sys.stderr)
        return 1
    print(f"seed {args.seed}", file=sys.stderr)
    os.environ["OMP_THREAD_LIMIT"] = "1"  # as the importer runs it (one worker per core); every engine alike
    rng = random.Random(args.seed)
    fonts = [font for font in FONTS if font.is_file()]
    chosen, frequency = pick_articles(args.corpus, args.pages, rng)
    rows: list[dict[str, object]] = []
    engine_rows: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as work:
        scans = Path(work) / "scans"
        scans.mkdir()
        paths = DataPaths.resolve(Path(work) / "data").ensure()
        cached = ReadingContext.of(paths.derived)  # timed once here (the cache empty), indexed from it below
        for number, article in enumerate(chosen):
            font, dpi = fonts[number % len(fonts)], DPIS[(number // len(fonts)) % len(DPIS)]
            body = article.text[:BODY_CHARS].rsplit(" ", 1)[0]
            jpeg, expected = render_scan(article.title, body, font, dpi, rng)
            (scans / f"scan-{number:03}.jpg").write_bytes(jpeg)
            started = time.perf_counter()
            [read] = parse_image(jpeg, cached)
            seconds = time.perf_counter() - started
            started = time.perf_counter()
            raw = raw_tesseract(jpeg)
            raw_seconds = time.perf_counter() - started
            title_words = sorted({fold_word(w): w for w in WORD.findall(article.title)}.items(),
                                 key=lambda item: frequency[item[0]])
            rows.append({"font": font.stem.split("-")[0], "dpi": dpi, "seconds": seconds, "raw_seconds": raw_seconds,
                         "cer": cer(expected, read.title + "\n" + read.text), "raw_cer": cer(expected, raw),
                         "title_cer": cer(article.title, read.title), "query": " ".join(w for _, w in title_words[:2]),
                         "scan": str(scans / f"scan-{number:03}.jpg")})
            if args.engines:
                for name, run in engines(jpeg).items():
                    started = time.perf_counter()
                    text = run()
                    engine_rows.setdefault(name, []).append((time.perf_counter() - started, cer(expected, text)))
            print(f"{number}: cer {rows[-1]['cer']:.3f} raw {rows[-1]['raw_cer']:.3f} {seconds:.1f}s", file=sys.stderr)
        archive = Archive(paths)
        archive.sync([scans])
        searcher = ArchiveSearcher(archive.ix)
        found = 0
        for row in rows:
            hits = searcher.search(str(row["query"]), limit=10).hits
            found += any(hit.source == row["scan"] for hit in hits)
        searcher.close()
        archive.close()
    result = table(rows, found, engine_rows, args)
    print(result)
    (REPO / "benchmarks" / "results" / "ocr_quality.md").write_text(result, encoding="utf-8")
    return 0


def table(rows: list[dict[str, object]], found: int, engine_rows: dict[str, list[tuple[float, float]]],
          args: argparse.Namespace) -> str:
    def values(key: str, subset: list[dict[str, object]] | None = None) -> list[float]:
        return [float(str(row[key])) for row in (rows if subset is None else subset)]

    lines = [f"# OCR quality (`benchmarks/ocr_quality.py --corpus CORPUS --pages {args.pages} --seed {args.seed}`)", "",
             f"{len(rows)} scans rendered from the corpus's articles (fonts × 150/200/300 dpi, skew ≤ 1°, noise, "
             "JPEG 55-85). CER after the analyzer's folding. Times: wall seconds on a 2-core machine shared with "
             "other jobs; compare within one run only.", "",
             "| pages | CER median | CER max | raw Tesseract CER median | raw max | title CER median "
             "| s/page median | raw s/page |",
             "|---|---|---|---|---|---|---|---|"]

    def line(label: str, subset: list[dict[str, object]]) -> str:
        return (f"| {label} ({len(subset)}) | {statistics.median(values('cer', subset)):.4f} | "
                f"{max(values('cer', subset)):.4f} | {statistics.median(values('raw_cer', subset)):.4f} | "
                f"{max(values('raw_cer', subset)):.4f} | {statistics.median(values('title_cer', subset)):.4f} | "
                f"{statistics.median(values('seconds', subset)):.2f} | {statistics.median(values('raw_seconds', subset)):.2f} |")

    lines.append(line("all", rows))
    for dpi in DPIS:
        lines.append(line(f"{dpi} dpi", [row for row in rows if row["dpi"] == dpi]))
    for font in sorted({str(row["font"]) for row in rows}):
        lines.append(line(font, [row for row in rows if row["font"] == font]))
    lines += ["", f"Known item (two rarest title words, scan in the top 10): {found}/{len(rows)} = "
              f"{found / max(len(rows), 1):.2f}"]
    if engine_rows:
        lines += ["", "| engine | s/page median | CER median |", "|---|---|---|",
                  f"| tesseract command (Bayegan) | {statistics.median(values('seconds')):.2f} | "
                  f"{statistics.median(values('cer')):.4f} |"]
        for name, measured in engine_rows.items():
            lines.append(f"| {name} | {statistics.median(m[0] for m in measured):.2f} | "
                         f"{statistics.median(m[1] for m in measured):.4f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
