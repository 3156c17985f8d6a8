from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "redress.intake"
    verbose_name = "Public complaints service"

    def ready(self) -> None:
        from redress.intake import branding  # noqa: F401  registers the brand colour check
