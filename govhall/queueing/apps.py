from django.apps import AppConfig


class QueueingConfig(AppConfig):
    name = "govhall.queueing"
    label = "queueing"
    verbose_name = "排队叫号与预约"

    def ready(self) -> None:
        import datetime

        from govhall.core.jobs import Job, register
        from govhall.queueing.services import mark_no_shows

        register(
            Job(
                "queueing.no_shows",
                datetime.timedelta(minutes=5),
                mark_no_shows,
                "签到时段已过仍未签到的预约记为爽约",
            )
        )
