from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "redress.accounts"
    verbose_name = "Staff and independent people"

    def ready(self) -> None:
        from django.contrib import admin
        from django.contrib.auth.views import redirect_to_login
        from django.http import HttpRequest, HttpResponse

        def admin_sign_in(request: HttpRequest, extra_context: object = None) -> HttpResponse:
            """The admin has no password-only sign-in: everyone signs in with two factors."""
            return redirect_to_login(request.GET.get("next") or "/admin/")

        admin.site.login = admin_sign_in  # type: ignore[method-assign]
