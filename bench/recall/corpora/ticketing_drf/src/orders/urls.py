from django.urls import path

from . import views

app_name = "orders"

urlpatterns = [
    path("lookup/", views.receipt_lookup, name="lookup"),
    path("<str:reference>/", views.ReceiptView.as_view(), name="receipt"),
    path("<str:reference>/resend/", views.resend_receipt, name="resend"),
    path("<str:reference>/refund/", views.request_refund, name="refund"),
]
