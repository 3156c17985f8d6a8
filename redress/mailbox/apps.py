from django.apps import AppConfig


class MailboxConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "redress.mailbox"
    verbose_name = "Complaints mailbox"
