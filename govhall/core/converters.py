"""A path converter for database ids: ``<id:task_id>`` matches 1 to 10 digits up to 2**31 - 1, so a huge number in an
address is "not found" (404) instead of an integer overflow in the query (a 500)."""

from __future__ import annotations

MAX_ID = 2**31 - 1


def parse_id(value: str) -> int | None:
    """A database id as posted or typed (ASCII digits, 1 … 2**31 - 1), or None."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit() and len(value) <= 10):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def parse_ids(values: list[str]) -> set[int]:
    """The database ids among posted values (a huge number or a word is no id)."""
    return {n for n in map(parse_id, values) if n is not None}


class IdConverter:
    regex = "[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # the resolver then tries the next pattern, and finally answers 404
        return number

    def to_url(self, value: int) -> str:
        return str(value)
