from django.urls import path

from redress.triage import views

app_name = "triage"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("record/", views.record, name="record"),
    path("record/<int:held_id>/possible-cases/", views.duplicates, name="duplicates"),
    path("emails/<int:message_id>/", views.message, name="message"),
    path("emails/<int:message_id>/add-to-case/", views.message_file, name="message_file"),
    path("emails/<int:message_id>/not-a-complaint/", views.message_set_aside, name="set_aside"),
    path("emails/<int:message_id>/original.eml", views.message_raw, name="message_raw"),
    path(
        "emails/<int:message_id>/attachments/<int:attachment_id>/",
        views.message_attachment,
        name="attachment",
    ),
]
