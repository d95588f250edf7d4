import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from govhall.core import sqlbatch
from govhall.core.models import AuditEntry
from govhall.org.models import Department

pytestmark = pytest.mark.django_db


def _entry(chain: str, seq: int) -> AuditEntry:
    return AuditEntry(chain=chain, seq=seq, action="t", changes={"k": [1, "二"]}, created_at=timezone.now(), hash="h")


def test_writes_run_in_order_and_the_last_ones_rows_come_back():
    with CaptureQueriesContext(connection) as queries:
        rows = sqlbatch.run(
            [
                sqlbatch.insert(_entry("a", 1)),
                sqlbatch.insert(_entry("b", 1)),
                sqlbatch.insert(_entry("c", 1), returning=True),
            ]
        )
    assert len(queries) == (1 if connection.vendor == "postgresql" else 3)  # one round trip on PostgreSQL
    [(pk,)] = rows
    assert AuditEntry.objects.get(pk=pk).chain == "c"
    assert set(AuditEntry.objects.values_list("chain", flat=True)) == {"a", "b", "c"}
    assert AuditEntry.objects.get(chain="b").changes == {"k": [1, "二"]}  # JSON through the field's own adapter


def test_a_conflict_skipped_by_the_last_statement_does_not_undo_the_others():
    sqlbatch.run([sqlbatch.insert(_entry("a", 1))])
    rows = sqlbatch.run(
        [sqlbatch.insert(_entry("b", 1)), sqlbatch.insert(_entry("a", 1), conflict="chain,seq", returning=True)]
    )
    assert rows == []
    assert sorted(AuditEntry.objects.values_list("chain", flat=True)) == ["a", "b"]


def test_update_writes_the_named_fields_only_and_insert_returning_pk_sets_the_key():
    department = sqlbatch.insert_returning_pk(Department(code="T01", name="测试局"))
    assert department.pk and not department._state.adding
    department.name, department.short_name = "测试局（新）", "not written"
    sqlbatch.run([sqlbatch.update(department, ["name"])])
    stored = Department.objects.get(pk=department.pk)
    assert (stored.code, stored.name, stored.short_name) == ("T01", "测试局（新）", "")


def test_rows_read_by_hand_come_back_as_the_orm_gives_them():
    entry = sqlbatch.insert_returning_pk(_entry("a", 1))
    columns = ", ".join(f'"{f.column}"' for f in AuditEntry._meta.concrete_fields)
    row = sqlbatch.fetch_one(f'SELECT {columns} FROM "core_auditentry" WHERE "id" = %s', [entry.pk])
    assert row is not None
    read = sqlbatch.from_row(AuditEntry, row)
    orm = AuditEntry.objects.get(pk=entry.pk)
    assert (read.created_at, read.changes, read.chain) == (orm.created_at, orm.changes, orm.chain)
    assert read.created_at.tzinfo is not None  # aware, on SQLite too
    [(created_at,)] = sqlbatch.fetch_all('SELECT "created_at" FROM "core_auditentry" WHERE "id" = %s', [entry.pk])
    assert sqlbatch.to_datetime(created_at) == orm.created_at


def test_build_makes_what_the_model_makes_and_refuses_an_unknown_field():
    at = timezone.now()
    values = {"chain": "x:1", "seq": 1, "action": "a", "object_type": "x", "object_id": "1", "created_at": at}
    built, made = sqlbatch.build(AuditEntry, **values), AuditEntry(**values)
    assert {k: v for k, v in built.__dict__.items() if k != "_state"} == {
        k: v for k, v in made.__dict__.items() if k != "_state"
    }
    assert built.changes == {} and built.changes is not made.changes  # a default made afresh, not shared
    assert built._state.adding and built._state.db is None
    with pytest.raises(TypeError, match="nonsense"):
        sqlbatch.build(AuditEntry, nonsense=1)
    built.hash = "h"
    sqlbatch.insert_returning_pk(built)
    assert AuditEntry.objects.get(pk=built.pk).chain == "x:1"
