from django.urls import path

from . import api

urlpatterns = [
    path("token/", api.obtain_token, name="api_token"),
    path("calendar/<str:token>.ics", api.calendar_feed, name="calendar_feed"),
]
