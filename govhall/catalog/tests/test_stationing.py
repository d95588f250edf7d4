import pytest

from govhall.catalog.models import ItemStationing
from govhall.catalog.services import set_item_stationing
from govhall.core.actors import system_actor
from govhall.core.audit import history
from govhall.core.errors import ValidationFailed
from govhall.org.models import Center, Window
from govhall.testing.factories import CenterFactory, WindowFactory, make_item

pytestmark = pytest.mark.django_db
ACTOR = system_actor("center_manager")


def test_set_item_stationing_refuses_a_window_of_another_department(
    market_department, market_window, other_department_clerk
):
    item = make_item(department=market_department)
    housing_window = Window.objects.get(number="12")
    with pytest.raises(ValidationFailed) as exc:
        set_item_stationing(
            item=item,
            center=market_window.center,
            moved_in=True,
            authorised=True,
            windows=[market_window, housing_window],
            actor=ACTOR,
        )
    assert exc.value.code == "window_of_other_department"
    assert exc.value.field == "windows"
    assert "12号 建设窗口不受理清川县市场监督管理局的事项" in exc.value.message
    assert not ItemStationing.objects.exists()


def test_set_item_stationing_refuses_a_window_of_another_center(market_department):
    item = make_item(department=market_department)
    township = CenterFactory(code="QC-CG", name="城关镇便民服务中心", level=Center.Level.TOWNSHIP)
    window = WindowFactory(center=township, number="02", name="市场准入和户籍代办窗口")
    window.departments.add(market_department)
    with pytest.raises(ValidationFailed) as exc:
        set_item_stationing(
            item=item, center=CenterFactory(), moved_in=True, authorised=True, windows=[window], actor=ACTOR
        )
    assert exc.value.problems[0].message == "02号 市场准入和户籍代办窗口不属于清川县政务服务中心"


def test_set_item_stationing_records_the_change_on_the_items_history(market_department, market_window):
    item = make_item(department=market_department)
    center = market_window.center
    set_item_stationing(item=item, center=center, moved_in=True, authorised=False, windows=[], actor=ACTOR)
    record = set_item_stationing(
        item=item, center=center, moved_in=True, authorised=True, windows=[market_window], actor=ACTOR
    )
    assert record.authorised and list(record.windows.all()) == [market_window]
    assert ItemStationing.objects.count() == 1
    entry = history(item).last()
    assert entry.action == "catalog.item.stationing_set"
    assert entry.changes == {"center": "QC", "authorised": [False, True], "windows": [[], ["01"]]}
