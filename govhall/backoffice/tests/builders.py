"""What the pages receive: the editor's POST body, a catalog workbook with cells changed."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from govhall.catalog.rules import CHILD_FIELDS, CONTENT_FIELDS
from govhall.catalog.workbook import ITEMS, export_workbook


def _put(data: dict[str, Any], name: str, value: Any) -> None:
    if isinstance(value, bool):
        if value:
            data[name] = "on"
    else:
        data[name] = "" if value is None else str(value)


def editor_post(content: dict[str, Any], *, initial_rows: dict[str, int] | None = None, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in CONTENT_FIELDS:
        _put(data, name, content.get(name))
    data["themes"] = list(content.get("themes") or [])
    for kind, fields in CHILD_FIELDS.items():
        rows = content.get(kind) or []
        data[f"{kind}-TOTAL_FORMS"] = str(len(rows))
        data[f"{kind}-INITIAL_FORMS"] = str((initial_rows or {}).get(kind, len(rows)))
        for index, row in enumerate(rows):
            for name in fields:
                _put(data, f"{kind}-{index}-{name}", row.get(name))
            if row.get("DELETE"):
                data[f"{kind}-{index}-DELETE"] = "on"
    data.update(extra)
    return data


def workbook_bytes(**changes: Any) -> bytes:
    """The exported catalog with cells of the 事项 sheet's first item changed, by column header."""
    buffer = io.BytesIO()
    export_workbook(buffer)
    book = load_workbook(io.BytesIO(buffer.getvalue()))
    sheet = book[ITEMS]
    headers = {cell.value: cell.column for cell in sheet[1]}
    for header, value in changes.items():
        sheet.cell(row=2, column=headers[header], value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
