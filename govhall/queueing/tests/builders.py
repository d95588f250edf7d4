"""The hall used by the queue, evaluation and API tests: one center, two windows, two categories."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from govhall.core.actors import Actor
from govhall.org.models import Center, Role, Window
from govhall.queueing import services
from govhall.queueing.models import Category, Priority, Source, Ticket
from govhall.testing.factories import WindowFactory, make_staff

# A Tuesday in term time (2026-03-10): a working day in the official calendar.
MORNING = timezone.make_aware(datetime.datetime(2026, 3, 10, 9, 30))
KIOSK = Actor(user=None, role="kiosk:1", client_ip="10.0.0.50")
ELDER_ID = "11010519491231002X"  # born 1949-12-31: 76 on MORNING
YOUNG_ID = "110105199003071239"
TURNS_70_TODAY = "110105195603100015"
TURNS_70_TOMORROW = "110105195603110010"


@dataclass
class Hall:
    center: Center
    window: Window  # 01, the clerk's: serves A
    window2: Window  # 02, the second clerk's: serves A and B
    a: Category
    b: Category
    clerk: Any
    clerk2: Any
    actor: Actor
    actor2: Actor
    manager_actor: Actor

    def at(self, minutes: float) -> datetime.datetime:
        return MORNING + datetime.timedelta(minutes=minutes)

    def take(
        self, category: Category | None = None, *, minutes: float = 0, priority: str = Priority.NONE, **kw: Any
    ) -> Ticket:
        return services.take_ticket(
            category=category or self.a, actor=KIOSK, priority=priority, now=self.at(minutes), **kw
        ).ticket

    def call(self, window: Window | None = None, *, minutes: float = 0) -> Ticket:
        window = window or self.window
        actor = self.actor if window == self.window else self.actor2
        return services.call_next(window=window, actor=actor, now=self.at(minutes))

    def serve(self, ticket: Ticket, *, minutes: float) -> Ticket:
        window = self.window if ticket.window_id == self.window.pk else self.window2
        actor = self.actor if window == self.window else self.actor2
        return services.start_serving(ticket=ticket, window=window, actor=actor, now=self.at(minutes))

    def finish(self, ticket: Ticket, *, minutes: float, cases: Any = ()) -> Ticket:
        window = self.window if ticket.window_id == self.window.pk else self.window2
        actor = self.actor if window == self.window else self.actor2
        return services.finish(ticket=ticket, window=window, actor=actor, cases=cases, now=self.at(minutes))


def build_hall(*, clerk: Any, window: Window) -> Hall:
    center = window.center
    window2 = WindowFactory(center=center, number="02", name="综合受理窗口2")
    clerk2 = make_staff("clerk2", Role.WINDOW_CLERK, windows=[window2], center=center)
    manager = make_staff("hallmanager", Role.CENTER_MANAGER, center=center)
    manager_actor = Actor(user=manager, role=Role.CENTER_MANAGER)
    a = services.save_category(
        center=center, actor=manager_actor, series="A", name="企业开办", windows=[window, window2]
    )
    b = services.save_category(center=center, actor=manager_actor, series="B", name="社会事务", windows=[window2])
    return Hall(
        center=center,
        window=window,
        window2=window2,
        a=a,
        b=b,
        clerk=clerk,
        clerk2=clerk2,
        actor=Actor(user=clerk, role=Role.WINDOW_CLERK, client_ip="10.0.0.8"),
        actor2=Actor(user=clerk2, role=Role.WINDOW_CLERK, client_ip="10.0.0.9"),
        manager_actor=manager_actor,
    )


__all__ = [
    "ELDER_ID",
    "KIOSK",
    "MORNING",
    "TURNS_70_TODAY",
    "TURNS_70_TOMORROW",
    "YOUNG_ID",
    "Hall",
    "Source",
    "build_hall",
]
