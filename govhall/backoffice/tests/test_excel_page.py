import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from govhall.backoffice.tests.builders import workbook_bytes
from govhall.catalog.models import ItemVersion
from govhall.catalog.workbook import ITEMS
from govhall.core.models import AuditEntry
from govhall.testing.factories import make_item

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def food(market_department):
    return make_item("11519901FOOD000001", department=market_department)


def _workbook_with(**changes):
    return SimpleUploadedFile("catalog.xlsx", workbook_bytes(**changes), content_type=XLSX)


def _upload(client, upload, **fields):
    return client.post(reverse("backoffice:excel"), {"workbook": upload, **fields})


def test_the_excel_page_offers_the_download_and_the_upload(client, manager):
    client.force_login(manager)
    page = client.get(reverse("backoffice:excel")).content.decode()
    assert reverse("backoffice:excel_download") in page
    assert "仅校验不导入" in page


def test_the_download_is_the_whole_catalog_as_an_xlsx(client, manager, food):
    client.force_login(manager)
    response = client.get(reverse("backoffice:excel_download"))
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    book = load_workbook(io.BytesIO(response.content))
    codes = [row[0] for row in book[ITEMS].iter_rows(min_row=2, values_only=True)]
    assert codes == [food.code]


def test_a_dry_run_reports_the_changes_and_writes_nothing(client, manager, food):
    client.force_login(manager)
    response = _upload(client, _workbook_with(事项名称="食品经营许可（新办、延续）"), dry_run="on")
    page = response.content.decode()
    assert "校验通过（未导入）" in page
    assert response.context["report"].updated == 1
    assert food.versions.count() == 1
    assert not AuditEntry.objects.filter(action="catalog.item.draft_saved").exists()


def test_an_import_saves_the_change_through_the_services(client, manager, food):
    client.force_login(manager)
    response = _upload(client, _workbook_with(事项名称="食品经营许可（新办、延续）"), publish="none")
    assert "导入完成" in response.content.decode()
    draft = food.versions.get(state=ItemVersion.State.DRAFT)
    assert draft.name == "食品经营许可（新办、延续）"
    assert AuditEntry.objects.get(action="catalog.item.draft_saved").actor_role == "center_manager"


def test_a_workbook_with_problems_is_listed_by_sheet_row_and_column(client, manager, food):
    client.force_login(manager)
    response = _upload(client, _workbook_with(承诺办结时限=99, 办件类型="加急件"))
    problems = response.context["problems"]
    assert [(p.sheet, p.row, p.column) for p in problems] == [(ITEMS, 2, "办件类型"), (ITEMS, 2, "承诺办结时限")]
    page = response.content.decode()
    assert "发现 2 处问题，未导入任何内容" in page
    assert "「办件类型」的值「加急件」无效" in page
    assert "<th>工作表</th><th>行</th><th>列</th><th>问题</th>" in page
    assert food.versions.count() == 1


def test_a_file_that_is_not_a_workbook_is_refused_in_chinese(client, manager):
    client.force_login(manager)
    response = _upload(client, SimpleUploadedFile("catalog.xlsx", b"not a workbook", content_type=XLSX))
    assert "无法读取该文件" in response.content.decode()
