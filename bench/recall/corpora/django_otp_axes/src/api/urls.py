from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("auth/login/", views.MobileLoginView.as_view(), name="mobile-login"),
    path("claims/", views.ClaimListAPIView.as_view(), name="claims"),
    path("receipts/", views.ReceiptUploadView.as_view(), name="receipt-upload"),
    path("upload-links/", views.UploadLinkView.as_view(), name="upload-links"),
]
