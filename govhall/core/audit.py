"""The audit log: one hash chain per audited object, sealed periodically by a digest over all chains.

Per-object chains mean two clerks acting on two different cases never wait on one global lock; the
digest catches what a per-object chain alone cannot (an object's whole history removed). See docs/audit.md.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models, router, transaction
from django.utils import timezone
from django.utils.translation import gettext

from govhall.core import sqlbatch
from govhall.core.actors import Actor
from govhall.core.errors import Conflict
from govhall.core.models import AuditDigest, AuditEntry

_RETRIES = 5


def _key() -> bytes:
    return _key_of(getattr(settings, "GOVHALL_AUDIT_KEY", None) or settings.SECRET_KEY)


@functools.cache
def _key_of(secret: str) -> bytes:
    """The HMAC key derived from the configured secret (derived once per secret, not for every entry)."""
    return hashlib.sha256(("govhall-audit:" + secret).encode()).digest()


def jsonable(value: Any) -> Any:
    """Values as they survive a JSON column on every backend (so the hash recomputes identically)."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (float, decimal.Decimal)):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return str(value)


def _entry_payload(entry: AuditEntry) -> bytes:
    fields = [
        entry.chain,
        entry.seq,
        entry.action,
        entry.object_type,
        entry.object_id,
        entry.object_repr,
        entry.actor_id,
        entry.actor_name,
        entry.actor_role,
        entry.client_ip,
        entry.changes,
        entry.created_at.astimezone(datetime.UTC).isoformat(),
        entry.prev_hash,
    ]
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def entry_hash(entry: AuditEntry) -> str:
    return hmac.new(_key(), _entry_payload(entry), hashlib.sha256).hexdigest()


def chain_name(obj: models.Model | tuple[str, Any]) -> tuple[str, str, str]:
    if isinstance(obj, tuple):
        object_type, object_id = obj[0], str(obj[1])
    else:
        object_type, object_id = obj._meta.label_lower, str(obj.pk)
    return f"{object_type}:{object_id}", object_type, object_id


Head = tuple[int, str]  # (seq, hash) of a chain's last entry
NEW: Head = (0, "")  # the head of a chain not yet begun: an object created in this transaction


def record(
    *,
    actor: Actor,
    action: str,
    obj: models.Model | tuple[str, Any],
    changes: Mapping[str, Any] | None = None,
    object_repr: str | None = None,
    head: Head | None = None,
    along: Sequence[sqlbatch.Statement] = (),
) -> AuditEntry:
    """Append one entry to ``obj``'s chain, inside the caller's transaction.

    ``head``: the chain's head as the caller read it (with the object's row lock, see ``head_sql``), to save
    reading it again; a head that moved meanwhile only costs a retry. ``along``: writes of the same action sent
    with the entry in one round trip (``govhall.core.sqlbatch``); they run once, whatever the retries."""
    chain = chain_name(obj)[0]
    pending = list(along)
    for _attempt in range(_RETRIES):
        if head is None:
            last = AuditEntry.objects.filter(chain=chain).order_by("-seq").values_list("seq", "hash").first()
            head = (last[0], last[1]) if last else NEW
        entry = entry_after(head, actor=actor, action=action, obj=obj, changes=changes, object_repr=object_repr)
        # A concurrent writer on the same object takes the same seq; the unique constraint decides, and the
        # loser reads the new head and tries again. ON CONFLICT DO NOTHING instead of a savepoint: one round trip.
        if _insert_unless_taken(entry, pending):
            return entry
        pending, head = [], None
    raise Conflict(gettext("审计日志写入冲突，请重试"), code="audit_contention")


def entry_after(
    head: Head,
    *,
    actor: Actor,
    action: str,
    obj: models.Model | tuple[str, Any],
    changes: Mapping[str, Any] | None = None,
    object_repr: str | None = None,
) -> AuditEntry:
    """The entry that follows ``head`` on ``obj``'s chain, hashed, not yet written (``record`` writes it; an
    optimistic write sends it with ``insert_strict``)."""
    chain, object_type, object_id = chain_name(obj)
    text = object_repr if object_repr is not None else (str(obj) if isinstance(obj, models.Model) else "")
    entry = sqlbatch.build(
        AuditEntry,
        chain=chain,
        seq=head[0] + 1,
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=text[:200],
        actor_id=actor.user_id,
        actor_name=actor.name[:150],
        actor_role=actor.role[:40],
        client_ip=actor.client_ip,
        changes=jsonable(dict(changes or {})),
        created_at=timezone.now(),
        prev_hash=head[1],
    )
    entry.hash = entry_hash(entry)
    return entry


def insert_strict(entry: AuditEntry) -> sqlbatch.Statement:
    """The entry's INSERT in an optimistic batch: with no ON CONFLICT, so a chain that moved since its head was read
    fails the whole batch (``sqlbatch.Stale``)."""
    return sqlbatch.insert(entry, using=router.db_for_write(AuditEntry))


def head_sql(column: str = "") -> str:
    """A scalar subquery for the head of the chain named by its parameter, as ``'seq:hash'`` (NULL for none), to
    read along with a locked row."""
    table = AuditEntry._meta.db_table
    # ``column``: the chain named by a parameter (its object type, e.g. 'cases.case:') and the row's key.
    chain = f"(%s || CAST({column} AS TEXT))" if column else "%s"
    return f"""(SELECT "seq" || ':' || "hash" FROM "{table}" WHERE "chain" = {chain} ORDER BY "seq" DESC LIMIT 1)"""


