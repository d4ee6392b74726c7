from django.urls import include, path
from rest_framework.routers import DefaultRouter
from rest_framework_simplejwt.views import TokenRefreshView

from . import views

router = DefaultRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("comments", views.CommentViewSet, basename="comment")

app_name = "api"

urlpatterns = [
    path("", include(router.urls)),
    path("me/", views.MeView.as_view(), name="me"),
    path("auth/register/", views.RegisterView.as_view(), name="register"),
    path("auth/token/", views.LoginView.as_view(), name="token"),
    path("auth/token/refresh/", TokenRefreshView.as_view(), name="token-refresh"),
    path("auth/device-token/", views.DeviceTokenView.as_view(), name="device-token"),
    path("syndication/stories/", views.SyndicationFeedView.as_view(), name="syndication"),
    path("widgets/tides/", views.TideTimesView.as_view(), name="tides"),
]
