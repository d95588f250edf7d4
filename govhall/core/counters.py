"""Gapless counters (receipt numbers, document numbers, queue tickets): one row per series, bumped in place."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, connections, models, router, transaction


def increment(model: type[models.Model], **key: Any) -> int:
    """Add one to the ``last`` column of the counter row named by ``key`` (created at 1 on first use).

    Must run inside the transaction that uses the number: the UPDATE holds the row lock until commit, so
    concurrent callers queue here, and a rollback returns the number (no gaps, no duplicates)."""
    return int(increment_with(model, "", **key)[0])


def increment_with(model: type[models.Model], also: str, **key: Any) -> tuple[Any, ...]:
    """``increment``, with the values of the SQL expressions ``also`` (e.g. the next key of the table the numbered
    row goes to) read in the same round trip: ``(last, *also)``."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    columns: dict[str, Any] = {}
    for name, value in key.items():
        field = model._meta.get_field(name)
        assert isinstance(field, models.Field) and field.column
        columns[field.column] = value.pk if isinstance(value, models.Model) else value
    where = " AND ".join(f"{quote(column)} = %s" for column in columns)
    extra = f", {also}" if also else ""
    # UPDATE … RETURNING: the increment and the read in one round trip.
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(model._meta.db_table)} SET last = last + 1 WHERE {where} RETURNING last{extra}",
            list(columns.values()),
        )
        row = cursor.fetchone()
        if row is None:
            try:
                with transaction.atomic():
                    model._default_manager.create(**key, last=1)
            except IntegrityError:  # a concurrent first use created the row
                return increment_with(model, also, **key)
            if not also:
                return (1,)
            cursor.execute(f"SELECT 1{extra}")
            row = cursor.fetchone()
    return tuple(row)
