"""Writes sent together: on PostgreSQL in one round trip (data-modifying CTEs), elsewhere one after another.

A case action writes the case row, its timeline event and its audit entry; none needs the others' results, so
on PostgreSQL they go as one statement::

    WITH w0 AS (UPDATE cases_case …), w1 AS (INSERT INTO cases_caseevent …) INSERT INTO core_auditentry … RETURNING id

All of them run in the caller's transaction, whatever the last one returns (an ``ON CONFLICT DO NOTHING`` that
skips does not undo the others). Statements must touch different rows: one statement may not update a row twice.
The SQL is built from the model's fields once per model; values go through the fields' own ``get_db_prep_save``,
except those already of the type PostgreSQL takes (``_prepare``).

An optimistic write (``update(expect=…)``, ``run_guarded``) is one such statement whose first part is a conditional
UPDATE (the case at the revision the caller read): if that matched no row, the statement fails on purpose and
writes nothing (``Stale``); so does a unique key it hits. Outside a transaction it commits by itself.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from django.db import DataError, IntegrityError, connections, models
from django.db.models import signals
from django.db.models.base import ModelState

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class Statement:
    sql: str
    params: list[Any]


@cache
def _fields(model: type[models.Model]) -> tuple[models.Field[Any, Any], ...]:
    return tuple(f for f in model._meta.concrete_fields if not f.primary_key)


def _quote(name: str | None) -> str:
    assert name
    return '"' + name.replace('"', '""') + '"'


GUARD = "w0"  # the name of a batch's first statement: the guard of an optimistic batch
_STALE = "govhall-stale"  # in the error an optimistic batch raises on purpose when its guard matched nothing


class Stale(Exception):
    """An optimistic batch wrote nothing: the row it was guarded by changed, or a unique key (an audit chain's next
    entry) was taken meanwhile. The caller runs the action again on the locked row."""


@cache
def _insert_sql(model: type[models.Model], conflict: str, returning: bool, with_key: bool = False) -> str:
    fields = model._meta.concrete_fields if with_key else _fields(model)
    columns = ", ".join(_quote(f.column) for f in fields)
    values = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {_quote(model._meta.db_table)} ({columns}) VALUES ({values})"
    if conflict:
        sql += f" ON CONFLICT ({', '.join(_quote(c) for c in conflict.split(','))}) DO NOTHING"
    if returning:
        sql += f" RETURNING {_quote(model._meta.pk.column)}"  # type: ignore[union-attr]
    return sql


# Fields whose ``get_db_prep_save`` gives a value of these exact types back unchanged on PostgreSQL (psycopg adapts
# them itself): such values are sent as they are, the rest go through the field (JSON, IP addresses, files, auto_now).
_AS_IS: dict[type[models.Field[Any, Any]], tuple[type, ...]] = {
    models.CharField: (str,),
    models.TextField: (str,),
    models.BooleanField: (bool,),
    models.IntegerField: (int,),
    models.SmallIntegerField: (int,),
    models.BigIntegerField: (int,),
    models.PositiveIntegerField: (int,),
    models.PositiveSmallIntegerField: (int,),
    models.AutoField: (int,),
    models.BigAutoField: (int,),
    models.ForeignKey: (int,),
    models.DateField: (datetime.date,),
    models.DateTimeField: (datetime.datetime,),  # aware only (see _prepare)
}


# Per field: its attribute, the value types sent as they are, the field.
Plan = tuple[tuple[str, tuple[type, ...], "models.Field[Any, Any]"], ...]


def _plan(fields: tuple[models.Field[Any, Any], ...], vendor: str) -> Plan:
    """For each field: its attribute and the value types sent as they are (none but on PostgreSQL; none for a date
    set on save, ``auto_now``)."""
    plan = []
    for f in fields:
        types: tuple[type, ...] = ()
        if vendor == "postgresql" and not getattr(f, "auto_now", False) and not getattr(f, "auto_now_add", False):
            types = _AS_IS.get(type(f), ())
        plan.append((f.attname, types, f))
    return tuple(plan)


@cache
def _insert_plan(model: type[models.Model], with_key: bool, vendor: str) -> Plan:
    """The plan of an INSERT's values, looked up by the model (a tuple of fields as a key is hashed field by field on
    every lookup, and every action writes several rows)."""
    return _plan(tuple(model._meta.concrete_fields) if with_key else _fields(model), vendor)


@cache
def _update_plan(model: type[models.Model], names: tuple[str, ...], vendor: str) -> Plan:
    return _plan(_named(model, names), vendor)


_MISSING = object()


def _prepare(instance: models.Model, plan: Plan, add: bool, connection: Any) -> list[Any]:
    """The values of ``fields`` of ``instance`` as ``field.get_db_prep_save(field.pre_save(…))`` gives them, without
    the field's round of conversions where the value is already what the database takes (every write of an action
    prepares some fifty values)."""
    values = instance.__dict__
    prepared: list[Any] = []
    for attname, types, f in plan:
        v = values.get(attname, _MISSING)
        if v is None and types:
            prepared.append(None)
        elif type(v) in types and (type(v) is not datetime.datetime or v.tzinfo is not None):
            prepared.append(v)
        elif types and isinstance(v, enum.Enum) and type(v._value_) in types:
            prepared.append(v._value_)  # a choice (TextChoices): the value it stands for, as the field stores it
        else:
            prepared.append(f.get_db_prep_save(f.pre_save(instance, add), connection))
    return prepared


def insert(
    instance: models.Model,
    *,
    conflict: str = "",
    returning: bool = False,
    using: str = "default",
    with_key: bool = False,
) -> Statement:
    """INSERT of ``instance`` (every concrete field but the key; ``auto_now(_add)`` fields are set here).

    ``with_key``: the key too, drawn beforehand from the table's sequence."""
    connection = connections[using]
    model = type(instance)
    plan = _insert_plan(model, with_key, connection.vendor)
    return Statement(_insert_sql(model, conflict, returning, with_key), _prepare(instance, plan, True, connection))


