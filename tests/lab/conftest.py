"""The lab tests share one real PostgreSQL server (session-scoped: starting one takes a few seconds);
each test gets a database of its own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.lab.pg_server import PgServer


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def lab_db(pg_server: PgServer) -> str:
    return pg_server.new_database()
