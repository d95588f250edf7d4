from django.apps import AppConfig


class QueueingConfig(AppConfig):
    name = "govhall.queueing"
    label = "queueing"
    verbose_name = "排队叫号与预约"

    def ready(self) -> None:
        import datetime

        from govhall.core.jobs import Job, register
        from govhall.queueing.services import close_unserved_tickets, mark_no_shows

        register(
            Job(
                "queueing.no_shows",
                datetime.timedelta(minutes=5),
                mark_no_shows,
                "签到时段已过仍未签到的预约记为爽约",
            )
        )
        register(
            Job(
                "queueing.closing_sweep",
                datetime.timedelta(minutes=5),
                close_unserved_tickets,
                "下班（含延时服务）后仍在等候或已呼叫未办理的号记为下班未办理",
            )
        )
