from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "govhall.backoffice"
    label = "backoffice"
