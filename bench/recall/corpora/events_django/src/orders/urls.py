from django.urls import path

from . import views

app_name = "orders"

urlpatterns = [
    path("", views.MyOrdersView.as_view(), name="mine"),
    path("checkout/<slug:slug>/", views.checkout, name="checkout"),
    path("<int:pk>/", views.order_detail, name="detail"),
    path("<int:pk>/cancel/", views.cancel_order, name="cancel"),
    path("tickets/<str:code>/", views.ticket_detail, name="ticket"),
    path("tickets/<str:code>/qr.png", views.ticket_qr, name="ticket_qr"),
    path("tickets/<str:code>/transfer/", views.transfer_ticket, name="transfer"),
]
