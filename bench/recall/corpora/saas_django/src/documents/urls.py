from django.urls import path

from . import inbound, views

app_name = "documents"

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="list"),
    path("upload/", views.document_upload, name="upload"),
    path("picker/", views.document_picker, name="picker"),
    path("<int:pk>/preview/", views.document_preview, name="preview"),
    path("<int:pk>/share/", views.create_share_link, name="share"),
    path("s/<str:token>/", views.shared_document, name="shared"),
    path("inbound/mailgun/", inbound.inbound_email, name="inbound-email"),
]
