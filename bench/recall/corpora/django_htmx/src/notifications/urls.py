from django.urls import path

from . import webhooks

urlpatterns = [
    path("sms/status/", webhooks.sms_status_callback, name="sms_status_callback"),
]
