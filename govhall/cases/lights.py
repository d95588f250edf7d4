"""Traffic lights (红黄绿灯) of open cases, computed by the database: the same answers as ``clock.light``.

Remaining working days are ``ordinal(promised_deadline) − ordinal(today)`` from core_workdayordinal, so a
light costs one indexed lookup, never a loop over days. Thresholds come from ``LightRule`` (settings
``GOVHALL_LIGHTS``); an item may carry its own rule under ``GOVHALL_LIGHTS["items"][item_code]``.
Open cases not yet accepted have no deadline and so no light.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, models
from django.db.models import F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.expressions import Combinable
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone

from govhall.cases.clock import Light, LightRule
from govhall.cases.models import OPEN_STATUSES, Case
from govhall.catalog.models import ServiceItem
from govhall.core.models import WorkdayOrdinal

OPEN = [s.value for s in OPEN_STATUSES]


def item_rules() -> dict[int, LightRule]:
    """Per-item rules from ``GOVHALL_LIGHTS["items"]`` ({item code: {"yellow_days", "yellow_percent"}})."""
    configured: Mapping[str, Mapping[str, Any]] = getattr(settings, "GOVHALL_LIGHTS", {}).get("items", {})
    if not configured:
        return {}
    base = LightRule.default()
    ids = dict(ServiceItem.objects.filter(code__in=list(configured)).values_list("code", "pk"))
    return {
        ids[code]: LightRule(
            days=int(row.get("yellow_days", base.days)), percent=int(row.get("yellow_percent", base.percent))
        )
        for code, row in configured.items()
        if code in ids
    }


def rule_for(item_id: int, rule: LightRule | None = None, rules: Mapping[int, LightRule] | None = None) -> LightRule:
    """The rule that applies to one item (what ``with_lights`` uses, for the Python side)."""
    rules = item_rules() if rules is None else rules
    return rules.get(item_id) or rule or LightRule.default()


def _threshold(name: str, default: int, rules: Mapping[int, LightRule]) -> Combinable:
    if not rules:
        return Value(default)
    whens = [When(item_id=item_id, then=Value(getattr(r, name))) for item_id, r in sorted(rules.items())]
    return models.Case(*whens, default=Value(default), output_field=IntegerField())


def with_lights(
    queryset: QuerySet[Case] | None = None,
    *,
    today: datetime.date | None = None,
    rule: LightRule | None = None,
    rules: Mapping[int, LightRule] | None = None,
) -> QuerySet[Case]:
    """Open cases with a deadline, annotated with ``remaining_days`` and ``light`` (green/yellow/red)."""
    today = today or timezone.localdate()
    rule = rule or LightRule.default()
    rules = item_rules() if rules is None else rules
    today_ordinal = Subquery(WorkdayOrdinal.objects.filter(day=today).values("ordinal")[:1])
    due_ordinal = Subquery(WorkdayOrdinal.objects.filter(day=OuterRef("promised_deadline")).values("ordinal")[:1])
    qs = queryset if queryset is not None else Case.objects.all()
    days = _threshold("days", rule.days, rules)
    percent = _threshold("percent", rule.percent, rules)
    return (
        qs.filter(status__in=OPEN, promised_deadline__isnull=False)
        .annotate(remaining_days=due_ordinal - today_ordinal)
        .annotate(
            light=models.Case(
                When(promised_deadline__lt=today, then=Value(Light.RED.value)),
                When(
                    Q(remaining_days__lte=days)
                    | LessThanOrEqual(F("remaining_days") * 100, percent * F("promised_limit")),
                    then=Value(Light.YELLOW.value),
                ),
                default=Value(Light.GREEN.value),
            )
        )
    )


def most_urgent(*, today: datetime.date | None = None, limit: int = 20) -> list[Case]:
    """The first page of the supervisor's list: the most overdue first, then the nearest deadlines."""
    # Remaining days grow with the deadline date, so ordering by the (indexed) date orders by urgency.
    return list(with_lights(today=today).order_by("promised_deadline", "pk")[:limit])


@dataclass(frozen=True)
class LightCounts:
    green: int = 0
    yellow: int = 0
    red: int = 0

    @property
    def total(self) -> int:
        return self.green + self.yellow + self.red


def _threshold_sql(name: str, default: int, rules: Mapping[int, LightRule]) -> str:
    # Integers only (from settings and primary keys), never user text: safe to inline.
    if not rules:
        return str(int(default))
    whens = " ".join(f"WHEN {int(i)} THEN {int(getattr(r, name))}" for i, r in sorted(rules.items()))
    return f"(CASE g.item_id {whens} ELSE {int(default)} END)"


def light_counts(
    *, today: datetime.date | None = None, rule: LightRule | None = None, rules: Mapping[int, LightRule] | None = None
) -> LightCounts:
    """Green/yellow/red totals of open cases for dashboards, in one query.

    The cases are first grouped by (deadline, limit): a county has a few thousand such pairs however
    many cases are open, so the ordinal join and the light rule run per group, not per case.
    """
    today = today or timezone.localdate()
    rule = rule or LightRule.default()
    rules = item_rules() if rules is None else rules
    item = ", item_id" if rules else ""
    days, percent = _threshold_sql("days", rule.days, rules), _threshold_sql("percent", rule.percent, rules)
    placeholders = ", ".join(["%s"] * len(OPEN))
    sql = f"""
        SELECT CASE
                 WHEN g.promised_deadline < %s THEN 'red'
                 WHEN w.ordinal - t.ordinal <= {days}
                   OR (w.ordinal - t.ordinal) * 100 <= {percent} * g.promised_limit THEN 'yellow'
                 ELSE 'green'
               END AS light,
               SUM(g.n)
        FROM (
            SELECT promised_deadline, promised_limit{item}, COUNT(*) AS n
            FROM cases_case
            WHERE status IN ({placeholders}) AND promised_deadline IS NOT NULL
            GROUP BY promised_deadline, promised_limit{item}
        ) g
        JOIN core_workdayordinal w ON w.day = g.promised_deadline
        CROSS JOIN (SELECT ordinal FROM core_workdayordinal WHERE day = %s) t
        GROUP BY 1
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [today, *OPEN, today])
        totals = {light: int(n) for light, n in cursor.fetchall()}
    return LightCounts(**totals)
