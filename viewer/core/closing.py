"""Objects holding an open file or database, closed by `close()` or at the end of a `with` block."""

from __future__ import annotations

from typing import Self


class Closable:
    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
