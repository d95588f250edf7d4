"""One case through django-viewflow 2, every step the way a viewflow app executes it — without HTTP.

Start: ``CountersignFlow.start.run(...)`` (StartHandle: the process and its start task are saved and the
first task created in one transaction). Each human step: ``with task.activation() as activation`` — viewflow's
own programmatic entry (its bulk actions, timers and signal catches use it): the flow lock (``SELECT … FOR
UPDATE NOWAIT`` on the process) and a transaction, the task reloaded — then what the stock task view
(flow/utils.py ``wrap_view`` + ``UpdateProcessView.form_valid``) does on POST: check that the user may
execute it, ``activation.start(request)``, save the process form, ``activation.execute()`` (the task done and
the next tasks created, through the Split/Join as the flow says).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from .flows import OWNERS, CountersignFlow, created, users

STEPS = ("accept", "sign_a", "sign_b", "sign_c", "decide", "deliver", "close")


def setup() -> None:
    from django.contrib.auth import get_user_model

    User = get_user_model()
    for username in sorted(set(OWNERS.values())):
        User.objects.get_or_create(username=username, defaults={"display_name": username})


def _take(name: str) -> Any:
    for i, task in enumerate(created):
        if task.flow_task.name == name:
            return created.pop(i)
    raise AssertionError(f"no open {name} task")


def _complete(task: Any, user: Any, stage: str) -> Any:
    with task.activation() as activation:
        if not activation.flow_task.can_execute(user, activation.task):
            raise PermissionDenied
        activation.start(None)  # ViewActivation.start(request): the request is not used
        process = activation.process
        process.stage = stage  # the task's form, saved to the process as UpdateProcessView does
        if stage == "decided":
            process.approved = True
        process.save()
        activation.execute()
        return process


def run_case() -> None:
    from viewflow.workflow.status import PROCESS

    staff = users()
    created.clear()
    CountersignFlow.start.run(clerk=staff["clerk"], applicant="张三")
    for name in STEPS:
        stage = {"accept": "accepted", "decide": "decided", "deliver": "delivered", "close": "closed"}.get(name, name)
        process = _complete(_take(name), staff[name], stage)
    assert process.status == PROCESS.DONE and not created
