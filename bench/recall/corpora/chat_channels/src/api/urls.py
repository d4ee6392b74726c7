from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("conversations", views.ConversationViewSet, basename="conversation")
router.register("canned-responses", views.CannedResponseViewSet, basename="canned-response")

urlpatterns = [
    path("auth/token/", views.ObtainAgentTokenView.as_view(), name="api-token"),
    path("me/", views.MeView.as_view(), name="api-me"),
    path("", include(router.urls)),
]
