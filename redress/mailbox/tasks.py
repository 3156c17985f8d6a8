"""Background work for the mailbox, run by `manage.py db_worker` (django-tasks-db): a "check the
mailbox now" queued from a screen. The regular reading is `manage.py fetch_mail` on a timer."""

from django.tasks import task

from redress.mailbox.fetch import fetch_mail


@task()
def fetch() -> str:
    """Read the mailbox once; what it did, as `fetch_mail` prints it."""
    report = fetch_mail()
    if report.stopped or report.left:
        raise RuntimeError("\n".join(report.lines()))  # the worker records the failure
    return "\n".join(report.lines())
