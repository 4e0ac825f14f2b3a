"""A page saved complete (NAME.html beside NAME_files/) keeps its pictures with its article: each with
its caption, icons and tracking pixels left out, and nothing outside the folder."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

from PIL import Image

DATA = Path(__file__).parent.parent / "data" / "importers"
FIGURES = (
    '<figure><img src="page_files/%D8%B9%DA%A9%D8%B3.jpg" alt="alt text"><figcaption>بازدید وزیر از بندر</figcaption>'
    '</figure><img src="page_files/chart.png" alt="نمودار صادرات"><img src="page_files/icon.png" alt="icon">'
    '<img src="page_files/pixel.gif"><img src="https://example.ir/remote.jpg" alt="remote">'
    '<img src="../outside.jpg" alt="outside"><img src="page_files/broken.jpg" alt="broken">'
)


def test_saved_page_keeps_its_pictures_with_captions(tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]) -> None:
    folder = tmp_path / "saved"
    files = folder / "page_files"
    files.mkdir(parents=True)
    page = (DATA / "article.html").read_text("utf-8").replace("</body>", FIGURES + "</body>")
    (folder / "page.html").write_text(page, "utf-8")
    Image.new("RGB", (320, 200), "gray").save(files / "عکس.jpg")
    Image.new("L", (200, 120), 200).save(files / "chart.png")
    Image.new("L", (32, 32), 0).save(files / "icon.png")
    Image.new("L", (1, 1), 0).save(files / "pixel.gif")
    (files / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a picture")
    Image.new("RGB", (300, 300)).save(tmp_path / "outside.jpg")
    code, out, err = run_cli("index", str(folder), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["added"] == 1 and not report["failed"]
    assert all("page_files" in skipped["path"] for skipped in report["skipped"])  # pictures are no scans
    [row] = json.loads(run_cli("list", "--json")[1])
    shown = json.loads(run_cli("show", row["id"], "--json")[1])
    end = len(shown["text"])  # the figures follow the article
    assert shown["images"] == [{"path": str((files / "عکس.jpg").resolve()), "caption": "بازدید وزیر از بندر", "offset": end},
                               {"path": str((files / "chart.png").resolve()), "caption": "نمودار صادرات", "offset": end}]


def test_telegram_export_photos_are_kept_with_their_messages(tmp_path: Path,
                                                             run_cli: Callable[..., tuple[int, str, str]]) -> None:
    export = tmp_path / "ChatExport_2024-03-11"
    (export / "photos").mkdir(parents=True)
    messages = [
        {"id": 4, "type": "message", "date": "2024-03-10T13:30:00", "photo": "photos/photo_4@10-03-2024_13-30-00.jpg",
         "text": "بازدید وزیر از بندر شهید رجایی\nوزیر راه امروز از طرح‌های تازهٔ بندر بازدید کرد."},
        {"id": 5, "type": "message", "date": "2024-03-10T14:00:00", "photo": "../../escape.jpg",
         "text": "نشست خبری سخنگوی دولت\nسخنگوی دولت به پرسش‌های خبرنگاران پاسخ داد."},
    ]
    (export / "result.json").write_text(json.dumps({"name": "خبر", "type": "public_channel", "id": 1,
                                                    "messages": messages}, ensure_ascii=False), "utf-8")
    Image.new("RGB", (320, 200), "gray").save(export / "photos" / "photo_4@10-03-2024_13-30-00.jpg")
    Image.new("RGB", (320, 200), "gray").save(tmp_path / "escape.jpg")
    assert run_cli("index", str(export), "--json")[0] == 0
    shown = {row["title"]: json.loads(run_cli("show", row["id"], "--json")[1])["images"]
             for row in json.loads(run_cli("list", "--json")[1])}
    photo = str((export / "photos" / "photo_4@10-03-2024_13-30-00.jpg").resolve())
    assert shown == {"بازدید وزیر از بندر شهید رجایی": [{"path": photo, "caption": "", "offset": 0}],
                     "نشست خبری سخنگوی دولت": []}


def _picture(size: tuple[int, int], format_name: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, format=format_name)
    return out.getvalue()


def _mhtml(page: str, parts: dict[str, bytes]) -> bytes:
    message = MIMEMultipart("related", type="text/html")
    html_part = MIMEText(page, "html", "utf-8")
    html_part["Content-Location"] = "https://example.ir/news/1"
    message.attach(html_part)
    for location, payload in parts.items():
        image = MIMEImage(payload)
        image["Content-Location"] = location
        message.attach(image)
    return message.as_bytes()


def test_mhtml_and_docx_pictures_are_taken_out_once(tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]) -> None:
    import docx

    folder = tmp_path / "saved"
    folder.mkdir()
    figure = ('<figure><img src="https://example.ir/photo.jpg"><figcaption>بازدید وزیر از بندر</figcaption></figure>'
              '<img src="https://example.ir/icon.png" alt="icon">')
    page = (DATA / "article.html").read_text("utf-8").replace("</body>", figure + "</body>")
    mhtml = _mhtml(page, {"https://example.ir/photo.jpg": _picture((300, 200), "JPEG"),
                          "https://example.ir/icon.png": _picture((24, 24), "PNG")})
    (folder / "page.mhtml").write_bytes(mhtml)
    (folder / "copy.mhtml").write_bytes(mhtml.replace(b"news/1", b"news/2"))  # the same picture again
    document = docx.Document()
    document.add_heading("نشست خبری سخنگوی دولت", level=1)
    document.add_paragraph("سخنگوی دولت امروز به پرسش‌های خبرنگاران دربارهٔ بودجه پاسخ داد.")
    document.add_picture(io.BytesIO(_picture((240, 160), "PNG")))
    document.save(str(folder / "report.docx"))
    code, out, err = run_cli("index", str(folder), "--json")
    assert code == 0 and not json.loads(out)["failed"], out + err
    shown = [json.loads(run_cli("show", row["id"], "--json")[1]) for row in json.loads(run_cli("list", "--json")[1])]
    images = {Path(source).name: row["images"] for row in shown for source in row["sources"]}
    ends = {Path(source).name: len(row["text"]) for row in shown for source in row["sources"]}
    extracted = sorted((tmp_path / "data" / "images").iterdir())
    assert len(extracted) == 2  # the photo once for both MHTML files, the DOCX's picture; no icon
    assert images["page.mhtml"] == [{"path": str(extracted[0].parent / Path(images["page.mhtml"][0]["path"]).name),
                                     "caption": "بازدید وزیر از بندر", "offset": ends["page.mhtml"]}]
    assert images["report.docx"][0]["caption"] == "" and images["report.docx"][0]["offset"] == ends["report.docx"]
    assert {Path(image["path"]) for row in images.values() for image in row} == set(extracted)
