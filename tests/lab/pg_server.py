"""A real PostgreSQL 15 for the lab tests: `initdb` into a temporary folder, a free port on 127.0.0.1,
TLS with a self-signed CA made by openssl, and the roles a lab has (an owner, a writing member, a
read-only member). As root, the server runs as the `postgres` user (initdb refuses root)."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PASSWORDS = {"lab_owner": "owner-secret", "lab_member": "member-secret", "lab_reader": "reader-secret"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_certificates(folder: Path) -> None:
    """ca.crt (the lab's own CA) and server.crt/.key for 127.0.0.1 signed by it; other-ca.crt signs nothing."""
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Bayegan test lab CA",
             "-keyout", "ca.key", "-out", "ca.crt", cwd=folder)
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=another CA",
             "-keyout", "other-ca.key", "-out", "other-ca.crt", cwd=folder)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
             "-out", "server.csr", cwd=folder)
    (folder / "san.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
             "-days", "2", "-extfile", "san.ext", "-out", "server.crt", cwd=folder)


class PgServer:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="bayegan-pg-"))
        self.data = self.root / "data"
        self.certs = self.root / "certs"
        self.port = free_port()
        self._as_postgres = os.geteuid() == 0
        self.certs.mkdir()
        make_certificates(self.certs)
        if self._as_postgres:
            user = pwd.getpwnam("postgres")
            for path in [self.root, self.certs, *self.certs.iterdir()]:
                os.chown(path, user.pw_uid, user.pw_gid)
        os.chmod(self.certs / "server.key", 0o600)
        os.chmod(self.root, 0o755)
        os.chmod(self.certs, 0o755)
        for public in ("ca.crt", "other-ca.crt"):
            os.chmod(self.certs / public, 0o644)
        self._run(PG_BIN / "initdb", "-D", str(self.data), "-U", "labadmin", "--auth-local=trust",
                  "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(f"listen_addresses = '127.0.0.1'\nport = {self.port}\n"
                       f"unix_socket_directories = '{self.root}'\nssl = on\n"
                       f"ssl_cert_file = '{self.certs / 'server.crt'}'\nssl_key_file = '{self.certs / 'server.key'}'\n"
                       "fsync = off\nsynchronous_commit = off\nmax_connections = 40\n")
        self.start()
        with self.admin() as db:
            for role, password in PASSWORDS.items():
                db.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
            db.execute("GRANT pg_read_all_data TO lab_member, lab_reader")
            db.execute("GRANT pg_write_all_data TO lab_member")
        self.databases = 0

    def _run(self, *command: str | Path) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self._as_postgres else []
        subprocess.run([*prefix, *map(str, command)], check=True, capture_output=True, cwd=self.root)

    def start(self) -> None:
        self._run(PG_BIN / "pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "start")

    def stop(self) -> None:
        self._run(PG_BIN / "pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def admin(self, database: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(host=str(self.root), port=self.port, user="labadmin", dbname=database,
                               autocommit=True)

    def new_database(self) -> str:
        """An empty database owned by lab_owner: one lab."""
        self.databases += 1
        name = f"lab{self.databases}"
        with self.admin() as db:
            db.execute(f"CREATE DATABASE {name} OWNER lab_owner")
        return name

    def url(self, database: str, role: str = "lab_owner", password: str | None = None, **params: str) -> str:
        secret = PASSWORDS[role] if password is None else password
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return f"postgresql://{role}:{secret}@127.0.0.1:{self.port}/{database}" + (f"?{query}" if query else "")

    def close(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