@cache
def _update_sql(
    model: type[models.Model], names: tuple[str, ...], expect: tuple[str, ...] = (), condition: str = ""
) -> str:
    fields = [model._meta.get_field(n) for n in names]
    sets = ", ".join(f"{_quote(f.column)} = %s" for f in fields)  # type: ignore[union-attr]
    pk = model._meta.pk.column  # type: ignore[union-attr]
    sql = f"UPDATE {_quote(model._meta.db_table)} SET {sets} WHERE {_quote(pk)} = %s"
    for name in expect:
        sql += f" AND {_quote(model._meta.get_field(name).column)} = %s"  # type: ignore[union-attr]
    if condition:
        sql += f" AND {condition}"
    return sql + " RETURNING 1" if expect or condition else sql


def update(
    instance: models.Model,
    names: Sequence[str],
    *,
    using: str = "default",
    expect: Mapping[str, Any] | None = None,
    condition: Statement | None = None,
) -> Statement:
    """UPDATE of the named fields of ``instance`` by its key (``auto_now`` fields named are set here).

    ``expect`` and ``condition`` (an SQL condition on the row with its parameters) make it a guard: only where these
    columns still hold these values and the condition holds; it then returns a row if it matched."""
    connection = connections[using]
    model = type(instance)
    names = tuple(names)
    params = _prepare(instance, _update_plan(model, names, connection.vendor), False, connection)
    expected = dict(expect or {})
    sql = _update_sql(model, names, tuple(expected), condition.sql if condition else "")
    return Statement(sql, [*params, instance.pk, *expected.values(), *(condition.params if condition else ())])


@cache
def _named(model: type[models.Model], names: tuple[str, ...]) -> tuple[models.Field[Any, Any], ...]:
    return tuple(model._meta.get_field(n) for n in names)  # type: ignore[misc]


