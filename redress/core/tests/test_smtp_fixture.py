"""The SMTP server the tests start is real: Django's SMTP backend talks to it over a socket."""

from django.core.mail import send_mail


def test_mail_sent_through_django_arrives_at_the_test_smtp_server(smtp_server) -> None:
    send_mail("Your complaint CSC-2026-00001", "We have received it.", None, ["sam@example.org"])

    [message] = smtp_server.wait_for(1)
    assert message["To"] == "sam@example.org"
    assert message["Subject"] == "Your complaint CSC-2026-00001"
    assert message.get_content().strip() == "We have received it."
