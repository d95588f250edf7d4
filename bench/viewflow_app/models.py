"""The case as viewflow 2 models it: a proxy of viewflow's Process, its fields kept in ``Process.data``."""

from __future__ import annotations

from viewflow import jsonstore
from viewflow.workflow.models import Process


class CaseProcess(Process):
    applicant = jsonstore.CharField(max_length=60)
    stage = jsonstore.CharField(max_length=16, blank=True)  # the last human step done (the floor's status)
    approved = jsonstore.BooleanField(default=False)

    class Meta:
        proxy = True
