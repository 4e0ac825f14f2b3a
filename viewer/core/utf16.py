"""Python str offsets ↔ Qt positions: Qt counts UTF-16 code units, so a character outside the BMP
(an emoji, a rare CJK letter) counts twice."""

from __future__ import annotations

from bisect import bisect_right


class Utf16Map:
    """Python str offsets ↔ UTF-16 offsets for one string."""

    def __init__(self, text: str):
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._length = len(text)

    def to_utf16(self, offset: int) -> int:
        return offset + bisect_right(self._wide, offset - 1)

    def from_utf16(self, position: int) -> int:
        offset = position
        for wide in self._wide:
            if self.to_utf16(wide) < position:
                offset -= 1
            else:
                break
        return max(0, min(offset, self._length))
