from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "redress.intake"
    verbose_name = "Public complaints service"
