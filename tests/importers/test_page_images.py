"""A page saved complete (NAME.html beside NAME_files/) keeps its pictures with its article: each with
its caption, icons and tracking pixels left out, and nothing outside the folder."""

from __future__ import annotations

import json
from collections.abc import Callable
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
    assert shown["images"] == [{"path": str((files / "عکس.jpg").resolve()), "caption": "بازدید وزیر از بندر"},
                               {"path": str((files / "chart.png").resolve()), "caption": "نمودار صادرات"}]


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
    assert shown == {"بازدید وزیر از بندر شهید رجایی": [{"path": photo, "caption": ""}], "نشست خبری سخنگوی دولت": []}