def run(statements: Sequence[Statement], *, using: str = "default") -> list[tuple[Any, ...]]:
    """Execute ``statements`` in order; the rows the last one returns (``[]`` when it returns none)."""
    if not statements:
        return []
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and len(statements) > 1:
            *first, last = statements
            ctes = ", ".join(f"w{i} AS ({s.sql})" for i, s in enumerate(first))
            params = [p for s in statements for p in s.params]
            cursor.execute(f"WITH {ctes} {last.sql}", params)
        else:
            for s in statements:
                cursor.execute(s.sql, s.params)
        return list(cursor.fetchall()) if cursor.description else []


def run_guarded(
    statements: Sequence[Statement], *, fetch: Sequence[int] = (), using: str = "default"
) -> tuple[Any, ...]:
    """Run an optimistic batch (PostgreSQL) as one statement; the first value returned by each statement numbered in
    ``fetch`` (e.g. the key of an inserted row).

    Its first statement is the guard (``update(expect=…)``). If that matched no row, the statement fails on purpose
    (a cast of a marker that cannot be a number), so none of its writes stays; a unique key hit fails it the same
    way. Both raise ``Stale``. Outside a transaction the statement commits by itself: one round trip for the whole
    action; inside one, the caller's transaction is then aborted and must be rolled back (leave its atomic block)."""
    connection = connections[using]
    assert connection.vendor == "postgresql", "optimistic batches are PostgreSQL only"
    ctes = ", ".join(f"w{i} AS ({s.sql})" for i, s in enumerate(statements))
    values = "".join(f", (SELECT * FROM w{i} LIMIT 1)" for i in fetch)
    # Not a constant (PostgreSQL folds constants while planning, whatever the CASE): the count is part of it.
    check = f"CASE WHEN count(*) = 0 THEN CAST('{_STALE}' || count(*) AS integer) ELSE count(*) END"
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH {ctes} SELECT {check}{values} FROM {GUARD}", [p for s in statements for p in s.params]
            )
            row = cursor.fetchone()
    except IntegrityError as exc:
        raise Stale(str(exc)) from exc
    except DataError as exc:
        if _STALE in str(exc):
            raise Stale("guard matched no row") from exc
        raise
    return tuple(row[1:])


def insert_returning_pk(instance: models.Model, *, using: str = "default") -> models.Model:
    """INSERT ``instance`` now and give it its key, as ``save(force_insert=True)`` would, without the ORM's
    query compiler (no signals: the models written this way have none)."""
    [(pk,)] = run([insert(instance, returning=True, using=using)], using=using)
    instance.pk = pk
    instance._state.adding = False
    instance._state.db = using
    return instance


def select_for_update(connection_alias: str = "default", of: str = "", skip_locked: bool = False) -> str:
    """The row-lock clause for this database (``FOR UPDATE OF <alias>``, ``SKIP LOCKED`` where asked and known),
    or nothing where rows are not locked (SQLite locks the whole database for the writing transaction)."""
    connection = connections[connection_alias]
    if not connection.features.has_select_for_update:
        return ""
    clause = f" FOR UPDATE OF {of}" if of and connection.features.has_select_for_update_of else " FOR UPDATE"
    if skip_locked and connection.features.has_select_for_update_skip_locked:
        clause += " SKIP LOCKED"
    return clause


def to_datetime(value: Any, *, using: str = "default") -> Any:
    """A datetime read by raw SQL as the ORM would give it (SQLite gives text or a naive datetime)."""
    connection = connections[using]
    convert = getattr(connection.ops, "convert_datetimefield_value", None)
    if value is not None and convert is not None:
        return convert(value, None, connection)
    return value


def fetch_one(sql: str, params: Sequence[Any], *, using: str = "default") -> tuple[Any, ...] | None:
    """The first row of a hand-written read (e.g. a row lock with what the action needs joined in)."""
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return tuple(row) if row is not None else None


def value(model: type[models.Model], name: str, raw: Any, *, using: str = "default") -> Any:
    """``raw`` as the field ``name`` of ``model`` stores it (e.g. an aware datetime on SQLite), for hand-written SQL."""
    field = model._meta.get_field(name)
    return field.get_db_prep_save(raw, connections[using])  # type: ignore[union-attr]


