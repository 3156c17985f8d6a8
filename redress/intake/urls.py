from django.urls import path

from redress.intake import views

app_name = "intake"

urlpatterns = [
    path("brand.css", views.brand_css, name="brand_css"),
    path("track/", views.track_start, name="track_start"),
    path("track/code/", views.track_code, name="track_code"),
    path("track/case/", views.track_case, name="track_case"),
    path("track/case/add/", views.track_add, name="track_add"),
    path("track/case/next-stage/", views.track_next_stage, name="track_next_stage"),
    path("track/case/next-stage/sent/", views.track_next_stage_sent, name="track_next_stage_sent"),
    path("track/case/withdraw/", views.track_withdraw, name="track_withdraw"),
    path("track/withdrawn/", views.track_withdrawn, name="track_withdrawn"),
    path("track/case/documents/<int:document_id>/", views.track_document, name="track_document"),
    path("track/sign-out/", views.track_sign_out, name="track_sign_out"),
]

for journey, prefix in views.URL_PREFIX.items():
    kwargs = {"journey": journey}
    urlpatterns += [
        path(f"{prefix}/", views.journey_start, kwargs, name=f"{journey}_start"),
        path(f"{prefix}/documents/", views.journey_documents, kwargs, name=f"{journey}_documents"),
        path(f"{prefix}/check/", views.journey_check, kwargs, name=f"{journey}_check"),
        path(f"{prefix}/sent/", views.journey_sent, kwargs, name=f"{journey}_sent"),
        path(f"{prefix}/<slug:slug>/", views.journey_step, kwargs, name=f"{journey}_step"),
    ]
