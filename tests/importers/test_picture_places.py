"""Each picture kept with an article knows where it stood in the text (issue 27): the offset, in the
article's text as the index stores and the pane shows it (after the importer's cleaning: spaces made
one, Arabic ي/ك made Persian, &zwnj; kept as the joiner), of the place the page, the message or the
document showed it. Saved pages (NAME_files/), MHTML, WARC, DOCX and Telegram exports, read by real
tools and indexed by the real command."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest
from PIL import Image
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

RunCli = Callable[..., tuple[int, str, str]]
TITLE = "بازدید وزیر از بندر شهید رجایی"
# As the page writes them: Arabic ي and ك, the joiner as an entity, spaces and line breaks doubled.
LEAD_RAW = "وزير راه امروز  از طرح&zwnj;هاي تازهٔ بندر\n   شهيد رجايی بازديد کرد و از پيشرفت کار خبر داد."
BODY_RAW = "به گفتهٔ او ساخت اسكلهٔ تازه&nbsp;تا پايان سال به پايان می&zwnj;رسد و ظرفيت بندر دو برابر می‌شود."
BEFORE_RAW = "بودجهٔ اين طرح از محل درآمد&zwnj;های بندر تأمين شده است."
AFTER_RAW = "کار ساخت دو اسكلهٔ ديگر نيز از بهار آينده آغاز خواهد شد و تا دو سال به پايان می&zwnj;رسد."
# As the article's text holds them.
LEAD = "وزیر راه امروز از طرح\u200cهای تازهٔ بندر شهید رجایی بازدید کرد و از پیشرفت کار خبر داد."
BODY = "به گفتهٔ او ساخت اسکلهٔ تازه تا پایان سال به پایان می\u200cرسد و ظرفیت بندر دو برابر می\u200cشود."
BEFORE = "بودجهٔ این طرح از محل درآمد\u200cهای بندر تأمین شده است."
AFTER = "کار ساخت دو اسکلهٔ دیگر نیز از بهار آینده آغاز خواهد شد و تا دو سال به پایان می\u200cرسد."
CAPTION = "اسکلهٔ تازهٔ بندر در دست ساخت"


def page(src: Callable[[str], str]) -> str:
    """A news page: a logo in the menu, the photo in a <figure> between the lead and the body, a chart
    inside the third paragraph between its two sentences, and a banner in the footer."""
    return f"""<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><nav><img src="{src('logo.png')}" alt="نشان"> <a href="/">صفحهٔ نخست</a> | <a href="/s">ورزشی</a></nav>
