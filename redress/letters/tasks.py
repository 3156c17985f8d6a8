"""Background work for letters, run by `manage.py db_worker` (django-tasks-db)."""

from django.tasks import task

from redress.letters import services


@task()
def deliver(delivery_id: int, attempt: int) -> str:
    """Try to send one delivery; on failure the service queues the next try with backoff."""
    return services.delivery_attempt(delivery_id=delivery_id, attempt=attempt)
