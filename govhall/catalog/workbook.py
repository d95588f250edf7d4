"""The catalog as one Excel workbook: export every item's current content, import a filled-in workbook.

The template (sheets, columns, allowed values) is built from the model fields below; docs/catalog-workbook.md
and the workbook's own 说明 sheet describe it. Import is all or nothing: every sheet is read and checked
before anything is written, then every write goes through the catalog services (which audit it) inside
one transaction.
"""

from __future__ import annotations

import functools
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils import translation
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from govhall.catalog import services
from govhall.catalog.models import ItemVersion, ServiceItem, Theme
from govhall.catalog.rules import (
    CHILD_FIELDS,
    CHILD_REQUIRED,
    CONTENT_FIELDS,
    REQUIRED_FIELDS,
    check_children,
    check_content,
)
from govhall.core.actors import Actor
from govhall.core.errors import DomainError, Problem, ValidationFailed
from govhall.org.models import Department

Kind = Literal["code", "text", "integer", "boolean", "choice", "themes"]

INSTRUCTIONS = "说明"
ITEMS = "事项"
CHILD_SHEETS: dict[str, str] = {
    "materials": "申请材料",
    "fees": "收费",
    "special_procedures": "特别程序",
    "steps": "办理环节",
    "faqs": "常见问题",
}
IMPORT_REASON = "Excel导入"

_YES, _NO = "是", "否"
_TRUE_WORDS = {_YES, "true", "1", "y", "yes"}
_FALSE_WORDS = {_NO, "false", "0", "n", "no"}
_THEME_SEPARATORS = re.compile(r"[、,，;；\s]+")
_DIGITS = re.compile(r"[0-9]+")
_LAST_ROW = 1048576
_PREFETCH = ("materials", "fees", "special_procedures", "steps", "faqs", "themes")
_Status = ServiceItem.Status


