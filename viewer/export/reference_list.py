"""Lists of articles for reference managers (Zotero, Mendeley, JabRef) and spreadsheets: CSV,
CSL-JSON, RIS and BibTeX, UTF-8 with the Persian kept as it is. Pure Python (no Qt)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from viewer.core.article import Article
from viewer.core.atomic_write import write_text_atomically
from viewer.core.errors import BayeganError

CSV_HEADER = ("id", "title", "date", "site", "url", "tags")
# The agencies a Persian archive mostly holds, by their web address; any other site is named by its host.
KNOWN_SITES = {
    "irna.ir": "ایرنا", "isna.ir": "ایسنا", "mehrnews.com": "خبرگزاری مهر", "tasnimnews.com": "خبرگزاری تسنیم",
    "farsnews.ir": "خبرگزاری فارس", "ilna.ir": "ایلنا", "hamshahrionline.ir": "همشهری آنلاین",
    "bbc.com": "BBC", "radiofarda.com": "رادیو فردا", "yjc.ir": "باشگاه خبرنگاران جوان",
}


def site_of(article: Article) -> str:
    """The agency or site: a known agency by its name, else the address's host without `www.`."""
    host = (urlsplit(article.url).hostname or "") if article.url else ""
    host = host.removeprefix("www.")
    for domain, name in KNOWN_SITES.items():
        if host == domain or host.endswith("." + domain):
            return name
    return host


def _day(article: Article) -> str:
    return article.date.date().isoformat() if article.date else ""


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), +cmd|...).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: str) -> str:
    """`value` as a spreadsheet shows it, never run: a leading ' before a formula's first character
    (OWASP's advice against CSV injection)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_text(articles: Sequence[Article]) -> str:
    """With a byte-order mark, so that spreadsheet programs read the Persian as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for a in articles:
        row = (a.id, a.title, _day(a), site_of(a), a.url, "; ".join(a.tags))
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return "\ufeff" + out.getvalue()


def csl_item(article: Article) -> dict[str, object]:
    item: dict[str, object] = {"type": "article-newspaper", "id": article.id, "title": article.title,
                               "language": "fa"}
    if article.url:
        item["URL"] = article.url
    if article.date is not None:
        item["issued"] = {"date-parts": [[article.date.year, article.date.month, article.date.day]]}
    site = site_of(article)
    if site:
        item["container-title"] = site
    if article.tags:
        item["keyword"] = ", ".join(article.tags)
    return item


def csl_json_text(articles: Sequence[Article]) -> str:
    return json.dumps([csl_item(a) for a in articles], ensure_ascii=False, indent=2) + "\n"


def _ris_value(text: str) -> str:
    return " ".join(text.split())  # one line per tag


def ris_text(articles: Sequence[Article]) -> str:
    lines: list[str] = []
    for a in articles:
        lines += ["TY  - NEWS", f"ID  - {_ris_value(a.id)}", f"TI  - {_ris_value(a.title)}"]
        site = site_of(a)
        if site:
            lines.append(f"T2  - {_ris_value(site)}")
        if a.url:
            lines.append(f"UR  - {_ris_value(a.url)}")
        if a.date is not None:
            lines += [f"DA  - {a.date:%Y/%m/%d}", f"PY  - {a.date.year}"]
        lines += [f"KW  - {_ris_value(tag)}" for tag in a.tags]
        lines += ["LA  - fa", "ER  - ", ""]
    return "\r\n".join(lines)


_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
                   "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}
_BIBTEX_SPECIAL_RE = re.compile("[" + re.escape("".join(_BIBTEX_SPECIAL)) + "]")


def bibtex_escape(text: str) -> str:
    """LaTeX's special characters escaped; Persian letters stay as UTF-8 (biber and Zotero read them)."""
    return _BIBTEX_SPECIAL_RE.sub(lambda m: _BIBTEX_SPECIAL[m.group(0)], " ".join(text.split()))


def _bibtex_url(url: str) -> str:
    """Verbatim in biblatex; only braces (which would end the field) and backslashes are percent-encoded."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def bibtex_key(article: Article, taken: set[str]) -> str:
    base = "bayegan-" + (re.sub(r"[^A-Za-z0-9_:-]+", "-", article.id).strip("-") or "article")
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    taken.add(key)
    return key


def bibtex_text(articles: Sequence[Article]) -> str:
    taken: set[str] = set()
    entries = []
    for a in articles:
        fields = [("title", bibtex_escape(a.title)), ("entrysubtype", "newspaper")]
        site = site_of(a)
        if site:
            fields.append(("journaltitle", bibtex_escape(site)))
        if a.url:
            fields.append(("url", _bibtex_url(a.url)))
        if a.date is not None:
            fields += [("date", _day(a)), ("year", str(a.date.year))]
        if a.tags:
            fields.append(("keywords", ", ".join(bibtex_escape(t).replace(",", " ") for t in a.tags)))
        fields.append(("langid", "persian"))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@article{{{bibtex_key(a, taken)},\n{body}\n}}\n")
    return "\n".join(entries)


FORMATS: dict[str, Callable[[Sequence[Article]], str]] = {
    "csv": csv_text, "csl-json": csl_json_text, "ris": ris_text, "bibtex": bibtex_text}


def write_list(articles: Sequence[Article], fmt: str, target: Path) -> int:
    """Writes the articles to `target` atomically in `fmt` (one of FORMATS); returns how many."""
    writer = FORMATS.get(fmt)
    if writer is None:
        raise BayeganError(f"Unknown list format “{fmt}”: choose one of {', '.join(FORMATS)}.",
                           f"قالب «{fmt}» شناخته نیست؛ یکی از این‌ها را برگزینید: {'، '.join(FORMATS)}.")
    try:
        write_text_atomically(target, writer(articles))
    except OSError as exc:
        raise BayeganError(f"Cannot write {target}: {exc.strerror or exc}",
                           f"پروندهٔ {target} نوشته نشد: {exc.strerror or exc}") from exc
    return len(articles)