def parse_head(value: str | None) -> Head:
    if not value:
        return NEW
    seq, _, digest = value.partition(":")
    return int(seq), digest


def _insert_unless_taken(entry: AuditEntry, along: Sequence[sqlbatch.Statement] = ()) -> bool:
    using = router.db_for_write(AuditEntry)
    own = sqlbatch.insert(entry, conflict="chain,seq", returning=True, using=using)
    rows = sqlbatch.run([*along, own], using=using)
    if not rows:
        return False
    entry.pk = rows[0][0]
    entry._state.adding = False
    entry._state.db = using
    return True


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Changed fields as {field: [old, new]}."""
    keys = set(before) | set(after)
    return {
        k: [jsonable(before.get(k)), jsonable(after.get(k))]
        for k in sorted(keys)
        if jsonable(before.get(k)) != jsonable(after.get(k))
    }


def history(obj: models.Model | tuple[str, Any]) -> models.QuerySet[AuditEntry]:
    chain, _, _ = chain_name(obj)
    return AuditEntry.objects.filter(chain=chain).order_by("seq")


def _chain_heads() -> dict[str, list[Any]]:
    heads: dict[str, list[Any]] = {}
    last_seq = AuditEntry.objects.values("chain").annotate(top=models.Max("seq"))
    tops = {row["chain"]: row["top"] for row in last_seq}
    for chain, seq, digest in (
        AuditEntry.objects.filter(seq__gt=0).values_list("chain", "seq", "hash").order_by("chain", "seq").iterator()
    ):
        if tops.get(chain) == seq:
            heads[chain] = [seq, digest]
    return heads


def _digest_hash(created_at: datetime.datetime, heads: Mapping[str, Any], prev_hash: str) -> str:
    payload = json.dumps(
        [created_at.astimezone(datetime.UTC).isoformat(), heads, prev_hash],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    return hmac.new(_key(), payload, hashlib.sha256).hexdigest()


@transaction.atomic
def seal_digest() -> AuditDigest:
    """Record the head of every chain; run periodically (``manage.py audit_digest``)."""
    heads = _chain_heads()
    previous = AuditDigest.objects.order_by("-pk").first()
    digest = AuditDigest(
        created_at=timezone.now(),
        heads=heads,
        chain_count=len(heads),
        entry_count=sum(int(h[0]) for h in heads.values()),
        prev_hash=previous.hash if previous else "",
    )
    digest.hash = _digest_hash(digest.created_at, digest.heads, digest.prev_hash)
    digest.save()
    return digest


@dataclass(frozen=True)
class AuditProblem:
    chain: str
    seq: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.chain}#{self.seq}" if self.seq is not None else self.chain
        return f"{where}: {self.message}"


def verify(entries: Iterable[AuditEntry] | None = None) -> list[AuditProblem]:
    """Recompute every chain and check it against the latest digest. Memory grows with chains, not entries."""
    problems: list[AuditProblem] = []
    prev = ""
    latest_heads: dict[str, list[Any]] = {}
    for digest in AuditDigest.objects.order_by("pk").iterator():
        if digest.prev_hash != prev or _digest_hash(digest.created_at, digest.heads, digest.prev_hash) != digest.hash:
            problems.append(AuditProblem(f"digest:{digest.pk}", None, "审计摘要被篡改或删除"))
            break
        prev = digest.hash
        latest_heads = digest.heads

    found_len: dict[str, int] = {}
    broken: set[str] = set()
    rows = entries if entries is not None else AuditEntry.objects.order_by("chain", "seq").iterator(chunk_size=5000)
    current: str | None = None
    expected_seq, prev_hash = 1, ""
    for entry in rows:
        if entry.chain != current:
            current, expected_seq, prev_hash = entry.chain, 1, ""
        if current in broken:
            continue
        problem = None
        if entry.seq != expected_seq:
            problem = AuditProblem(entry.chain, expected_seq, "条目缺失（链中断）")
        elif entry.prev_hash != prev_hash:
            problem = AuditProblem(entry.chain, entry.seq, "前序哈希不符（条目被修改或删除）")
        elif entry_hash(entry) != entry.hash:
            problem = AuditProblem(entry.chain, entry.seq, "内容哈希不符（条目被篡改）")
        else:
            head = latest_heads.get(entry.chain)
            if head is not None and head[0] == entry.seq and head[1] != entry.hash:
                problem = AuditProblem(entry.chain, entry.seq, "与审计摘要记录不符（链被重写）")
        if problem is not None:
            problems.append(problem)
            broken.add(entry.chain)
            continue
        found_len[entry.chain] = entry.seq
        expected_seq += 1
        prev_hash = entry.hash

    for chain, (seq, _head_hash) in sorted(latest_heads.items()):
        if chain in broken:
            continue
        if chain not in found_len:
            problems.append(AuditProblem(chain, None, "该对象的全部审计记录已被删除"))
        elif found_len[chain] < seq:
            problems.append(AuditProblem(chain, found_len[chain] + 1, "链尾条目被删除"))
    return problems