class _BadCell(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _clean_text(text: str) -> str | None:
    # openpyxl reads "\r\n" back as "\n" and refuses control characters; write what will be read back.
    return ILLEGAL_CHARACTERS_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n")) or None


def _text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its header, the field it fills, how its cells are written and read."""

    header: str
    field: str
    kind: Kind
    required: bool = False
    choices: tuple[tuple[Any, str], ...] = ()
    default: Any = None
    max_length: int | None = None
    max_value: int = 2147483647
    width: int = 16
    note: str = ""

    def blank(self) -> Any:
        # An empty text cell stays empty: a model default ("A4") would not survive the round trip.
        if self.kind in ("code", "text"):
            return ""
        if self.kind == "themes":
            return []
        return None if self.required else self.default

    def labels(self) -> list[str]:
        if self.kind == "choice":
            return [label for _, label in self.choices]
        return [_YES, _NO] if self.kind == "boolean" else []

    def cell(self, value: Any) -> Any:
        """The value written to the workbook."""
        if value is None:
            return None
        if self.kind in ("code", "text"):
            return _clean_text(str(value))
        if self.kind == "integer":
            return int(value)
        if self.kind == "boolean":
            return _YES if value else _NO
        if self.kind == "choice":
            return dict(self.choices).get(value, value)
        return "、".join(value) or None

    def parse(self, raw: Any) -> Any:
        """The value read from a cell; raises _BadCell with a stable code and a Chinese message."""
        if isinstance(raw, str) and self.kind != "text":
            raw = raw.strip()
        if raw is None or raw == "" or (self.required and isinstance(raw, str) and not raw.strip()):
            if self.required:
                raise _BadCell("required", f"「{self.header}」为必填项")
            return self.blank()
        if self.kind == "integer":
            return self._integer(raw)
        if self.kind == "boolean":
            return self._boolean(raw)
        if self.kind == "choice":
            return self._choice(_text(raw).strip())
        if self.kind == "themes":
            return sorted({code for code in _THEME_SEPARATORS.split(_text(raw)) if code})
        text = _text(raw).strip() if self.kind == "code" else _text(raw)
        if self.max_length is not None and len(text) > self.max_length:
            raise _BadCell("too_long", f"「{self.header}」不能超过{self.max_length}个字（现有{len(text)}个字）")
        return text

    def _integer(self, raw: Any) -> int:
        number: int | None = None
        whole = isinstance(raw, float) and raw.is_integer()
        if (
            (isinstance(raw, int) and not isinstance(raw, bool))
            or whole
            or (isinstance(raw, str) and _DIGITS.fullmatch(raw))
        ):
            number = int(raw)
        if number is None or not 0 <= number <= self.max_value:
            raise _BadCell("invalid_number", f"「{self.header}」应为不小于0的整数，不能是「{_text(raw)}」")
        return number

    def _boolean(self, raw: Any) -> bool:
        if isinstance(raw, bool):
            return raw
        word = _text(raw).strip().lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
        raise _BadCell("bad_boolean", f"「{self.header}」应填“是”或“否”，不能是「{_text(raw)}」")

    def _choice(self, key: str) -> Any:
        for value, label in self.choices:
            if key in (label, str(value)):
                return value
        allowed = "、".join(self.labels())
        raise _BadCell("invalid_choice", f"「{self.header}」的值「{key}」无效，可选：{allowed}")

    def format(self) -> str:
        if self.kind == "text" and self.max_length:
            return f"文本，不超过{self.max_length}字"
        return {
            "code": "编码",
            "text": "文本",
            "integer": "不小于0的整数",
            "boolean": "是/否",
            "choice": "选项（填名称或代码）",
            "themes": "主题编码，多个用“、”或“,”分隔",
        }[self.kind]

    def when_blank(self) -> str:
        if self.required or self.kind in ("code", "text", "themes") or self.default is None:
            return ""
        return f"空白时为「{self.cell(self.default)}」"

    def allowed(self) -> str:
        if self.kind == "choice":
            return "、".join(label if str(value) == label else f"{label}（{value}）" for value, label in self.choices)
        return "、".join(self.labels())


@dataclass(frozen=True)
class Sheet:
    title: str
    kind: str
    columns: tuple[Column, ...]
    note: str

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.field == name), None)


_SHEET_NOTES = {
    "items": "每行一个事项：现行（已发布）版本的内容；从未发布过的事项为其草稿的内容",
    "materials": "每行一份申请材料",
    "fees": "每行一个收费项目；不收费的事项不填",
    "special_procedures": "每行一个特别程序（听证、专家评审、检验检测、现场核查……）",
    "steps": "每行一个办理环节（受理、审查、决定……）",
    "faqs": "每行一个常见问题及解答",
}
_NOTES: dict[tuple[str, str], str] = {
    ("items", "code"): "事项的唯一标识：已有此编码的事项被更新，没有的新建；同一工作簿中不得重复",
    ("items", "basic_code"): "国家或省级基本目录中的基本编码",
    ("items", "department"): "须为系统中已有部门的部门编码（部门不随工作簿导入）",
    ("items", "status"): "导入后的状态；填“草稿”只保存草稿、不发布",
    ("items", "case_type"): "即办件的承诺时限须为0个工作日或不超过8小时",
    ("items", "legal_limit"): "单位见「法定时限单位」",
    ("items", "promised_limit"): "不得超过法定办结时限（两者单位不同且其一为小时时，按每日24小时换算）",
    ("items", "themes"): "主题须已在系统中存在（主题不随工作簿导入）",
    ("materials", "condition"): "必要性为“容缺/情形必要”时必填",
    ("steps", "budget_days"): "承诺时限以工作日计时，各环节之和不得超过承诺办结时限",
    ("special_procedures", "stops_clock"): "是：该程序所需时间不计入办理时限（行政许可法第四十五条）",
}
_CHILD_LINK_NOTE = "所属事项的实施编码，须在「事项」工作表中；同一事项的各行按行序排列"
_GENERAL_NOTES = (
    "本工作簿用于成批导出、导入政务服务事项目录（见 docs/catalog-workbook.md）。本工作表仅作说明，导入时忽略。",
    "各工作表第一行为列名，请勿改动；从第二行起每行一条数据，空行忽略，列的先后次序不限。",
    "导入时已有的实施编码更新该事项（内容有变化时生成新的版本），没有的新建；工作簿中未列出的事项不受影响。",
    "工作簿中任何一处有误，整个工作簿都不导入，并列出每处问题所在的工作表、行和列。",
    "部门和主题不随工作簿导入：实施部门编码和主题编码须已在系统中存在。",
)


def _model_column(
    model: type[models.Model], name: str, *, sheet_kind: str, required: bool, identifier: bool = False
) -> Column:
    model_field = model._meta.get_field(name)
    assert isinstance(model_field, models.Field)
    header = str(model_field.verbose_name)
    note = _NOTES.get((sheet_kind, name), "")
    min_width = len(header) * 2 + 4
    default = model_field.get_default() if model_field.has_default() else None
    if model_field.choices:
        choices = tuple((value, str(label)) for value, label in model_field.flatchoices)
        width = max(len(label) for _, label in choices) * 2 + 4
        return Column(
            header, name, "choice", required, choices, default, width=min(max(width, min_width), 30), note=note
        )
    if isinstance(model_field, models.BooleanField):
        return Column(header, name, "boolean", required, default=default, width=max(8, min_width), note=note)
    if isinstance(model_field, models.IntegerField):
        small = isinstance(model_field, models.SmallIntegerField)
        return Column(
            header,
            name,
            "integer",
            required,
            default=default,
            max_value=32767 if small else 2147483647,
            width=max(10, min_width),
            note=note,
        )
    long_text = isinstance(model_field, models.TextField)
    return Column(
        header,
        name,
        "code" if identifier else "text",
        required,
        max_length=None if long_text else model_field.max_length,
        width=40 if long_text else max(20, min_width),
        note=note,
    )


@functools.cache
def _sheets() -> tuple[Sheet, ...]:
    """The template; built once (under zh-hans: the headers are the models' verbose names)."""
    department_code = Department._meta.get_field("code")
    assert isinstance(department_code, models.CharField)
    item_columns = (
        _model_column(ServiceItem, "code", sheet_kind="items", required=True, identifier=True),
        _model_column(ServiceItem, "basic_code", sheet_kind="items", required=True, identifier=True),
        Column(
            "实施部门编码",
            "department",
            "code",
            required=True,
            max_length=department_code.max_length,
            width=16,
            note=_NOTES["items", "department"],
        ),
        _model_column(ServiceItem, "status", sheet_kind="items", required=False),
        *(
            _model_column(ItemVersion, name, sheet_kind="items", required=name in REQUIRED_FIELDS)
            for name in CONTENT_FIELDS
        ),
        Column("主题", "themes", "themes", width=20, note=_NOTES["items", "themes"]),
    )
    sheets = [Sheet(ITEMS, "items", item_columns, _SHEET_NOTES["items"])]
    for kind, title in CHILD_SHEETS.items():
        link = Column("实施编码", "item", "code", required=True, width=22, note=_CHILD_LINK_NOTE)
        columns = tuple(
            _model_column(services.CHILD_MODELS[kind], name, sheet_kind=kind, required=name in CHILD_REQUIRED[kind])
            for name in CHILD_FIELDS[kind]
        )
        sheets.append(Sheet(title, kind, (link, *columns), _SHEET_NOTES[kind]))
    return tuple(sheets)


def _sheet(kind: str) -> Sheet:
    return next(s for s in _sheets() if s.kind == kind)


def _version_contents(items: Sequence[ServiceItem]) -> dict[int, tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """Per item: the content of its current (published) version and of its open draft."""
    current_ids = [item.current_version_id for item in items if item.current_version_id is not None]
    versions = ItemVersion.objects.filter(
        Q(pk__in=current_ids) | Q(item__in=[item.pk for item in items], state=ItemVersion.State.DRAFT)
    ).prefetch_related(*_PREFETCH)
    found: dict[int, list[dict[str, Any] | None]] = {item.pk: [None, None] for item in items}
    for version in versions:
        slot = 1 if version.state == ItemVersion.State.DRAFT else 0
        found[version.item_id][slot] = services.version_content(version)
    return {pk: (pair[0], pair[1]) for pk, pair in found.items()}


def _fingerprint(basic_code: str, department: str, content: Mapping[str, Any]) -> tuple[Any, ...]:
    """An item as the workbook shows it (without code and status): equal means the same rows."""
    items, *children = _sheets()
    record = {**content, "basic_code": basic_code, "department": department}
    head = tuple(c.cell(record.get(c.field)) for c in items.columns if c.field not in ("code", "status"))
    rows = tuple(
        tuple(tuple(c.cell(row.get(c.field)) for c in sheet.columns[1:]) for row in content.get(sheet.kind) or [])
        for sheet in children
    )
    return head, rows


# Export.

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill(fill_type="solid", start_color="FFDDEBF7", end_color="FFDDEBF7")
_HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)


def export_workbook(target: str | Path | BinaryIO, *, items: QuerySet[ServiceItem] | None = None) -> int:
    """Write the current content of ``items`` (default: every item) to an .xlsx; returns the item count."""
    with translation.override("zh-hans"):
        sheets = _sheets()
        queryset = items if items is not None else ServiceItem.objects.all()
        item_list = list(queryset.select_related("department").order_by("code"))
        contents = _version_contents(item_list)
        rows: dict[str, list[list[Any]]] = {sheet.kind: [] for sheet in sheets}
        count = 0
        for item in item_list:
            published, draft = contents[item.pk]
            content = published if published is not None else draft
            if content is None:
                continue
            count += 1
            record = {
                **content,
                "code": item.code,
                "basic_code": item.basic_code,
                "department": item.department.code,
                "status": item.status,
            }
            rows["items"].append([c.cell(record[c.field]) for c in sheets[0].columns])
            for sheet in sheets[1:]:
                for child in content[sheet.kind]:
                    child_record = {**child, "item": item.code}
                    rows[sheet.kind].append([c.cell(child_record[c.field]) for c in sheet.columns])
        book = Workbook()
        first = book.active
        assert isinstance(first, Worksheet)
        first.title = INSTRUCTIONS
        _write_table(
            first, ["工作表", "列", "必填", "格式", "可选值", "说明"], [12, 20, 6, 24, 50, 60], _instructions()
        )
        for sheet in sheets:
            _write_sheet(book.create_sheet(sheet.title), sheet, rows[sheet.kind])
        book.save(target)
    return count


def _instructions() -> list[list[Any]]:
    rows: list[list[Any]] = [["通用", None, None, None, None, note] for note in _GENERAL_NOTES]
    for sheet in _sheets():
        rows.append([sheet.title, None, None, None, None, sheet.note])
        for column in sheet.columns:
            required = _YES if column.required else _NO
            note = "；".join(text for text in (column.note, column.when_blank()) if text)
            rows.append([sheet.title, column.header, required, column.format(), column.allowed(), note])
    return [[_clean_text(value) if value else None for value in row] for row in rows]


def _write_table(ws: Worksheet, headers: Sequence[str], widths: Sequence[int], rows: Iterable[Sequence[Any]]) -> None:
    for index, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row=1, column=index, value=header)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGNMENT
        ws.column_dimensions[get_column_letter(index)].width = width
    for number, values in enumerate(rows, start=2):
        for index, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = ws.cell(row=number, column=index, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # a text starting with "=" stays text, never becomes a formula
    ws.freeze_panes = "A2"


def _write_sheet(ws: Worksheet, sheet: Sheet, rows: list[list[Any]]) -> None:
    _write_table(ws, [c.header for c in sheet.columns], [c.width for c in sheet.columns], rows)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{len(rows) + 1}"
    for index, column in enumerate(sheet.columns, start=1):
        labels = column.labels()
        if not labels:
            continue
        # Warning only: the import also accepts codes (working_days, 3 …), which the list does not offer.
        validation = DataValidation(
            type="list",
            formula1='"' + ",".join(labels) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle="取值不在列表中",
            error=f"「{column.header}」可选：{'、'.join(labels)}",
        )
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}{_LAST_ROW}")
        ws.add_data_validation(validation)


# Import.


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    published: int = 0
    items: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"共{len(self.items)}个事项：新建{self.created}个，更新{self.updated}个，"
            f"未变化{self.unchanged}个，发布{self.published}个"
        )


