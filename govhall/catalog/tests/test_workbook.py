import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl.workbook.workbook import Workbook

from govhall.catalog import services, workbook
from govhall.catalog.models import ItemVersion, ServiceItem
from govhall.core.actors import system_actor
from govhall.core.errors import Conflict, ValidationFailed
from govhall.core.models import AuditEntry
from govhall.org.models import Role
from govhall.testing.factories import item_data, make_item, make_theme

pytestmark = pytest.mark.django_db
ACTOR = system_actor("test")


def _export(**kwargs) -> bytes:
    buffer = io.BytesIO()
    workbook.export_workbook(buffer, **kwargs)
    return buffer.getvalue()


def _import(data: bytes, **kwargs) -> workbook.ImportReport:
    return workbook.import_workbook(io.BytesIO(data), actor=ACTOR, **kwargs)


def _cells(data: bytes) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


def _edit(data: bytes, change: Callable[[Workbook], None]) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(data))
    change(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _column(book: Workbook, sheet: str, header: str) -> int:
    headers = [cell.value for cell in book[sheet][1]]
    return headers.index(header) + 1


def _set(book: Workbook, sheet: str, row: int, header: str, value) -> None:
    book[sheet].cell(row=row, column=_column(book, sheet, header)).value = value


def _copy_row(book: Workbook, sheet: str, source: int, target: int, **changes) -> None:
    ws = book[sheet]
    for cell in ws[source]:
        ws.cell(row=target, column=cell.column, value=cell.value)
    for header, value in changes.items():
        _set(book, sheet, target, header, value)


def _wipe_catalog() -> None:
    ServiceItem.objects.update(current_version=None)
    ItemVersion.objects.all().delete()
    ServiceItem.objects.all().delete()


def _counts() -> tuple[int, int, int]:
    return ServiceItem.objects.count(), ItemVersion.objects.count(), AuditEntry.objects.count()


@pytest.fixture
def catalog(market_department, housing_department) -> list[ServiceItem]:
    """Items in every status, with every kind of child row, an hours unit and an edit waiting as a draft."""
    make_theme("kbqy", "开办企业", "enterprise")
    make_theme("kfd", "开饭店", "enterprise")
    make_theme("gjf", "购房", "person")
    food_content = {
        "themes": ["kfd", "kbqy"],
        "legal_basis_impl": "=《食品经营许可和备案管理办法》\r\n第十二条",
        "fees": [{"name": "工本费", "standard": "0元", "basis": "", "reducible": True}],
        "faqs": [
            {"question": "需要现场核查吗？", "answer": "新办需现场核查。"},
            {"question": "可以邮寄吗？", "answer": "可以。\n请写明地址。"},
        ],
    }
    food = make_item("11519901A00001", department=market_department, **food_content)
    services.save_draft(item=food, data=item_data(promised_limit=4, **food_content), actor=ACTOR)
    services.publish_draft(item=food, actor=ACTOR)
    services.save_draft(item=food, data=item_data(name="食品经营许可（新办，草稿）", **food_content), actor=ACTOR)
    immediate = make_item(
        "11519901A00002",
        department=market_department,
        name="个体工商户名称变更登记",
        case_type="即办件",
        legal_limit=1,
        promised_limit=2,
        promised_limit_unit="hours",
        online_depth=4,
        audience="person",
        anywhere_scope="跨省通办",
        stationed=False,
        themes=["kbqy"],
        special_procedures=[],
        steps=[{"name": "受理并办结", "role": Role.WINDOW_CLERK, "budget_days": 0}],
        materials=[
            {
                "name": "营业执照",
                "necessity": "required",
                "form": "electronic",
                "copies": 0,
                "paper_size": "",
                "source": "government",
                "commitment_allowed": True,
            }
        ],
    )
    draft_only = make_item("11519901B00001", department=housing_department, publish=False, themes=["gjf"])
    suspended = make_item("11519901A00003", department=market_department, name="食品小作坊登记")
    services.change_status(item=suspended, move="suspend", reason="法规修订", actor=ACTOR)
    cancelled = make_item("11519901A00004", department=market_department, name="食品摊贩备案", fees=[])
    services.change_status(item=cancelled, move="cancel", reason="事项取消", actor=ACTOR)
    return [food, immediate, draft_only, suspended, cancelled]


def test_export_then_import_into_an_empty_catalog_then_export_gives_the_same_workbook_cell_for_cell(catalog):
    first = _export()
    _wipe_catalog()

    report = _import(first)
    second = _export()

    assert report.created == 5
    assert report.items == sorted(item.code for item in catalog)
    assert _cells(second) == _cells(first)
    assert list(_cells(first)) == ["说明", "事项", "申请材料", "收费", "特别程序", "办理环节", "常见问题"]
    statuses = dict(ServiceItem.objects.values_list("code", "status"))
    assert statuses == {
        "11519901A00001": "published",
        "11519901A00002": "published",
        "11519901A00003": "suspended",
        "11519901A00004": "cancelled",
        "11519901B00001": "draft",
    }


def test_the_export_shows_the_published_version_labels_and_keeps_a_leading_equals_sign_as_text(catalog):
    cells = _cells(_export())
    headers = cells["事项"][0]
    food = dict(zip(headers, cells["事项"][1], strict=True))
    immediate = dict(zip(headers, cells["事项"][2], strict=True))

    assert food["事项名称"] == "食品经营许可（新办）"
    assert food["承诺办结时限"] == 4
    assert food["设定依据"] == "《中华人民共和国食品安全法》第三十五条"
    assert food["主题"] == "kbqy、kfd"
    assert food["实施依据"] == "=《食品经营许可和备案管理办法》\n第十二条"
    assert immediate["办件类型"] == "即办件"
    assert immediate["承诺时限单位"] == "小时"
    assert immediate["网办深度"] == "四级：全程网办"
    assert immediate["进驻大厅"] == "否"
    assert cells["申请材料"][0][:3] == ("实施编码", "材料名称", "必要性")
    assert cells["办理环节"][1] == ("11519901A00001", "受理", "窗口人员", 0)


def test_reimporting_an_unchanged_workbook_creates_no_new_versions_and_no_audit_entries(catalog):
    data = _export()
    before = _counts()

    report = _import(data)

    assert (report.created, report.updated, report.unchanged, report.published) == (0, 0, 5, 0)
    assert _counts() == before
    food = ServiceItem.objects.get(code="11519901A00001")
    assert food.versions.get(state=ItemVersion.State.DRAFT).name == "食品经营许可（新办，草稿）"


def test_a_changed_promised_limit_creates_version_2_and_leaves_version_1_untouched(market_department):
    item = make_item("11519901C00001", department=market_department)
    data = _edit(_export(), lambda book: _set(book, "事项", 2, "承诺办结时限", 4))

    report = _import(data)

    assert (report.created, report.updated, report.unchanged, report.published) == (0, 1, 0, 1)
    item.refresh_from_db()
    first = item.versions.get(number=1)
    assert item.current_version.number == 2
    assert item.current_version.promised_limit == 4
    assert item.current_version.change_note == "Excel导入"
    assert first.state == ItemVersion.State.SUPERSEDED
    assert first.promised_limit == 5
    assert [m.name for m in first.materials.all()] == ["食品经营许可申请书", "授权委托书"]
    actions = list(AuditEntry.objects.filter(object_id=str(item.pk)).values_list("action", flat=True))
    assert actions[-2:] == ["catalog.item.draft_saved", "catalog.item.published"]


def _break(book: Workbook) -> None:
    _copy_row(book, "事项", 2, 3, 实施编码="11519901D00002", 承诺办结时限=30)
    _copy_row(book, "事项", 2, 4, 实施编码="11519901D00002")
    _copy_row(
        book, "事项", 2, 5, 实施编码="11519901D00003", 实施部门编码="NOPE", 可延长工作日="十", 主题="kbqy、wuzhuti"
    )
    _set(book, "事项", 2, "办件类型", "急办件")
    _set(book, "事项", 2, "进驻大厅", "也许")
    fees = book["收费"]
    fees.delete_cols(_column(book, "收费", "收费标准"))
    _set(book, "申请材料", 3, "材料名称", None)
    _set(book, "办理环节", 3, "办理角色", "路人")
    _copy_row(book, "常见问题", 2, 3, 实施编码="11519901ZZZZZZ")


def test_a_bad_workbook_is_refused_whole_with_every_problem_located_and_nothing_written(market_department):
    make_theme("kbqy", "开办企业", "enterprise")
    make_item("11519901D00001", department=market_department)
    data = _edit(_export(), _break)
    before = _counts()

    with pytest.raises(ValidationFailed) as exc:
        _import(data)

    found = {(p.sheet, p.row, p.column, p.code) for p in exc.value.problems}
    assert found == {
        ("事项", 2, "办件类型", "invalid_choice"),
        ("事项", 2, "进驻大厅", "bad_boolean"),
        ("事项", 3, "承诺办结时限", "promised_exceeds_legal"),
        ("事项", 4, "实施编码", "duplicate_code"),
        ("事项", 5, "实施部门编码", "unknown_department"),
        ("事项", 5, "可延长工作日", "invalid_number"),
        ("事项", 5, "主题", "unknown_theme"),
        ("申请材料", 3, "材料名称", "required"),
        ("收费", 1, "收费标准", "missing_column"),
        ("办理环节", 3, "办理角色", "invalid_choice"),
        ("常见问题", 3, "实施编码", "unknown_item"),
    }
    messages = [str(p) for p in exc.value.problems]
    assert "工作表「事项」第3行「承诺办结时限」列：承诺办结时限（30工作日）不得超过法定办结时限（20工作日）" in messages
    assert "工作表「事项」第4行「实施编码」列：实施编码「11519901D00002」与第3行重复" in messages
    assert "工作表「收费」第1行「收费标准」列：缺少「收费标准」列" in messages
    assert (
        "工作表「事项」第2行「办件类型」列：「办件类型」的值「急办件」无效，可选：即办件、承诺件、联办件、上报件"
        in messages
    )
    assert exc.value.message == "工作簿有11处问题，未导入任何数据"
    assert _counts() == before


def test_the_import_command_lists_every_problem_and_exits_non_zero_on_a_bad_workbook(market_department, tmp_path):
    make_theme("kbqy", "开办企业", "enterprise")
    make_item("11519901D00001", department=market_department)
    path = tmp_path / "bad.xlsx"
    path.write_bytes(_edit(_export(), _break))
    stderr = io.StringIO()
    before = _counts()

    with pytest.raises(CommandError) as exc:
        call_command("import_catalog", str(path), stderr=stderr)

    assert exc.value.returncode == 1
    assert "11 处问题，未导入任何数据" in str(exc.value)
    lines = stderr.getvalue().splitlines()
    assert len(lines) == 11
    assert (
        lines[0]
        == "工作表「事项」第2行「办件类型」列：「办件类型」的值「急办件」无效，可选：即办件、承诺件、联办件、上报件"
    )
    assert _counts() == before


def test_the_commands_export_and_dry_run_import_with_a_chinese_summary(catalog, tmp_path):
    path = tmp_path / "catalog.xlsx"
    stdout = io.StringIO()
    call_command("export_catalog", str(path), stdout=stdout)
    assert stdout.getvalue().strip() == f"已导出 5 个事项到 {path}"
    _wipe_catalog()

    stdout = io.StringIO()
    call_command("import_catalog", str(path), "--dry-run", stdout=stdout)

    assert stdout.getvalue().strip() == (
        "校验通过（试运行，未写入任何数据）：共5个事项：新建5个，更新0个，未变化0个，发布4个"
    )
    assert not ServiceItem.objects.exists()


def test_the_export_command_can_limit_the_workbook_to_some_departments(catalog, tmp_path):
    path = tmp_path / "housing.xlsx"
    call_command("export_catalog", str(path), "--department", "QCZJJ", stdout=io.StringIO())
    rows = _cells(path.read_bytes())["事项"]
    assert [row[0] for row in rows[1:]] == ["11519901B00001"]


def test_choice_columns_accept_codes_as_well_as_labels(market_department):
    make_item("11519901E00001", department=market_department)

    def codes(book: Workbook) -> None:
        _set(book, "事项", 2, "法定时限单位", "working_days")
        _set(book, "事项", 2, "网办深度", 3)
        _set(book, "事项", 2, "服务对象", "enterprise")
        _set(book, "事项", 2, "进驻大厅", "TRUE")
        _set(book, "事项", 2, "法定办结时限", "20")
        _set(book, "申请材料", 2, "必要性", "required")
        _set(book, "办理环节", 3, "办理角色", "approver")

    report = _import(_edit(_export(), codes))

    assert report.unchanged == 1


def test_child_rows_keep_the_order_of_the_sheet(market_department):
    item = make_item("11519901F00001", department=market_department)

    def swap(book: Workbook) -> None:
        ws = book["申请材料"]
        first, second = list(ws.iter_rows(min_row=2, max_row=3, values_only=True))
        for column, value in enumerate(second, start=1):
            ws.cell(row=2, column=column, value=value)
        for column, value in enumerate(first, start=1):
            ws.cell(row=3, column=column, value=value)

    _import(_edit(_export(), swap))

    item.refresh_from_db()
    assert [m.name for m in item.current_version.materials.all()] == ["授权委托书", "食品经营许可申请书"]


def test_a_new_item_marked_suspended_is_published_then_suspended_with_the_import_as_reason(market_department):
    make_item("11519901G00001", department=market_department)
    data = _edit(
        _export(),
        lambda book: _copy_row(book, "事项", 2, 3, 实施编码="11519901G00002", 状态="已暂停"),
    )

    report = _import(data)

    assert (report.created, report.unchanged, report.published) == (1, 1, 1)
    item = ServiceItem.objects.get(code="11519901G00002")
    assert item.status == ServiceItem.Status.SUSPENDED
    assert item.current_version.number == 1
    last = AuditEntry.objects.filter(object_id=str(item.pk)).order_by("seq").last()
    assert (last.action, last.changes["reason"]) == ("catalog.item.suspended", "Excel导入")


def test_marking_a_published_item_as_draft_saves_the_change_as_a_draft_without_publishing(market_department):
    item = make_item("11519901H00001", department=market_department)

    def edit(book: Workbook) -> None:
        _set(book, "事项", 2, "状态", "草稿")
        _set(book, "事项", 2, "承诺办结时限", 4)

    report = _import(_edit(_export(), edit))

    assert (report.updated, report.published) == (1, 0)
    item.refresh_from_db()
    assert item.status == ServiceItem.Status.PUBLISHED
    assert item.current_version.promised_limit == 5
    assert item.versions.get(state=ItemVersion.State.DRAFT).promised_limit == 4


def test_without_publishing_the_import_only_saves_drafts(market_department):
    make_item("11519901J00001", department=market_department)
    data = _edit(_export(), lambda book: _copy_row(book, "事项", 2, 3, 实施编码="11519901J00002"))

    report = _import(data, publish=False)

    assert (report.created, report.published) == (1, 0)
    item = ServiceItem.objects.get(code="11519901J00002")
    assert item.status == ServiceItem.Status.DRAFT
    assert item.current_version is None


def test_a_dry_run_reports_what_would_change_and_writes_nothing(market_department):
    make_item("11519901K00001", department=market_department)
    data = _edit(_export(), lambda book: _set(book, "事项", 2, "承诺办结时限", 4))
    before = _counts()

    report = _import(data, dry_run=True)

    assert (report.updated, report.published) == (1, 1)
    assert _counts() == before


def test_a_published_item_cannot_move_to_another_department(market_department, housing_department):
    make_item("11519901L00001", department=market_department)
    data = _edit(_export(), lambda book: _set(book, "事项", 2, "实施部门编码", housing_department.code))

    with pytest.raises(ValidationFailed) as exc:
        _import(data)

    assert [(p.row, p.column, p.code) for p in exc.value.problems] == [(2, "实施部门编码", "identity_frozen")]


def test_a_cancelled_item_cannot_be_changed_by_the_import(market_department):
    item = make_item("11519901M00001", department=market_department)
    services.change_status(item=item, move="cancel", reason="取消", actor=ACTOR)
    data = _edit(_export(), lambda book: _set(book, "事项", 2, "状态", "已发布"))

    with pytest.raises(ValidationFailed) as exc:
        _import(data)

    assert [(p.row, p.column, p.code) for p in exc.value.problems] == [(2, "状态", "item_cancelled")]


def test_a_missing_sheet_and_a_file_that_is_no_workbook_are_refused(market_department):
    make_item("11519901N00001", department=market_department)
    data = _edit(_export(), lambda book: book.remove(book["常见问题"]))

    with pytest.raises(ValidationFailed) as exc:
        _import(data)
    assert [(p.sheet, p.row, p.code) for p in exc.value.problems] == [("常见问题", None, "missing_sheet")]

    with pytest.raises(ValidationFailed) as exc:
        _import(b"not a workbook")
    assert exc.value.code == "bad_file"


def test_the_instructions_sheet_documents_every_column_of_every_sheet():
    cells = _cells(_export())
    described = {(row[0], row[1]) for row in cells["说明"][1:] if row[1]}
    for title, rows in cells.items():
        if title != "说明":
            assert {(title, header) for header in rows[0]} <= described
    assert (
        "事项",
        "承诺时限单位",
        "否",
        "选项（填名称或代码）",
        "工作日（working_days）、自然日（natural_days）、小时（hours）",
    ) in {row[:5] for row in cells["说明"]}


def test_the_import_reads_a_workbook_from_a_path(market_department, tmp_path: Path):
    make_item("11519901P00001", department=market_department)
    path = tmp_path / "catalog.xlsx"
    assert workbook.export_workbook(path) == 1

    report = workbook.import_workbook(path, actor=ACTOR)

    assert report.items == ["11519901P00001"]


def test_columns_may_come_in_any_order_and_an_uploaded_file_is_read_like_any_other(market_department):
    make_item("11519901Q00001", department=market_department)

    def swap(book: Workbook) -> None:
        ws = book["常见问题"]
        for row in ws.iter_rows():
            row[1].value, row[2].value = row[2].value, row[1].value

    upload = SimpleUploadedFile("目录.xlsx", _edit(_export(), swap))
    report = workbook.import_workbook(upload, actor=ACTOR)

    assert report.unchanged == 1


def test_publishing_everything_also_publishes_the_rows_marked_draft(market_department):
    make_item("11519901R00001", department=market_department, publish=False)

    report = _import(_export(), publish=True)

    assert (report.updated, report.published) == (1, 1)
    assert ServiceItem.objects.get(code="11519901R00001").status == ServiceItem.Status.PUBLISHED


def test_a_refusal_during_the_writes_rolls_back_the_whole_import(market_department, monkeypatch):
    make_item("11519901S00001", department=market_department)

    def edit(book: Workbook) -> None:
        _copy_row(book, "事项", 2, 3, 实施编码="11519901S00002")
        _set(book, "事项", 2, "承诺办结时限", 4)

    data = _edit(_export(), edit)
    before = _counts()
    publish_draft = services.publish_draft

    def raced(*, item, actor):
        # Another manager got there between the checks and the writes.
        if item.code == "11519901S00002":
            raise Conflict("事项已被他人修改，请重新导出", code="conflict")
        return publish_draft(item=item, actor=actor)

    monkeypatch.setattr(services, "publish_draft", raced)

    with pytest.raises(ValidationFailed) as exc:
        _import(data)

    assert [(p.sheet, p.row, p.column, p.code) for p in exc.value.problems] == [("事项", 3, "状态", "conflict")]
    assert _counts() == before
