"""Where Bayegan keeps its data: decided once, at start (qutebrowser's standarddir)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from viewer.core.errors import DataDirError

APP_NAME = "Bayegan"
DATA_DIR_ENV = "BAYEGAN_DATA_DIR"


@dataclass(frozen=True)
class DerivedFolders:
    """Where the preparation workers keep what they derive from source files, in the data folder."""

    ocr_cache: Path  # text read from page images by OCR, by each page's hash: never read twice
    images: Path  # pictures taken out of containers (MHTML, DOCX), by their hash: taken out once


@dataclass(frozen=True)
class DataPaths:
    """All of a user's Bayegan files. `--data-dir` moves every one of them."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
        chosen = data_dir or os.environ.get(DATA_DIR_ENV)
        if chosen:
            root = Path(chosen).expanduser().resolve()
            return cls(root, root / "config", root / "logs")
        return cls(
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def notes_path(self) -> Path:
        return self.data_dir / "notes.sqlite3"

    @property
    def library_path(self) -> Path:
        """Collections and saved searches."""
        return self.data_dir / "library.sqlite3"

    @property
    def derived(self) -> DerivedFolders:
        return DerivedFolders(self.data_dir / "ocr-cache", self.data_dir / "images")

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_path(self) -> Path:
        return self.config_dir / "settings.json"

    def ensure(self) -> DataPaths:
        for folder in (self.data_dir, self.config_dir, self.log_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DataDirError(
                    f"Cannot create the data folder {folder}: {exc.strerror or exc}",
                    f"پوشهٔ داده‌ها ساخته نشد: {folder} ({exc.strerror or exc})",
                ) from exc
        return self


def resources_dir() -> Path:
    """The bundled resources (fonts, icons, translations, sample archive): `resources/` beside the package in a
    checkout, the package data `viewer/resources` in an installed wheel and in the frozen app."""
    override = os.environ.get("BAYEGAN_RESOURCES")
    candidates = [Path(override)] if override else []
    package = Path(__file__).resolve().parents[1]
    candidates += [package / "resources", package.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def sample_archive_dir() -> Path:
    return resources_dir() / "sample-archive"
