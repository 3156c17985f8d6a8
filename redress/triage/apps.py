from django.apps import AppConfig


class TriageConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "redress.triage"
    verbose_name = "Triage and recording contacts"
