#!/usr/bin/env python3
"""Regenerate the app icon files from resources/icons/bayegan.svg.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Writes resources/icons/bayegan-<N>.png (N = 16 ... 512), bayegan.ico and bayegan.icns.
PNGs are rendered by Qt's SVG renderer (PySide6.QtSvg); the .ico and .icns containers are written
with Pillow, which is needed only here (``pip install pillow``), never by the app at run time.
The generated files are committed, so a build does not need to run this.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "bayegan.svg"


def render_pngs(sizes: tuple[int, ...], out_dir: Path) -> dict[int, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt alive)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    paths: dict[int, Path] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"bayegan-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        paths[size] = path
    return paths


def main() -> int:
    try:
        from PIL import Image
    except ImportError:
        print("make_icons.py needs Pillow: pip install pillow", file=sys.stderr)
        return 1

    pngs = render_pngs(SIZES, ICONS)
    for size, path in pngs.items():
        print(f"wrote {path.relative_to(ROOT)}")

    # Sizes that are not committed as PNGs (24 for .ico, 1024 for .icns) are rendered into a scratch dir.
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        wanted = sorted(set(ICO_SIZES) | set(ICNS_SIZES))
        extra = render_pngs(tuple(s for s in wanted if s not in pngs), Path(tmp))
        every = {**pngs, **extra}
        images = {s: Image.open(p).convert("RGBA") for s, p in every.items()}
        for im in images.values():
            im.load()

    ico = ICONS / "bayegan.ico"
    largest = images[max(ICO_SIZES)]
    largest.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    print(f"wrote {ico.relative_to(ROOT)}")

    icns = ICONS / "bayegan.icns"
    images[1024].save(
        icns,
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != 1024],
    )
    print(f"wrote {icns.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
