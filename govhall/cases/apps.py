from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "govhall.cases"
    label = "cases"
    verbose_name = "办件"

    def ready(self) -> None:
        from govhall.cases.services import recompute_provisional_deadlines
        from govhall.core.calendar_services import RECOMPUTE_HOOKS

        if recompute_provisional_deadlines not in RECOMPUTE_HOOKS:
            RECOMPUTE_HOOKS.append(recompute_provisional_deadlines)
        _register_jobs()


def _register_jobs() -> None:
    import datetime

    from govhall.cases.notices import render_pending
    from govhall.cases.services import sweep_deemed_acceptance
    from govhall.core.jobs import Job, register

    register(
        Job(
            "cases.deemed_acceptance",
            datetime.timedelta(hours=1),
            sweep_deemed_acceptance,
            "补正告知逾期（5个工作日）的办件视为受理（行政许可法第32条）",
        )
    )

    def render() -> int:
        # Inline rendering leaves nothing pending, except notices issued while the setting said "worker".
        return render_pending(limit=200)

    register(Job("cases.render_notices", datetime.timedelta(seconds=2), render, "渲染待生成的文书 PDF"))
