from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "redress.core"
    verbose_name = "Redress core"
