"""Members of ZIP-based files (DOCX, ODT, WACZ) read with a cap, so a zip bomb fails instead of
filling memory."""

from __future__ import annotations

import io
import zipfile
import zlib

from viewer.core.errors import ImportFailure

MAX_MEMBER_BYTES = 256 * 1024 * 1024


def open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError) as exc:
        raise ImportFailure(f"The ZIP container is damaged: {exc}.", f"بستهٔ ZIP آسیب دیده است: {exc}.") from exc
    if sum(info.file_size for info in archive.infolist()) > MAX_MEMBER_BYTES:
        raise ImportFailure("The file unpacks to more than 256 MB; it is not read.",
                            "پرونده پس از بازشدن بیش از ۲۵۶ مگابایت می‌شود و خوانده نشد.")
    return archive


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = archive.getinfo(name)
        if info.file_size > MAX_MEMBER_BYTES:
            raise ImportFailure(f"{name} inside the file is too large to read.", f"{name} درون پرونده بیش از حد بزرگ است.")
        with archive.open(info) as member:
            data = member.read(MAX_MEMBER_BYTES + 1)
    except KeyError as exc:
        raise ImportFailure(f"{name} is missing inside the file.", f"{name} درون پرونده نیست.") from exc
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, ValueError, OSError, EOFError, RuntimeError) as exc:
        raise ImportFailure(f"{name} inside the file is damaged: {exc}.", f"{name} درون پرونده آسیب دیده است: {exc}.") from exc
    if len(data) > MAX_MEMBER_BYTES:
        raise ImportFailure(f"{name} inside the file is too large to read.", f"{name} درون پرونده بیش از حد بزرگ است.")
    return data
