from django.urls import path

from . import views

app_name = "orders"

urlpatterns = [
    path("checkout/", views.CheckoutView.as_view(), name="checkout"),
    path("checkout/thank-you/", views.checkout_success, name="success"),
    path("track/", views.latest_guest_order, name="latest"),
    path("track/<str:token>/", views.track_order, name="track"),
    path("download/<str:token>/", views.ebook_download, name="ebook-download"),
]
