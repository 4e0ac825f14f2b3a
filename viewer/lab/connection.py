"""Reaching the lab's PostgreSQL server: the URL without its password, the password in a .pgpass file
(0600, libpq's own format and lookup), and libpq's failures turned into messages a researcher can act on."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import psycopg

from viewer.core.errors import BayeganError

CONNECT_TIMEOUT_S = 10


@dataclass(frozen=True)
class LabAddress:
    """Where the lab's server is; `url` carries no password."""

    url: str
    host: str
    port: int
    database: str
    user: str


def bad_url(url: str) -> BayeganError:
    return BayeganError(
        f"“{url}” is not a lab address; write postgresql://USER:PASSWORD@HOST:PORT/DATABASE.",
        f"«{url}» نشانی آزمایشگاه نیست؛ بنویسید postgresql://USER:PASSWORD@HOST:PORT/DATABASE.")


def split_url(url: str) -> tuple[LabAddress, str | None]:
    """The address without the password, and the password if the URL held one."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port or 5432
    except ValueError as exc:
        raise bad_url(url) from exc
    database = unquote(parts.path.lstrip("/"))
    if parts.scheme not in ("postgresql", "postgres") or not parts.hostname or not parts.username or not database:
        raise bad_url(url)
    user = unquote(parts.username)
    password = unquote(parts.password) if parts.password is not None else None
    netloc = f"{quote(user, safe='')}@{parts.hostname}:{port}"
    clean = urlunsplit(("postgresql", netloc, "/" + quote(database, safe=""), parts.query, ""))
    return LabAddress(clean, parts.hostname, port, database, user), password


def _pgpass_field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def write_password(passfile: Path, address: LabAddress, password: str) -> None:
    """The password in a libpq password file readable by its owner only (created 0600, never wider)."""
    passfile.parent.mkdir(parents=True, exist_ok=True)
    line = ":".join(_pgpass_field(v) for v in (address.host, str(address.port), address.database, address.user,
                                                   password))
    fd = os.open(passfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(line + "\n")
    os.chmod(passfile, 0o600)


def explain(exc: psycopg.Error, address: LabAddress) -> BayeganError:
    """A libpq failure as a message in English and Persian (the server's own words kept at the end)."""
    detail = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
    text = str(exc).lower()
    where = f"{address.host}:{address.port}/{address.database}"
    if "password authentication failed" in text or "no password supplied" in text:
        return BayeganError(f"The lab server {where} refused the user “{address.user}”: wrong password. "
                            f"Join again with the right one. ({detail})",
                            f"کارساز آزمایشگاه ({where}) کاربر «{address.user}» را نپذیرفت: گذرواژه نادرست است. "
                            f"دوباره با گذرواژهٔ درست بپیوندید. ({detail})")
    if "certificate" in text or "ssl" in text:
        return BayeganError(f"A secure connection to the lab server {where} could not be made: {detail}",
                            f"پیوند امن با کارساز آزمایشگاه ({where}) برقرار نشد: {detail}")
    if isinstance(exc, psycopg.OperationalError):
        return BayeganError(f"The lab server {where} cannot be reached; your changes stay here and go at the next "
                            f"sync. ({detail})",
                            f"به کارساز آزمایشگاه ({where}) دسترسی نیست؛ تغییرهای شما همین‌جا می‌مانند و در "
                            f"همگام‌سازی بعدی فرستاده می‌شوند. ({detail})")
    return BayeganError(f"The lab server {where} answered with an error: {detail}",
                        f"کارساز آزمایشگاه ({where}) خطا داد: {detail}")


def connect(address: LabAddress, passfile: Path | None) -> psycopg.Connection[tuple[object, ...]]:
    """A connection (autocommit off); the password from `passfile`, else the user's own ~/.pgpass or service."""
    extra: dict[str, object] = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "bayegan"}
    if passfile is not None and passfile.exists():
        extra["passfile"] = str(passfile)
    try:
        return psycopg.connect(address.url, **extra)  # type: ignore[arg-type]  # libpq keywords pass through
    except psycopg.Error as exc:
        raise explain(exc, address) from exc


def url_with_password(url: str, password: str) -> str:
    """The URL as typed with `password` put in (for a form that asks for the password apart)."""
    address, _ = split_url(url)
    if not password:
        return url.strip()
    parts = urlsplit(url.strip())
    netloc = f"{quote(address.user, safe='')}:{quote(password, safe='')}@{address.host}:{address.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
