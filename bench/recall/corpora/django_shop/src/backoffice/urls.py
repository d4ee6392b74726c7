from django.urls import path

from . import views

app_name = "backoffice"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("reports/sales/", views.sales_report, name="sales-report"),
    path("orders/<int:pk>/", views.OrderDetailView.as_view(), name="order-detail"),
    path("gift-cards/issue/", views.issue_gift_card, name="issue-gift-card"),
    path("reviews/<int:pk>/approve/", views.approve_review, name="approve-review"),
    path("customers/<int:pk>/password/", views.CustomerPasswordView.as_view(), name="customer-password"),
    path("stock/upload/", views.StockUploadView.as_view(), name="stock-upload"),
]