<article><h1>{TITLE}</h1>
<p class="lead"><strong>{LEAD_RAW}</strong></p>
<figure><img src="{src('photo.jpg')}" alt="عکس"><figcaption>{CAPTION}</figcaption></figure>
<p>{BODY_RAW}</p>
<p>{BEFORE_RAW} <img src="{src('chart.png')}" alt="نمودار"> {AFTER_RAW}</p>
</article><footer><img src="{src('banner.png')}" alt="تبلیغ"></footer></body></html>"""


def picture(colour: str, size: tuple[int, int] = (320, 200), format_name: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=format_name)
    return out.getvalue()


PICTURES = {"logo.png": picture("gray", (200, 80)), "photo.jpg": picture("teal", format_name="JPEG"),
            "chart.png": picture("orange"), "banner.png": picture("purple", (400, 90))}


def shown_articles(run_cli: RunCli, folder: Path) -> list[dict[str, object]]:
    code, out, err = run_cli("index", str(folder), "--json")
    assert code == 0 and not json.loads(out)["failed"], out + err
    return [json.loads(run_cli("show", row["id"], "--json")[1]) for row in json.loads(run_cli("list", "--json")[1])]


def places(shown: dict[str, object]) -> dict[str, tuple[str, str]]:
    """Each picture (by its caption) as (the text before it, the text after it)."""
    text = str(shown["text"])
    found = {}
    for image in shown["images"]:  # type: ignore[attr-defined]
        offset = image["offset"]
        assert isinstance(offset, int) and 0 <= offset <= len(text), image
        found[image["caption"]] = (text[:offset], text[offset:])
    return found


def assert_where_the_page_showed_them(shown: dict[str, object], captions: tuple[str, ...]) -> None:
    assert str(shown["text"]).split("\n") == [LEAD, BODY, f"{BEFORE} {AFTER}"]  # the text as stored and shown
    found = places(shown)
    assert set(found) == set(captions)
    before, after = found[CAPTION]
    assert before == LEAD and after == "\n" + BODY + "\n" + f"{BEFORE} {AFTER}"
    before, after = found["نمودار"]
    assert before.rstrip() == f"{LEAD}\n{BODY}\n{BEFORE}" and after == AFTER
    if "نشان" in found:
        assert found["نشان"] == ("", str(shown["text"]))  # above the article: before its first line
        assert found["تبلیغ"] == (str(shown["text"]), "")  # under it: after its last


def test_a_saved_page_keeps_where_each_picture_stood(tmp_path: Path, run_cli: RunCli) -> None:
    folder = tmp_path / "saved"
    (folder / "page_files").mkdir(parents=True)
    (folder / "page.html").write_text(page(lambda name: f"page_files/{name}"), "utf-8")
    for name, payload in PICTURES.items():
        (folder / "page_files" / name).write_bytes(payload)
    [shown] = shown_articles(run_cli, folder)
    assert_where_the_page_showed_them(shown, (CAPTION, "نمودار", "نشان", "تبلیغ"))


def test_an_mhtml_page_keeps_where_each_picture_stood(tmp_path: Path, run_cli: RunCli) -> None:
    site = "https://www.example.ir/images/"
    message = MIMEMultipart("related", type="text/html")
    html_part = MIMEText(page(lambda name: site + name), "html", "utf-8")
    html_part["Content-Location"] = "https://www.example.ir/news/1"
    message.attach(html_part)
    for name, payload in reversed(PICTURES.items()):  # parts in another order than the page's
        image = MIMEImage(payload)
        image["Content-Location"] = site + name
        message.attach(image)
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "page.mhtml").write_bytes(message.as_bytes())
    [shown] = shown_articles(run_cli, tmp_path / "saved")
    assert_where_the_page_showed_them(shown, (CAPTION, "نمودار", "نشان", "تبلیغ"))


@pytest.mark.parametrize("compressed", [False, True])
def test_a_warc_page_keeps_where_each_picture_stood(tmp_path: Path, run_cli: RunCli, compressed: bool) -> None:
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=compressed)

    def response(uri: str, content_type: str, body: bytes) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                                      http_headers=http,
                                                      warc_headers_dict={"WARC-Date": "2024-05-01T08:00:00Z"}))

    response("https://www.example.ir/news/1", "text/html; charset=utf-8", page(lambda name: f"/images/{name}").encode())
    for name, payload in PICTURES.items():
        response(f"https://www.example.ir/images/{name}", "image/jpeg" if name.endswith("jpg") else "image/png", payload)
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "crawl.warc").write_bytes(stream.getvalue())
    [shown] = shown_articles(run_cli, tmp_path / "archive")
    assert_where_the_page_showed_them(shown, (CAPTION, "نمودار", "نشان", "تبلیغ"))


def test_a_word_document_keeps_where_each_picture_stood(tmp_path: Path, run_cli: RunCli) -> None:
    import docx

    document = docx.Document()
    document.add_heading(TITLE, level=1)
    document.add_paragraph(LEAD.replace("ی", "ي"))  # Arabic letters, as old Word files have them
    document.add_picture(io.BytesIO(PICTURES["photo.jpg"]))  # a paragraph of its own
    document.add_paragraph(BODY)
    mixed = document.add_paragraph(BEFORE + "  ")
    mixed.add_run().add_picture(io.BytesIO(PICTURES["chart.png"]))  # inside the line, between two sentences
    mixed.add_run(AFTER)
    described = document.inline_shapes[1]._inline.docPr
    described.set("descr", "نمودار")  # the alternative text Word writes
    (tmp_path / "docs").mkdir()
    document.save(str(tmp_path / "docs" / "report.docx"))
    [shown] = shown_articles(run_cli, tmp_path / "docs")
    assert str(shown["text"]).split("\n") == [LEAD, BODY, f"{BEFORE} {AFTER}"]
    found = places(shown)
    assert found[""] == (LEAD + "\n", BODY + "\n" + f"{BEFORE} {AFTER}")  # before the line after it
    before, after = found["نمودار"]
    assert before.rstrip() == f"{LEAD}\n{BODY}\n{BEFORE}" and after.lstrip() == AFTER


def test_a_telegram_photo_stands_above_its_message(tmp_path: Path, run_cli: RunCli) -> None:
    export = tmp_path / "ChatExport_2024-03-11"
    (export / "photos").mkdir(parents=True)
    (export / "photos" / "photo_4.jpg").write_bytes(PICTURES["photo.jpg"])
    message = {"id": 4, "type": "message", "date": "2024-03-10T13:30:00", "photo": "photos/photo_4.jpg",
               "text": f"{TITLE}\n{LEAD}\n{BODY}"}
    (export / "result.json").write_text(json.dumps({"name": "خبر", "type": "public_channel", "id": 1,
                                                    "messages": [message]}, ensure_ascii=False), "utf-8")
    [shown] = shown_articles(run_cli, export)
    assert shown["text"] == f"{LEAD}\n{BODY}"
    assert places(shown) == {"": ("", f"{LEAD}\n{BODY}")}
