import pytest

from govhall.catalog.access import access_item, access_item_for_edit, access_item_for_publish
from govhall.core.errors import AccessDenied, NotFound
from govhall.org.access import department_scope, in_scope, require_role
from govhall.org.models import Role
from govhall.testing.factories import make_item

pytestmark = pytest.mark.django_db


def test_a_clerk_acts_for_the_departments_of_his_windows_only(
    clerk, other_department_clerk, market_department, housing_department
):
    assert department_scope(clerk) == {market_department.pk}
    assert in_scope(clerk, market_department.pk)
    assert not in_scope(clerk, housing_department.pk)
    assert department_scope(other_department_clerk) == {housing_department.pk}


def test_an_approver_acts_for_his_department_and_a_manager_for_all(
    approver, manager, market_department, housing_department
):
    assert department_scope(approver) == {market_department.pk}
    assert department_scope(manager) is None
    assert in_scope(manager, housing_department.pk)


def test_require_role_names_the_role_the_actor_acts_in(chief):
    actor = require_role(chief, Role.CENTER_MANAGER, Role.CHIEF_REPRESENTATIVE)
    assert actor.role == Role.CHIEF_REPRESENTATIVE
    with pytest.raises(AccessDenied) as exc:
        require_role(chief, Role.SUPERVISOR)
    assert "效能监督人员" in exc.value.message


def test_a_clerk_is_refused_when_editing_the_catalog(clerk, market_department):
    item = make_item(department=market_department)
    assert access_item(clerk, item.pk) == item
    with pytest.raises(AccessDenied) as exc:
        access_item_for_edit(clerk, item.pk)
    assert exc.value.code == "role_required"


def test_a_chief_representative_edits_only_his_departments_items_and_cannot_publish(
    chief, market_department, housing_department
):
    own = make_item("11519901OWN", department=market_department)
    other = make_item("11519901OTHER", department=housing_department)
    item, actor = access_item_for_edit(chief, own.pk)
    assert item == own
    assert actor.role == Role.CHIEF_REPRESENTATIVE
    with pytest.raises(AccessDenied) as exc:
        access_item_for_edit(chief, other.pk)
    assert exc.value.code == "out_of_scope"
    with pytest.raises(AccessDenied):
        access_item_for_publish(chief, own.pk)


def test_unknown_items_and_anonymous_users_are_refused(manager, django_user_model):
    with pytest.raises(NotFound):
        access_item(manager, 999999)
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(AccessDenied):
        access_item(AnonymousUser(), 1)


def test_a_token_brings_the_departments_of_all_a_clerks_windows_in_its_one_statement(
    django_assert_num_queries, market_department, housing_department
):
    from govhall.accounts.tokens import hash_token, issue_token
    from govhall.org.access import staff_by_token
    from govhall.testing.factories import WindowFactory, make_staff

    first, second = WindowFactory(number="A1"), WindowFactory(number="A2")
    first.departments.add(market_department)
    second.departments.add(market_department, housing_department)
    user = make_staff("two_windows", Role.WINDOW_CLERK, windows=[first, second])
    lone = make_staff("no_window", Role.WINDOW_CLERK)
    _, raw = issue_token(user=user, name="t")
    _, lone_raw = issue_token(user=lone, name="t")
    with django_assert_num_queries(1):
        _token_id, _used, found = staff_by_token(hash_token(raw))
        assert department_scope(found) == {market_department.pk, housing_department.pk}
    with django_assert_num_queries(1):
        _token_id, _used, found = staff_by_token(hash_token(lone_raw))
        assert department_scope(found) == set()
