from django.urls import path

from redress.accounts import views as sign_in
from redress.casework.views import actions, audit, case, queues, records, search

app_name = "casework"

urlpatterns = [
    path("", queues.home, name="home"),
    # Signing in (redress.accounts): password, then an authenticator code or recovery code
    path("sign-in/", sign_in.sign_in, name="sign_in"),
    path("sign-in/code/", sign_in.sign_in_code, name="sign_in_code"),
    path("sign-in/set-up/", sign_in.sign_in_set_up, name="sign_in_set_up"),
    path("sign-in/recovery-codes/", sign_in.recovery_codes, name="recovery_codes"),
    path("sign-out/", sign_in.sign_out, name="sign_out"),
    path("signed-out/", sign_in.signed_out, name="signed_out"),
    # Work
    path("queue/", queues.queue, name="queue"),
    path("search/", search.search, name="search"),
    path("audit/", audit.audit, name="audit"),
    path("audit/export.csv", audit.audit_export, name="audit_export"),
    path("cases/<str:reference>/", case.case_detail, name="case"),
    path(
        "cases/<str:reference>/documents/<int:document_id>/",
        case.case_document,
        name="document",
    ),
    path("cases/<str:reference>/actions/<str:action>/", actions.case_action, name="action"),
    path("cases/<str:reference>/record/<str:record>/", records.case_record, name="record"),
    path(
        "cases/<str:reference>/record/<str:record>/<str:key>/",
        records.case_record,
        name="record_about",
    ),
]