@dataclass
class _Row:
    number: int
    values: dict[str, Any]
    failed: set[str]


@dataclass
class _Entry:
    """One item of the workbook: its row on 事项 and its rows on the other sheets, in row order."""

    row: _Row
    children: dict[str, list[_Row]]
    first: bool = True

    def content(self) -> dict[str, Any]:
        data = {name: self.row.values[name] for name in (*CONTENT_FIELDS, "themes")}
        for kind, rows in self.children.items():
            data[kind] = [{name: row.values[name] for name in CHILD_FIELDS[kind]} for row in rows]
        return data


@dataclass
class _Action:
    entry: _Entry
    item: ServiceItem | None
    department: Department
    write: bool
    publish: bool
    move: str | None

    @property
    def changes(self) -> bool:
        return self.write or self.publish or self.move is not None


def import_workbook(
    source: str | Path | BinaryIO, *, actor: Actor, dry_run: bool = False, publish: bool | None = None
) -> ImportReport:
    """Check a whole workbook, then create, update, publish and change the status of its items.

    ``publish``: None follows each item's 状态 column; True also publishes the rows marked 草稿; False only
    saves drafts (no publication, no status change). Raises ValidationFailed listing every problem, with
    nothing written. With ``dry_run`` the report says what an import would do, and nothing is written.
    """
    with translation.override("zh-hans"):
        rows, problems = _read_workbook(source)
        entries = _link(rows, problems)
        actions = _plan(entries, problems, publish=publish)
        if problems:
            problems.sort(key=_problem_order)
            raise ValidationFailed(problems, f"工作簿有{len(problems)}处问题，未导入任何数据")
        report = ImportReport(items=[e.row.values["code"] for e in entries])
        for action in actions:
            if action.item is None:
                report.created += 1
            elif action.changes:
                report.updated += 1
            else:
                report.unchanged += 1
            report.published += int(action.publish)
        if not dry_run:
            _apply(actions, actor)
        return report


