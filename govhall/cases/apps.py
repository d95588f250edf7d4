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
