from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="document-list"),
    path("upload/", views.DocumentCreateView.as_view(), name="document-upload"),
    path("get/", views.download_by_name, name="download-by-name"),
    path("<int:pk>/delete/", views.DocumentDeleteView.as_view(), name="document-delete"),
    path("<int:pk>/share/", views.share_document, name="document-share"),
    path("shared/<str:token>/", views.shared_document, name="shared"),
]
