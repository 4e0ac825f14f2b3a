"""Article ids dragged from the results list (onto a collection): one id per line."""

from __future__ import annotations

from PySide6.QtCore import QMimeData

MIME_TYPE = "application/x-bayegan-article-ids"


def ids_mime(ids: list[str]) -> QMimeData:
    data = QMimeData()
    data.setData(MIME_TYPE, "\n".join(ids).encode("utf-8"))
    return data


def ids_of(data: QMimeData) -> list[str]:
    if not data.hasFormat(MIME_TYPE):
        return []
    return [i for i in bytes(data.data(MIME_TYPE).data()).decode("utf-8").split("\n") if i]
