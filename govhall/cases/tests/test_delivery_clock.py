"""Art. 44: a licence granted is issued and delivered within 10 working days of the decision; the window's work
list shows what waits at the windows of a center, the nearest legal deadline first."""

import datetime as dt

import pytest
from django.apps import apps as django_apps

from govhall.cases import clock, selectors, services
from govhall.cases.models import Case, CaseEvent
from govhall.cases.tests.conftest import as_actor, intake_for
from govhall.core import calendar_services, workdays
from govhall.core.actors import system_actor
from govhall.core.models import AuditEntry
from govhall.org.models import Center, Role
from govhall.testing.factories import CenterFactory, make_item, make_staff

pytestmark = pytest.mark.django_db
D = dt.date


def _decided(item, center, clerk_actor, approver_actor, chief_actor, *, on: dt.date, approve: bool = True) -> Case:
    case = services.submit_case(intake=intake_for(item, center), actor=clerk_actor, received_on=on)
    case = services.accept_case(case=case, actor=clerk_actor, on=on)
    services.complete_task(task=case.tasks.get(), opinion="同意", actor=approver_actor)
    return services.decide_case(
        case=case, approve=approve, reason="" if approve else "经营场所不符合要求", actor=chief_actor, on=on
    )


def test_the_delivery_deadline_counts_ten_working_days_from_the_decision_across_national_day():
    cal = workdays.get_calendar()
    # Decided 2026-09-30: Oct 1-7 off, Oct 10 (Saturday) worked: Oct 8, 9, 10, 12 … 20.
    assert clock.delivery_due(cal, D(2026, 9, 30)).date == D(2026, 10, 20)
    assert clock.delivery_due(cal, D(2026, 11, 23)).date == D(2026, 12, 7)


def test_an_approval_sets_the_delivery_deadline_and_the_delivery_says_whether_it_was_in_time(
    food_item, center, clerk_actor, approver_actor, chief_actor
):
    case = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 9, 30))
    assert case.delivery_deadline == D(2026, 10, 20)
    stored = Case.objects.get(pk=case.pk)
    assert (stored.delivery_deadline, stored.delivered_on) == (D(2026, 10, 20), None)
    approved = CaseEvent.objects.get(case=case, action="approved")
    assert approved.data["delivery_deadline"] == "2026-10-20"

    case = services.certify_case(case=case, actor=clerk_actor, on=D(2026, 10, 19))
    case = services.deliver_case(case=case, actor=clerk_actor, on=D(2026, 10, 21))  # one working day late
    stored = Case.objects.get(pk=case.pk)
    assert stored.delivered_on == D(2026, 10, 21)
    assert CaseEvent.objects.get(case=case, action="delivered").data == {
        "in_time": False,
        "method": "直接送达",
        "method_code": "direct",
    }


def test_a_delivery_on_the_last_day_is_in_time(food_item, center, clerk_actor, approver_actor, chief_actor):
    case = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 9, 30))
    case = services.certify_case(case=case, actor=clerk_actor, on=D(2026, 10, 20))
    services.deliver_case(case=case, actor=clerk_actor, on=D(2026, 10, 20))
    assert CaseEvent.objects.get(case=case, action="delivered").data["in_time"] is True


def test_a_denial_has_no_article_44_deadline(food_item, center, clerk_actor, approver_actor, chief_actor):
    case = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 9, 30), approve=False)
    assert Case.objects.get(pk=case.pk).delivery_deadline is None
    case = services.deliver_case(case=case, actor=clerk_actor, on=D(2026, 10, 30))
    stored = Case.objects.get(pk=case.pk)
    assert stored.delivered_on == D(2026, 10, 30)
    assert "in_time" not in CaseEvent.objects.get(case=case, action="delivered").data


def test_the_delivery_clock_turns_yellow_then_red(food_item, center, clerk_actor, approver_actor, chief_actor):
    case = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 9, 30))
    green = selectors.delivery_clock(case, today=D(2026, 10, 8))
    assert (green.light, green.remaining, green.kind) == (clock.Light.GREEN, 9, "delivery")
    yellow = selectors.delivery_clock(case, today=D(2026, 10, 16))  # 2 working days = 20 % of 10 left
    assert (yellow.light, yellow.remaining) == (clock.Light.YELLOW, 2)
    red = selectors.delivery_clock(case, today=D(2026, 10, 21))
    assert (red.light, red.remaining) == (clock.Light.RED, -1)
    # The decision clock has stopped: no light of its own once decided.
    assert selectors.case_clock(case, today=D(2026, 10, 21)).light is None
    case = services.certify_case(case=case, actor=clerk_actor, on=D(2026, 10, 19))
    case = services.deliver_case(case=case, actor=clerk_actor, on=D(2026, 10, 19))
    assert selectors.delivery_clock(case, today=D(2026, 10, 21)).light is None  # delivered: no clock runs


