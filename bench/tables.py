from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[object]] = field(default_factory=list)
    note: str = ""


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if value < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space


def print_table(table: Table) -> None:
    cells = [[_cell(v) for v in row] for row in table.rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(table.headers)]
    print(f"## {table.title}")
    print("| " + " | ".join(_pad(h, w, False) for h, w in zip(table.headers, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in cells:
        print("| " + " | ".join(_pad(c, w, i > 0) for i, (c, w) in enumerate(zip(row, widths, strict=True))) + " |")
    if table.note:
        print(table.note)
