from django.contrib.auth import views as auth_views
from django.urls import include, path
from django_ratelimit.decorators import ratelimit
from rest_framework.routers import DefaultRouter

from api.views import OrderViewSet, TokenView
from shop import views

router = DefaultRouter()
router.register(r"orders", OrderViewSet, basename="order")

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("api/", include(router.urls)),
    path("api/token/", TokenView.as_view(), name="token"),
    path("cart/add/", views.add_to_cart, name="cart-add"),
    path("webhooks/stripe/", views.stripe_webhook, name="stripe-webhook"),
    path(
        "password-reset/",
        ratelimit(key="ip", rate="3/h", method="POST")(auth_views.PasswordResetView.as_view()),
        name="password_reset",
    ),
]
