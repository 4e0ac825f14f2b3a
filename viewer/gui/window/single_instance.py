"""One window per data folder: a second start asks the first to come forward (with its --query or
--open, which the first window then shows) and exits."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_RAISE = b"raise"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha1(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"bayegan-{digest}"


class SingleInstance(QObject):
    """`claim()` is True for the first process on a data folder; later ones signal it to raise."""

    raise_requested = Signal()
    query_requested = Signal(str)
    open_requested = Signal(str)

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.server: QLocalServer | None = None

    def claim(self, query: str | None = None, open_id: str | None = None) -> bool:
        if self._ask_running_instance(query, open_id):
            return False
        server = QLocalServer(self)
        if not server.listen(self.name):
            # A stale socket from a crashed run: nobody answered, so take it over.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return True  # no guard possible on this system; run anyway
        server.newConnection.connect(self._on_connection)
        self.server = server
        return True

    def _ask_running_instance(self, query: str | None, open_id: str | None) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(300):
            return False
        request = {"query": query, "open": open_id}
        socket.write(_RAISE + b"\n" + json.dumps(request, ensure_ascii=False).encode("utf-8"))
        socket.waitForBytesWritten(300)
        socket.disconnectFromServer()
        return True

    def _on_connection(self) -> None:
        if self.server is None:
            return
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # The message is a few bytes, written right after connecting: read it here.
            if socket.bytesAvailable() or socket.waitForReadyRead(500):
                message = bytes(socket.readAll().data())
            else:
                message = b""
            socket.abort()
            socket.deleteLater()
            if message.startswith(_RAISE):
                self.raise_requested.emit()
                self._forward(message[len(_RAISE):].strip())

    def _forward(self, payload: bytes) -> None:
        try:
            request = json.loads(payload.decode("utf-8")) if payload else {}
        except (UnicodeDecodeError, ValueError):
            return  # an older or garbled request: raising the window is all it gets
        if isinstance(request, dict):
            if isinstance(request.get("query"), str):
                self.query_requested.emit(request["query"])
            if isinstance(request.get("open"), str) and request["open"]:
                self.open_requested.emit(request["open"])

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