def test_a_delivery_deadline_in_a_year_without_a_schedule_is_provisional_until_it_is_loaded(
    food_item, center, clerk_actor, approver_actor, chief_actor
):
    case = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 12, 28))
    assert case.deadline_provisional is True
    assert case.delivery_deadline == D(2027, 1, 11)  # weekday rule: Jan 1 counted as a working day
    _, _, entries, _ = calendar_services.parse_schedule("2027-01-01,休,元旦\n")
    calendar_services.load_holiday_schedule(
        year=2027, entries=entries, source="国办发明电（测试）", actor=system_actor("admin")
    )
    stored = Case.objects.get(pk=case.pk)
    assert (stored.delivery_deadline, stored.deadline_provisional) == (D(2027, 1, 12), False)
    entry = AuditEntry.objects.get(action="cases.case.deadline_recomputed", object_id=str(case.pk))
    assert entry.changes["delivery_deadline"] == ["2027-01-11", "2027-01-12"]


def test_the_migration_backfills_the_deadline_of_licences_granted_and_the_day_of_deliveries(
    food_item, center, clerk_actor, approver_actor, chief_actor
):
    import importlib

    backfill = importlib.import_module("govhall.cases.migrations.0010_delivery_clock").backfill
    waiting = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 9, 30))
    delivered = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 9, 30))
    delivered = services.certify_case(case=delivered, actor=clerk_actor, on=D(2026, 10, 9))
    delivered = services.deliver_case(case=delivered, actor=clerk_actor, on=D(2026, 10, 9))
    denied = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 9, 30), approve=False)
    Case.objects.update(delivery_deadline=None, delivered_on=None)  # as before the migration
    backfill(django_apps, None)
    rows = dict(Case.objects.values_list("pk", "delivery_deadline"))
    assert rows == {waiting.pk: D(2026, 10, 20), delivered.pk: D(2026, 10, 20), denied.pk: None}
    assert (
        Case.objects.get(pk=delivered.pk).delivered_on
        == CaseEvent.objects.get(case=delivered, action="delivered")
        .at.astimezone(dt.timezone(dt.timedelta(hours=8)))
        .date()
    )
    assert Case.objects.get(pk=waiting.pk).delivered_on is None


# --- the window's work list ------------------------------------------------------------------------------
@pytest.fixture
def township(db):
    county = CenterFactory()
    return Center.objects.create(
        code="QCCG", name="城关镇便民服务中心", level=Center.Level.TOWNSHIP, parent=county, region=county.region
    )


def test_the_work_list_shows_each_tab_the_nearest_legal_deadline_first(
    food_item, center, clerk, clerk_actor, approver_actor, chief_actor
):
    today = D(2026, 11, 23)
    filing = make_item("11519901FILING", department=food_item.department, result_type="其他", result_name="备案回执")
    late = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 11, 2))
    soon = _decided(filing, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 11, 16))
    denied = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 11, 20), approve=False)
    waiting = services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor, received_on=D(2026, 11, 19))
    asked = services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor, received_on=D(2026, 11, 18))
    asked = services.request_supplement(case=asked, missing=["营业执照复印件"], note="", actor=clerk_actor)

    counts = selectors.window_counts(clerk)
    assert counts == {"intake": 1, "supplement": 1, "result": 3, "close": 0}

    rows = selectors.window_work(clerk, tab="result", today=today)
    assert [r.case.pk for r in rows] == [late.pk, soon.pk, denied.pk]  # by delivery deadline, denials last
    assert [r.next_action for r in rows] == ["certify", "deliver", "deliver"]
    assert (rows[0].due, rows[0].clock.light, rows[0].clock.remaining) == (D(2026, 11, 16), clock.Light.RED, -5)
    assert (rows[1].due, rows[1].clock.light) == (D(2026, 11, 30), clock.Light.GREEN)
    assert (rows[2].due, rows[2].clock.light) == (None, None)

    [intake] = selectors.window_work(clerk, tab="intake", today=today)
    # Received Thursday 11-19: a 补正 must be asked for by 11-26 (Art. 32), 3 working days after today.
    assert (intake.case.pk, intake.due, intake.clock.kind) == (waiting.pk, D(2026, 11, 26), "notice")
    assert (intake.clock.light, intake.clock.remaining, intake.next_action) == (clock.Light.GREEN, 3, "accept")
    [supplement] = selectors.window_work(clerk, tab="supplement", today=today)
    assert (supplement.case.pk, supplement.next_action, supplement.due) == (asked.pk, "await", None)

    # Back from 补正: no longer deemed accepted on a day (Art. 32 was met by the notice), so no notice deadline.
    back = services.resubmit_case(case=asked, received=[], actor=clerk_actor)
    rows = selectors.window_work(clerk, tab="intake", today=today)
    assert {r.case.pk: (r.due, r.clock.light) for r in rows}[back.pk] == (None, None)

    late = services.certify_case(case=late, actor=clerk_actor, on=today)
    services.deliver_case(case=late, actor=clerk_actor, on=today)
    [delivered] = selectors.window_work(clerk, tab="close", today=today)
    assert (delivered.case.pk, delivered.case.delivered_on, delivered.next_action) == (late.pk, today, "close")


