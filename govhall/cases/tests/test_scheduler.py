"""The scheduler process: the jobs the cases need run without anyone clicking (Art. 32 sweep, notice PDFs)."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from govhall.cases import services
from govhall.cases.models import Notice, NoticeKind, Status
from govhall.cases.tests.conftest import intake_for
from govhall.core import jobs
from govhall.core.models import AuditDigest


def test_the_jobs_are_registered_with_their_periods():
    assert jobs.JOBS["cases.deemed_acceptance"].every == datetime.timedelta(hours=1)
    assert jobs.JOBS["cases.render_notices"].every == datetime.timedelta(seconds=2)
    assert jobs.JOBS["core.audit_digest"].every == datetime.timedelta(days=1)
    assert jobs.JOBS["queueing.no_shows"].every == datetime.timedelta(minutes=5)


def test_one_pass_deems_a_late_case_accepted_renders_its_notice_and_seals_a_digest(
    settings, food_item, center, clerk_actor, capsys
):
    settings.GOVHALL_NOTICE_RENDERING = "worker"
    long_ago = timezone.localdate() - datetime.timedelta(days=30)
    late = services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor, received_on=long_ago)
    fresh = services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor)

    call_command("run_scheduler", "--once")

    late.refresh_from_db()
    fresh.refresh_from_db()
    assert (late.status, late.deemed_accepted, late.accepted_on) == (Status.IN_REVIEW, True, long_ago)
    assert fresh.status == Status.SUBMITTED
    notice = Notice.objects.get(case=late, kind=NoticeKind.ACCEPTANCE)
    assert notice.rendered_at is not None and notice.file.read(4) == b"%PDF"
    assert AuditDigest.objects.count() == 1
    out = capsys.readouterr().out
    assert "cases.deemed_acceptance：处理 1 项" in out
    assert "cases.render_notices：处理 1 项" in out


def test_a_job_can_be_run_alone_and_an_unknown_one_is_refused_in_chinese(food_item, center, clerk_actor):
    call_command("run_scheduler", "--once", "--job", "core.audit_digest")
    assert AuditDigest.objects.count() == 1
    with pytest.raises(CommandError, match="没有这个任务：nightly"):
        call_command("run_scheduler", "--once", "--job", "nightly")


def test_a_failing_job_is_reported_and_does_not_stop_the_others(monkeypatch, db, capsys):
    def broken() -> int:
        raise RuntimeError("数据库不可用")

    first = jobs.Job("test.broken", datetime.timedelta(seconds=1), broken, "")
    monkeypatch.setattr(jobs, "JOBS", {first.name: first, **jobs.JOBS})  # the broken job runs first
    with pytest.raises(CommandError, match="1 个任务失败"):
        call_command("run_scheduler", "--once")
    assert "任务 test.broken 失败：RuntimeError: 数据库不可用" in capsys.readouterr().err
    assert AuditDigest.objects.count() == 1  # the jobs after it still ran


def test_a_job_is_due_when_never_run_or_its_period_has_passed():
    job = jobs.JOBS["cases.deemed_acceptance"]
    assert job in jobs.due({}, now=100.0)
    assert job not in jobs.due({job.name: 100.0}, now=100.0 + 3599)
    assert job in jobs.due({job.name: 100.0}, now=100.0 + 3600)
