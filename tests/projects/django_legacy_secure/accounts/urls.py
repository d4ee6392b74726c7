from django.conf.urls import patterns, url

urlpatterns = patterns(
    "accounts.views",
    url(r"^register/$", "register", name="register"),
    url(r"^reset/$", "reset", name="reset"),
    (r"^confirm/$", "confirm"),
)
