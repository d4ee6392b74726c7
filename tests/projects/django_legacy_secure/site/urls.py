from django.conf.urls import include, patterns, url

from accounts import views

urlpatterns = patterns(
    "",
    url(r"^login/$", views.login_view, name="login"),
    url(r"^accounts/", include("accounts.urls")),
)
