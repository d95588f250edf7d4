import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from govhall.core import audit
from govhall.core.actors import Actor, system_actor
from govhall.core.errors import DomainError
from govhall.core.models import AuditEntry

pytestmark = pytest.mark.django_db
ACTOR = Actor(user=None, role="center_manager", client_ip="10.1.2.3")


def _tamper(sql: str, params: list) -> None:
    """What someone with direct database access could do (bypassing the PostgreSQL trigger as superuser)."""
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SET session_replication_role = replica")
        cur.execute(sql, params)
        if connection.vendor == "postgresql":
            cur.execute("SET session_replication_role = DEFAULT")


def _three_chains() -> list[AuditEntry]:
    entries = []
    for obj_id in (1, 2, 3):
        for step in range(3):
            entries.append(
                audit.record(actor=ACTOR, action="test.thing.changed", obj=("test.thing", obj_id), changes={"n": step})
            )
    return entries


def _verify_exit_code() -> int:
    try:
        call_command("verify_audit")
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_entries_form_one_chain_per_object_with_actor_role_and_address():
    _three_chains()
    chain = list(audit.history(("test.thing", 2)))
    assert [e.seq for e in chain] == [1, 2, 3]
    assert chain[0].prev_hash == "" and chain[1].prev_hash == chain[0].hash
    assert chain[2].actor_role == "center_manager" and chain[2].client_ip == "10.1.2.3"
    assert audit.verify() == []
    assert _verify_exit_code() == 0


def test_verify_reports_the_first_altered_entry():
    entries = _three_chains()
    victim = entries[4]  # thing 2, seq 2
    _tamper("UPDATE core_auditentry SET changes = %s WHERE id = %s", ['{"n": 99}', victim.pk])
    problems = audit.verify()
    assert problems[0].chain == "test.thing:2" and problems[0].seq == 2
    assert "篡改" in problems[0].message
    assert _verify_exit_code() == 1


def test_verify_catches_a_removed_middle_entry():
    entries = _three_chains()
    _tamper("DELETE FROM core_auditentry WHERE id = %s", [entries[1].pk])
    problems = audit.verify()
    assert (problems[0].chain, problems[0].seq) == ("test.thing:1", 2)


def test_the_digest_catches_a_removed_tail_and_a_whole_removed_history():
    entries = _three_chains()
    audit.seal_digest()
    _tamper("DELETE FROM core_auditentry WHERE id = %s", [entries[8].pk])  # tail of thing 3
    _tamper("DELETE FROM core_auditentry WHERE chain = %s", ["test.thing:1"])  # all of thing 1
    problems = {(p.chain, p.seq): p.message for p in audit.verify()}
    assert "全部审计记录已被删除" in problems[("test.thing:1", None)]
    assert "链尾" in problems[("test.thing:3", 3)]
    assert _verify_exit_code() == 1


def test_a_rewritten_chain_with_fresh_hashes_does_not_match_the_key():
    entries = _three_chains()
    forged = entries[0]
    forged.changes = {"n": 42}
    forged_hash = audit.hashlib.sha256(audit._entry_payload(forged)).hexdigest()  # no key: an outsider's hash
    _tamper("UPDATE core_auditentry SET changes = %s, hash = %s WHERE id = %s", ['{"n": 42}', forged_hash, forged.pk])
    assert audit.verify()[0].chain == "test.thing:1"


def test_the_model_refuses_updates_and_deletes():
    entry = audit.record(actor=system_actor(), action="test.x", obj=("test.thing", 9))
    with pytest.raises(DomainError):
        entry.save()
    with pytest.raises(DomainError):
        entry.delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
def test_postgresql_refuses_update_and_delete_of_audit_rows():
    entry = audit.record(actor=system_actor(), action="test.x", obj=("test.thing", 9))
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="forged")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()


def test_values_are_stored_so_that_the_hash_recomputes_after_reading_back():
    import datetime
    import decimal

    entry = audit.record(
        actor=ACTOR,
        action="test.types",
        obj=("test.thing", 5),
        changes={"when": datetime.date(2026, 9, 30), "fee": decimal.Decimal("80.00"), "tags": {"b", "a"}, "中文": "值"},
    )
    reread = AuditEntry.objects.get(pk=entry.pk)
    assert audit.entry_hash(reread) == entry.hash


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises all writers anyway")
@pytest.mark.django_db(transaction=True)
def test_writes_to_two_different_objects_do_not_wait_for_each_other():
    import threading

    from django.db import connections

    holding = threading.Event()
    release = threading.Event()
    finished_b = threading.Event()

    def writer_a() -> None:
        with transaction.atomic():
            audit.record(actor=ACTOR, action="test.a", obj=("test.case", 1))
            holding.set()
            release.wait(10)
        connections.close_all()

    def writer_b() -> None:
        holding.wait(10)
        with transaction.atomic():
            audit.record(actor=ACTOR, action="test.b", obj=("test.case", 2))
        finished_b.set()
        connections.close_all()

    a, b = threading.Thread(target=writer_a), threading.Thread(target=writer_b)
    a.start()
    b.start()
    # B commits while A still holds its transaction open: no global lock on the audit log.
    assert finished_b.wait(5)
    release.set()
    a.join()
    b.join()
    assert AuditEntry.objects.count() == 2


def test_a_known_head_saves_the_read_and_a_moved_head_costs_only_a_retry():
    first = audit.record(actor=ACTOR, action="test.thing.changed", obj=("test.thing", 7), changes={"n": 1})
    head = (first.seq, first.hash)
    # Someone else appends after the head was read (a personal-data reveal, say, without the object's lock).
    audit.record(actor=ACTOR, action="test.thing.read", obj=("test.thing", 7))
    third = audit.record(actor=ACTOR, action="test.thing.changed", obj=("test.thing", 7), changes={"n": 2}, head=head)
    assert third.seq == 3  # not a second seq 2: the stale head lost on the unique constraint and was read again
    fourth = audit.record(actor=ACTOR, action="test.thing.changed", obj=("test.thing", 7), head=(third.seq, third.hash))
    assert [e.action for e in audit.history(("test.thing", 7))] == [
        "test.thing.changed",
        "test.thing.read",
        "test.thing.changed",
        "test.thing.changed",
    ]
    assert fourth.prev_hash == third.hash
    assert audit.verify() == []


def test_writes_sent_along_run_once_even_when_the_entry_is_retried():
    from govhall.core import sqlbatch

    audit.record(actor=ACTOR, action="test.thing.changed", obj=("test.thing", 8))
    side = sqlbatch.Statement("UPDATE core_auditentry SET action = action WHERE 1 = 0", [])  # a harmless write
    along = [sqlbatch.insert(AuditEntry(chain="x", seq=1, action="a", created_at=timezone.now(), hash="h"))]
    entry = audit.record(
        actor=ACTOR, action="test.thing.changed", obj=("test.thing", 8), head=audit.NEW, along=[side, *along]
    )
    assert entry.seq == 2  # the stale head (NEW) was retried ...
    assert AuditEntry.objects.filter(chain="x").count() == 1  # ... and the write sent along ran exactly once
    assert [e.seq for e in audit.history(("test.thing", 8))] == [1, 2]