def fetch_all(sql: str, params: Sequence[Any], *, using: str = "default") -> list[tuple[Any, ...]]:
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return [tuple(row) for row in cursor.fetchall()]


def from_row(model: type[M], values: Sequence[Any], *, using: str = "default") -> M:
    """An instance of ``model`` from the values of its concrete fields in declaration order, converted as the ORM
    converts them (JSON, and dates on SQLite), without building a query: the converters are looked up once."""
    connection = connections[using]
    cache: dict[type[models.Model], Any] = connection.__dict__.setdefault("_govhall_converters", {})
    if model not in cache:
        cols = [f.get_col(model._meta.db_table) for f in model._meta.concrete_fields]
        converters = [(connection.ops.get_db_converters(c) + c.get_db_converters(connection), c) for c in cols]
        cache[model] = ([f.attname for f in model._meta.concrete_fields], converters)
    names, plan = cache[model]
    converted = []
    for (converters, col), value in zip(plan, values, strict=True):
        for convert in converters:
            value = convert(value, col, connection)
        converted.append(value)
    if _init_signalled(model):
        return model.from_db(using, names, converted)
    # What from_db builds, without Model.__init__'s round of setattr per field (these reads run for every action).
    instance = model.__new__(model)
    instance.__dict__.update(zip(names, converted, strict=True))
    instance._state = _model_state(using, adding=False)
    return instance


@cache
def _defaults(model: type[models.Model]) -> tuple[tuple[str, models.Field[Any, Any]], ...]:
    return tuple((f.attname, f) for f in model._meta.concrete_fields)


def build(model: type[M], **values: Any) -> M:
    """A new, unsaved instance of ``model`` from the values of its fields by attribute name (``case_id``, not
    ``case``), the others at their defaults: what ``model(**values)`` builds, without its round of descriptors per
    field (every action builds a few such rows: its event, its audit entry)."""
    if _init_signalled(model):
        return model(**values)
    instance = model.__new__(model)
    fields = instance.__dict__
    for attname, f in _defaults(model):
        fields[attname] = values.pop(attname) if attname in values else f.get_default()
    if values:
        raise TypeError(f"{model.__name__} has no field(s) {', '.join(sorted(values))}")
    instance._state = _model_state(None, adding=True)
    return instance


def _model_state(db: str | None, *, adding: bool) -> ModelState:
    state = ModelState()
    state.db, state.adding = db, adding
    return state


def _init_signalled(model: type[models.Model]) -> bool:
    """Whether something listens to the model's instances being built (then only Model.__init__ will do)."""
    return bool(signals.pre_init.has_listeners(model) or signals.post_init.has_listeners(model))


def clone(instance: M) -> M:
    """A shallow copy of a model instance, as ``copy.copy`` makes it (its own state and cache of related objects),
    without the pickling protocol ``copy.copy`` goes through."""
    new = instance.__class__.__new__(instance.__class__)
    values = instance.__dict__.copy()
    state = _model_state(instance._state.db, adding=instance._state.adding)
    state.fields_cache = instance._state.fields_cache.copy()
    values["_state"] = state
    new.__dict__ = values
    return new


def width(model: type[models.Model]) -> int:
    """How many values ``from_row`` takes for ``model``."""
    return len(model._meta.concrete_fields)


def columns(model: type[models.Model], alias: str) -> str:
    """The model's concrete columns as ``alias."column", …``, in the order ``from_row`` takes them."""
    return ", ".join(f"{alias}.{_quote(f.column)}" for f in model._meta.concrete_fields)


def split(row: Sequence[Any], *parts: type[models.Model], using: str = "default") -> tuple[list[Any], Sequence[Any]]:
    """A joined row cut into one instance per model (None where an outer join found nothing), and what follows."""
    instances: list[Any] = []
    for model in parts:
        values, row = row[: width(model)], row[width(model) :]
        instances.append(from_row(model, values, using=using) if values[0] is not None else None)
    return instances, row
