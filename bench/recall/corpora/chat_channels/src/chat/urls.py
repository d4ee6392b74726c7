from django.urls import path

from . import views

app_name = "widget"

urlpatterns = [
    path("<slug:site_key>/", views.widget_frame, name="frame"),
    path("<slug:site_key>/session/", views.start_session, name="start_session"),
    path("chat/<uuid:public_id>/attachments/", views.upload_attachment, name="upload"),
    path("chat/<uuid:public_id>/transcript/", views.email_transcript, name="email_transcript"),
    path("t/<str:token>/", views.shared_transcript, name="shared_transcript"),
]
