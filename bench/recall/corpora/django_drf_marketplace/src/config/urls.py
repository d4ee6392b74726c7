from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from accounts.urls import api_urlpatterns as account_api_urls
from catalog.api import ListingViewSet, ShopViewSet
from orders.api import CartViewSet, OrderViewSet

router = DefaultRouter()
router.register("shops", ShopViewSet, basename="shop")
router.register("listings", ListingViewSet, basename="listing")
router.register("orders", OrderViewSet, basename="order")
router.register("cart", CartViewSet, basename="cart")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include(router.urls)),
    path("api/v1/auth/", include((account_api_urls, "accounts"), namespace="accounts-api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("accounts/", include("accounts.urls")),
    path("orders/", include("orders.urls")),
    path("messages/", include("messaging.urls")),
    path("", include("catalog.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