def test_the_work_list_is_the_clerks_center_and_departments_and_the_managers_centers(
    food_item, center, township, clerk, clerk_actor, other_department_clerk, housing_department
):
    here = services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor)
    township_clerk = make_staff("town_clerk", Role.WINDOW_CLERK, center=township)
    township_clerk.staff.windows.set(clerk.staff.windows.all())
    there = services.submit_case(
        intake=intake_for(food_item, township), actor=as_actor(township_clerk, Role.WINDOW_CLERK)
    )
    assert [r.case.pk for r in selectors.window_work(clerk, tab="intake", today=D(2026, 11, 23))] == [here.pk]
    assert [r.case.pk for r in selectors.window_work(township_clerk, tab="intake", today=D(2026, 11, 23))] == [there.pk]
    assert selectors.window_counts(other_department_clerk)["intake"] == 0  # another department's window
    county_manager = make_staff("county_manager", Role.CENTER_MANAGER, center=center)
    town_manager = make_staff("town_manager", Role.CENTER_MANAGER, center=township)
    assert selectors.window_counts(county_manager)["intake"] == 2  # his center and the one below it
    assert selectors.window_counts(town_manager)["intake"] == 1


def test_the_search_finds_licences_awaiting_delivery_and_those_past_their_deadline(
    food_item, center, clerk_actor, approver_actor, chief_actor
):
    today = D(2026, 11, 23)
    overdue = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 11, 2))  # due 11-16
    waiting = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 11, 16))  # due 11-30
    late = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 10, 12))  # due 10-26
    late = services.certify_case(case=late, actor=clerk_actor, on=D(2026, 10, 27))
    services.deliver_case(case=late, actor=clerk_actor, on=D(2026, 10, 27))
    in_time = _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 10, 12))
    in_time = services.certify_case(case=in_time, actor=clerk_actor, on=D(2026, 10, 26))
    services.deliver_case(case=in_time, actor=clerk_actor, on=D(2026, 10, 26))
    _decided(food_item, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 11, 2), approve=False)

    def found(delivery: str) -> set[int]:
        filters = selectors.CaseFilters(delivery=delivery)
        return set(selectors.search_cases(None, filters, today=today).values_list("pk", flat=True))

    assert found("pending") == {overdue.pk, waiting.pk}
    assert found("late") == {overdue.pk, late.pk}
    assert len(found("")) == 5


def test_only_a_licence_granted_has_the_article_44_deadline(
    market_department, center, clerk_actor, approver_actor, chief_actor
):
    confirmation = make_item("11519901FIRE", department=market_department, item_type="行政确认", name="火灾事故认定")
    case = _decided(confirmation, center, clerk_actor, approver_actor, chief_actor, on=D(2026, 9, 30))
    assert case.status == "approved" and Case.objects.get(pk=case.pk).delivery_deadline is None
    assert "delivery_deadline" not in CaseEvent.objects.get(case=case, action="approved").data
    assert selectors.delivery_clock(case, today=D(2026, 11, 23)).light is None


def test_the_work_lists_tabs_are_the_statuses_its_index_covers():
    from govhall.cases.models import WINDOW_STATUSES

    tabbed = [s for tab in selectors.WINDOW_TABS for s in tab.statuses]
    assert sorted(tabbed) == sorted(WINDOW_STATUSES) and len(set(tabbed)) == len(tabbed)
