from django.urls import path

from redress.letters import views

app_name = "letters"

urlpatterns = [
    path("", views.index, name="index"),
    path("templates/<slug:key>/", views.template_detail, name="template"),
    path("templates/<slug:key>/edit/", views.template_edit, name="template_edit"),
    path("case/<str:reference>/", views.case_letters, name="case"),
    path("case/<str:reference>/prepare/", views.prepare, name="prepare"),
    path("case/<str:reference>/preference/", views.preference, name="preference"),
    path("letter/<int:pk>/", views.letter, name="letter"),
    path("letter/<int:pk>/pdf/", views.letter_pdf_view, name="letter_pdf"),
    path("letter/<int:pk>/send/", views.send, name="send"),
    path("letter/<int:pk>/discard/", views.discard, name="discard"),
    path("print-queue/", views.print_queue, name="print_queue"),
    path("print-queue/<int:pk>/posted/", views.mark_posted, name="mark_posted"),
    path("deliveries/", views.attention, name="attention"),
    path("deliveries/<int:pk>/retry/", views.retry, name="retry"),
]
