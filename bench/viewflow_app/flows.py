"""The engine bench's process in viewflow 2 terms.

start (StartHandle, the clerk's submission) → accept → Split → sign_a | sign_b | sign_c → Join → decide →
deliver → close → End. Every human step is a ``flow.View`` task, auto-assigned on creation to the staff member
who does it (``.Assign``), so completing it is one request: viewflow's execute view, here without HTTP
(bench/viewflow_app/cases.py). A Join needs a real lock (viewflow's check viewflow.W001): on PostgreSQL
viewflow recommends ``select_for_update_lock``, a ``SELECT … FOR UPDATE NOWAIT`` on the process row.
"""

from __future__ import annotations

from typing import Any

from viewflow import this
from viewflow.workflow import flow
from viewflow.workflow.flow.views import UpdateProcessView
from viewflow.workflow.lock import select_for_update_lock

from .models import CaseProcess

# node name → the username that does it (bench users, created by cases.setup())
OWNERS = {
    "accept": "vf_clerk",
    "sign_a": "vf_a",
    "sign_b": "vf_b",
    "sign_c": "vf_c",
    "decide": "vf_chief",
    "deliver": "vf_clerk",
    "close": "vf_clerk",
}
_users: dict[str, Any] = {}
# Human tasks as viewflow creates them (an ``onCreate`` hook): the worker's inbox, so that finding the task to
# act on costs no query — the other contenders also keep the case they act on in hand.
created: list[Any] = []


def users() -> dict[str, Any]:
    if not _users:
        from django.contrib.auth import get_user_model

        found = {u.username: u for u in get_user_model().objects.filter(username__startswith="vf_")}
        _users.update({node: found[username] for node, username in OWNERS.items()})
        _users["clerk"] = found["vf_clerk"]
    return _users


def _human(view_fields: list[str]) -> Any:
    return flow.View(UpdateProcessView.as_view(fields=view_fields)).Assign(this.owner).onCreate(this.task_created)


class CountersignFlow(flow.Flow):
    """Accept, countersign by three departments, decide, deliver, close."""

    process_class = CaseProcess
    lock_impl = select_for_update_lock

    start = flow.StartHandle(this.start_case).Next(this.accept)
    accept = _human(["stage"]).Next(this.split)
    split = flow.Split().Next(this.sign_a).Next(this.sign_b).Next(this.sign_c)
    sign_a = _human(["stage"]).Next(this.join)
    sign_b = _human(["stage"]).Next(this.join)
    sign_c = _human(["stage"]).Next(this.join)
    join = flow.Join().Next(this.decide)
    decide = _human(["stage", "approved"]).Next(this.deliver)
    deliver = _human(["stage"]).Next(this.close)
    close = _human(["stage"]).Next(this.end)
    end = flow.End()

    def start_case(self, activation: Any, clerk: Any, applicant: str) -> Any:
        activation.task.owner = clerk
        activation.process.applicant = applicant
        activation.process.stage = "submitted"
        return activation.process

    def owner(self, activation: Any) -> Any:
        return users()[activation.flow_task.name]

    def task_created(self, activation: Any) -> None:
        created.append(activation.task)
