"""Pages saved by a browser as one file (MHTML, "Webpage, single file"): a MIME multipart/related
message whose HTML part, usually quoted-printable, is decoded and read like a saved page.

A saved page holds its HTML and its images, styles and fonts: a few hundred parts. Parsing costs
~1 ms a part, so a file of 100,000 parts (a minute's work for nothing) fails at `MAX_PARTS`."""

from __future__ import annotations

import email
import email.parser
import email.policy
from email.message import EmailMessage

from viewer.core.article import Article
from viewer.core.errors import ImportFailure
from viewer.importers.common.encoding import decode
from viewer.importers.text.html_format import parse_html

MAX_PARTS = 2000


class _TooManyParts(Exception):
    pass


def looks_like_mhtml(head: bytes) -> bool:
    """`head`: the first bytes of the file, lower-cased. A MIME header block naming multipart/related."""
    if not head.startswith((b"from:", b"mime-version:", b"content-type:", b"snapshot-content-location:",
                            b"subject:", b"date:", b"x-")):
        return False
    headers = head.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    return b"multipart/related" in headers


def parse_mhtml(data: bytes) -> list[Article]:
    message = _message(data)
    page = _html_part(message)
    if page is None:
        raise ImportFailure("The MHTML file holds no HTML page.", "پروندهٔ MHTML صفحهٔ HTML ندارد.")
    try:
        body = page.get_payload(decode=True)
    except (ValueError, LookupError, TypeError) as exc:
        raise ImportFailure("The HTML part of the MHTML file cannot be decoded.",
                            "بخش HTML پروندهٔ MHTML رمزگشایی نشد.") from exc
    if not isinstance(body, bytes):
        raise ImportFailure("The MHTML file holds no HTML page.", "پروندهٔ MHTML صفحهٔ HTML ندارد.")
    charset = page.get_content_charset() or ""
    try:
        text = body.decode(charset) if charset else decode(body)
    except (LookupError, UnicodeDecodeError):
        text = decode(body)
    articles = parse_html(text)
    location = str(page.get("Content-Location") or message.get("Snapshot-Content-Location") or "").strip()
    for article in articles:
        if not article.url and location.startswith(("http://", "https://")):
            article.url = location
    return articles


def _html_part(message: email.message.Message) -> EmailMessage | None:
    for part in message.walk():
        if part.get_content_type() == "text/html" and isinstance(part, EmailMessage):
            return part
    return None


def _message(data: bytes) -> email.message.Message:
    parts = 0

    def counted_part() -> EmailMessage:  # each part gets email.policy.default, EmailMessage's own
        nonlocal parts
        parts += 1
        if parts > MAX_PARTS:
            raise _TooManyParts
        return EmailMessage()

    parser = email.parser.BytesParser(counted_part, policy=email.policy.default)
    try:
        return parser.parsebytes(data)
    except _TooManyParts:
        raise ImportFailure(f"The MHTML file holds more than {MAX_PARTS:,} parts; it is not read.",
                            f"پروندهٔ MHTML بیش از {MAX_PARTS:,} بخش دارد و خوانده نشد.") from None
