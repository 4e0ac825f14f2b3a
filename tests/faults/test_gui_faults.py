"""The window's side of faults, done for real: hostile article markup reaches no server and runs
nothing; a second window on the same data folder is refused across processes, and a first window
killed with -9 leaves no guard behind that would stop the next start."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from tests.faults.child_cli import cli_env
from viewer.core.article import Article, Block, BlockKind

pytestmark = pytest.mark.gui


class _CountingServer(ThreadingHTTPServer):
    requests: list[str]


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # http.server's name
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def web_server() -> Iterator[_CountingServer]:
    """A real web server on this machine: any request the article pane made would reach it."""
    server = _CountingServer(("127.0.0.1", 0), _Handler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_hostile_article_markup_loads_nothing_and_runs_nothing(qtbot, web_server: _CountingServer) -> None:  # type: ignore[no-untyped-def]
    from viewer.gui.article.view import ArticleView

    base = f"http://127.0.0.1:{web_server.server_address[1]}"
    markup = [
        f'<img src="{base}/img.png">', f'<link rel="stylesheet" href="{base}/style.css">',
        f'<iframe src="{base}/frame"></iframe>', "<script>document.title='pwned'</script>",
        f'<div style="background: url({base}/bg.png)">پس‌زمینه</div>', '<a href="javascript:alert(1)">پیوند</a>',
        '<a href="file:///etc/passwd">پرونده</a>', f'<object data="{base}/object"></object>',
    ]
    article = Article(
        title=f'خبر با <b>نشانه‌گذاری</b> <img src="{base}/title.png">',
        blocks=[Block(BlockKind.LEAD, "متن نخست " + markup[0])] + [Block(BlockKind.PARAGRAPH, m) for m in markup[1:]],
        tags=[f'<img src="{base}/tag.png">', "برچسب"],
        url=f"{base}/article", code="123", source="hostile.json", id="hostile",
    )
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(article)
    view.show()
    qtbot.waitExposed(view)
    shown = view.toPlainText()
    for piece in markup:  # shown as the text it is, not interpreted
        assert piece in shown, piece
    # Asking the pane's document for the resources directly goes through the same door Qt uses.
    for kind in (QTextDocument.ResourceType.ImageResource, QTextDocument.ResourceType.StyleSheetResource,
                 QTextDocument.ResourceType.HtmlResource):
        view.document().resource(kind, QUrl(f"{base}/asked.png"))
    qtbot.wait(200)  # a request made anyway would have arrived by now
    assert web_server.requests == []


_FIRST_WINDOW = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from viewer.gui.window.single_instance import SingleInstance

app = QCoreApplication(sys.argv[:1])
guard = SingleInstance(Path(sys.argv[1]))
print("claimed" if guard.claim() else "refused", flush=True)
guard.raise_requested.connect(lambda: print("raise", flush=True))
app.exec()
"""


def _start_first_window(data: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", _FIRST_WINDOW, str(data)], env=cli_env(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "claimed", process.stderr.read() if process.stderr else ""
    return process


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 semantics")
def test_second_window_is_refused_and_a_killed_first_leaves_no_guard(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from viewer.gui.window.single_instance import SingleInstance

    data = tmp_path / "data"
    first = _start_first_window(data)
    try:
        second = SingleInstance(data)
        assert second.claim() is False  # refused: the first one is asked to come forward instead
        assert first.stdout is not None and first.stdout.readline().strip() == "raise"
        other = SingleInstance(tmp_path / "other-data")
        assert other.claim() is True  # another data folder is another app
        other.release()
    finally:
        first.kill()
        first.wait(timeout=30)
        for stream in (first.stdout, first.stderr):
            if stream:
                stream.close()

    # The first window died without cleaning up (its socket file may remain): the next start is not stuck.
    after_crash = SingleInstance(data)
    assert after_crash.claim() is True
    after_crash.release()