def _read_workbook(source: str | Path | BinaryIO) -> tuple[dict[str, list[_Row]], list[Problem]]:
    try:
        book = load_workbook(str(source) if isinstance(source, Path) else source, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        problem = Problem("无法读取该文件：请上传 Excel 2007 及以后版本的 .xlsx 工作簿", code="bad_file")
        raise ValidationFailed([problem]) from exc
    problems: list[Problem] = []
    rows: dict[str, list[_Row]] = {}
    try:
        for sheet in _sheets():
            if sheet.title not in book.sheetnames:
                problems.append(Problem(f"缺少工作表「{sheet.title}」", code="missing_sheet", sheet=sheet.title))
                rows[sheet.kind] = []
                continue
            rows[sheet.kind] = _read_rows(book[sheet.title].iter_rows(values_only=True), sheet, problems)
    finally:
        book.close()
    return rows, problems


def _read_rows(lines: Iterable[Sequence[Any]], sheet: Sheet, problems: list[Problem]) -> list[_Row]:
    lines = iter(lines)
    header_row: Sequence[Any] = next(lines, ())
    positions: dict[str, int] = {}
    for index, title in enumerate(header_row):
        header = _text(title).strip() if title is not None else ""
        if not header:
            continue
        if header in positions:
            message = f"列名「{header}」重复"
            problems.append(Problem(message, code="duplicate_column", sheet=sheet.title, row=1, column=header))
        positions.setdefault(header, index)
    missing = {c.field for c in sheet.columns if c.header not in positions}
    for column in sheet.columns:
        if column.field in missing:
            problems.append(_at(sheet, 1, column.field, "missing_column", f"缺少「{column.header}」列"))
    rows = []
    for number, values in enumerate(lines, start=2):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        row = _Row(number, {}, set(missing))
        for column in sheet.columns:
            position = positions.get(column.header)
            raw = values[position] if position is not None and position < len(values) else None
            try:
                row.values[column.field] = column.blank() if position is None else column.parse(raw)
            except _BadCell as bad:
                problems.append(_at(sheet, number, column.field, bad.code, bad.message))
                row.values[column.field] = None
                row.failed.add(column.field)
        rows.append(row)
    return rows


def _at(sheet: Sheet, row: int, name: str, code: str, message: str, field: str | None = None) -> Problem:
    """A problem at a sheet's row, in the column that fills field ``name``."""
    column = sheet.column(name)
    header = column.header if column is not None else None
    return Problem(message, code=code, field=field or name or None, sheet=sheet.title, row=row, column=header)


def _locate(problem: Problem, sheet: Sheet, row: int, name: str) -> Problem:
    return _at(sheet, row, name, problem.code, problem.message, problem.field)


def _problem_order(problem: Problem) -> tuple[int, int, int]:
    sheets = _sheets()
    index = next((i for i, s in enumerate(sheets) if s.title == problem.sheet), -1)
    headers = [c.header for c in sheets[index].columns] if index >= 0 else []
    column = headers.index(problem.column) if problem.column in headers else -1
    return index, problem.row or 0, column


def _link(rows: Mapping[str, list[_Row]], problems: list[Problem]) -> list[_Entry]:
    items = _sheet("items")
    entries: list[_Entry] = []
    by_code: dict[str, _Entry] = {}
    for row in rows["items"]:
        entry = _Entry(row, {kind: [] for kind in CHILD_FIELDS})
        entries.append(entry)
        code = row.values["code"]
        if "code" in row.failed:
            entry.first = False
        elif code in by_code:
            entry.first = False
            message = f"实施编码「{code}」与第{by_code[code].row.number}行重复"
            problems.append(_at(items, row.number, "code", "duplicate_code", message))
        else:
            by_code[code] = entry
    for kind in CHILD_FIELDS:
        sheet = _sheet(kind)
        for row in rows[kind]:
            if "item" in row.failed:
                continue
            owner = by_code.get(row.values["item"])
            if owner is None:
                message = f"实施编码「{row.values['item']}」在「{ITEMS}」工作表中不存在"
                problems.append(_at(sheet, row.number, "item", "unknown_item", message))
            else:
                owner.children[kind].append(row)
    return entries


def _plan(entries: list[_Entry], problems: list[Problem], *, publish: bool | None) -> list[_Action]:
    items = _sheet("items")
    wanted = [e.row.values for e in entries]
    departments = {
        d.code: d for d in Department.objects.filter(code__in={v["department"] for v in wanted if v["department"]})
    }
    theme_codes = {code for v in wanted for code in v["themes"] or []}
    known_themes = set(Theme.objects.filter(code__in=theme_codes).values_list("code", flat=True))
    existing = {
        item.code: item
        for item in ServiceItem.objects.filter(code__in=[e.row.values["code"] for e in entries if e.first])
        .select_related("department")
        .order_by("code")
    }
    contents = _version_contents(list(existing.values()))
    actions: list[_Action] = []
    for entry in entries:
        row = entry.row
        problems.extend(_rule_problems(entry))
        department = departments.get(row.values["department"])
        if department is None and "department" not in row.failed:
            message = f"部门编码「{row.values['department']}」不存在（部门须先在系统中建立）"
            problems.append(_at(items, row.number, "department", "unknown_department", message))
        for code in row.values["themes"] or []:
            if code not in known_themes:
                problems.append(_at(items, row.number, "themes", "unknown_theme", f"主题「{code}」不存在"))
        if entry.first and department is not None:
            item = existing.get(row.values["code"])
            action = _decide(entry, item, department, contents.get(item.pk) if item else None, problems, publish)
            if action is not None:
                actions.append(action)
    return actions


def _decide(
    entry: _Entry,
    item: ServiceItem | None,
    department: Department,
    versions: tuple[dict[str, Any] | None, dict[str, Any] | None] | None,
    problems: list[Problem],
    publish: bool | None,
) -> _Action | None:
    """What importing one row does: write a draft?, publish it?, which status move? (None: a problem.)"""
    items = _sheet("items")
    values = entry.row.values
    number = entry.row.number
    target = values["status"]
    if publish is True and target == _Status.DRAFT:
        target = _Status.PUBLISHED
    new = _fingerprint(values["basic_code"], department.code, entry.content())
    if item is None:
        write = pending = True
        status: str = _Status.DRAFT
    else:
        published, draft = versions or (None, None)
        shown = published if published is not None else draft

        def same(content: dict[str, Any] | None) -> bool:
            return content is not None and new == _fingerprint(item.basic_code, item.department.code, content)

        if same(shown):
            # Nothing to write; a never-published item's draft still waits for publication.
            write, pending = False, published is None
        else:
            write, pending = not same(draft), True
        status = item.status
        if item.current_version_id is not None and department.pk != item.department_id:
            message = "已发布事项的实施部门不可修改；请新建事项"
            problems.append(_at(items, number, "department", "identity_frozen", message))
            return None
        if status == _Status.CANCELLED:
            if write or (publish is not False and values["status"] in (_Status.PUBLISHED, _Status.SUSPENDED)):
                message = "事项已取消，不能再修改、发布或恢复"
                problems.append(_at(items, number, "status", "item_cancelled", message))
                return None
            return _Action(entry, item, department, write=False, publish=False, move=None)
    do_publish = publish is not False and target != _Status.DRAFT and pending
    after = _Status.PUBLISHED if do_publish and status == _Status.DRAFT else status
    move = None
    if publish is not False:
        if target == _Status.PUBLISHED and after == _Status.SUSPENDED:
            move = "resume"
        elif target == _Status.SUSPENDED and after != _Status.SUSPENDED:
            move = "suspend"
        elif target == _Status.CANCELLED:
            move = "cancel"
    return _Action(entry, item, department, write=write, publish=do_publish, move=move)


def _rule_problems(entry: _Entry) -> list[Problem]:
    """The catalog's content rules (rules.check_content), each placed at its sheet, row and column."""
    items = _sheet("items")
    row = entry.row
    found = []
    for problem in check_content(entry.content()):
        name = problem.field or ""
        if "." not in name:
            if name not in row.failed:
                found.append(_locate(problem, items, row.number, name))
        elif problem.code == "step_budget_exceeds" and entry.children["steps"]:
            found.append(_locate(problem, _sheet("steps"), entry.children["steps"][0].number, "budget_days"))
    for kind, rows in entry.children.items():
        sheet = _sheet(kind)
        for child in rows:
            # One row at a time, so each problem belongs to that row (the rules number rows from 1).
            for problem in check_children({kind: [child.values]}):
                name = (problem.field or "").partition(".")[2]
                column = sheet.column(name)
                if name in child.failed or column is None:
                    continue
                message = problem.message.removeprefix("第1项").replace(f"「{name}」", f"「{column.header}」")
                found.append(_at(sheet, child.number, name, problem.code, message, problem.field))
    return found


def _apply(actions: list[_Action], actor: Actor) -> None:
    items = _sheet("items")
    problems: list[Problem] = []
    with transaction.atomic():
        for action in actions:
            try:
                _apply_one(action, actor)
            except ValidationFailed as failed:
                problems.extend(_locate(p, items, action.entry.row.number, p.field or "") for p in failed.problems)
            except DomainError as error:
                problems.append(_at(items, action.entry.row.number, "status", error.code, error.message))
        if problems:
            # The catalog changed between the checks and the writes (another manager): undo everything.
            raise ValidationFailed(problems, f"工作簿有{len(problems)}处问题，未导入任何数据")


def _apply_one(action: _Action, actor: Actor) -> None:
    values = action.entry.row.values
    data = action.entry.content()
    item = action.item
    if item is None:
        item = services.create_item(
            code=values["code"], basic_code=values["basic_code"], department=action.department, data=data, actor=actor
        )
    elif action.write:
        services.save_draft(
            item=item,
            data=data,
            actor=actor,
            change_note=IMPORT_REASON,
            basic_code=values["basic_code"],
            department=action.department,
        )
    if action.publish:
        services.publish_draft(item=item, actor=actor)
    if action.move is not None:
        services.change_status(item=item, move=action.move, reason=IMPORT_REASON, actor=actor)
