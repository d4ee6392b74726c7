import logging

import requests
from django.contrib.auth import authenticate
from rest_framework import filters, generics, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.views import TokenObtainPairView

from articles import services
from articles.models import Article, Comment

from .auth import issue_device_token
from .permissions import HasPartnerKey, IsCommentAuthorOrReadOnly
from .serializers import (
    ArticleDetailSerializer,
    ArticleListSerializer,
    CommentSerializer,
    DeviceTokenSerializer,
    MeSerializer,
    RegisterSerializer,
)

logger = logging.getLogger(__name__)


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    filter_backends = [filters.OrderingFilter]
    ordering_fields = ["published_at", "view_count"]
    ordering = ["-published_at"]

    def get_queryset(self):
        qs = Article.objects.published().select_related("section").prefetch_related("authors")
        section = self.request.query_params.get("section")
        if section:
            qs = qs.filter(section__slug=section)
        # the app's "last 6 hours" tab
        since_hours = self.request.query_params.get("since_hours")
        if since_hours:
            qs = qs.extra(where=[f"published_at > NOW() - INTERVAL '{since_hours} hours'"])
        return qs

    def get_serializer_class(self):
        if self.action == "retrieve":
            return ArticleDetailSerializer
        return ArticleListSerializer

    @action(detail=True, methods=["get"])
    def related(self, request, slug=None):
        article = self.get_object()
        stories = services.related_stories(article)
        return Response(ArticleListSerializer(stories, many=True, context={"request": request}).data)

    @action(detail=False, methods=["get"])
    def trending(self, request):
        stories = services.trending()
        return Response(ArticleListSerializer(stories, many=True, context={"request": request}).data)


class CommentViewSet(viewsets.ModelViewSet):
    serializer_class = CommentSerializer
    permission_classes = [permissions.IsAuthenticatedOrReadOnly, IsCommentAuthorOrReadOnly]
    http_method_names = ["get", "post", "delete", "head", "options"]

    def get_queryset(self):
        qs = Comment.objects.filter(is_approved=True).select_related("author")
        article = self.request.query_params.get("article")
        if article:
            qs = qs.filter(article_id=article)
        return qs.order_by("-created_at")

    def perform_create(self, serializer):
        subscriber = getattr(self.request.user, "subscriber", None)
        if subscriber is None:
            raise PermissionDenied("Link a subscription to your account to comment.")
        approved = subscriber.comments.filter(is_approved=True).exists()
        serializer.save(author=subscriber, is_approved=approved)


class RegisterView(generics.CreateAPIView):
    serializer_class = RegisterSerializer
    permission_classes = [permissions.AllowAny]
    throttle_scope = "register"


class LoginView(TokenObtainPairView):
    throttle_scope = "login"


class DeviceTokenView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_scope = "login"

    def post(self, request):
        serializer = DeviceTokenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user = authenticate(request, username=data["username"], password=data["password"])
        if user is None:
            return Response({"detail": "Invalid credentials."}, status=status.HTTP_401_UNAUTHORIZED)
        return Response({"token": issue_device_token(user, data["device_id"]), "type": "Device"})


class MeView(generics.RetrieveAPIView):
    serializer_class = MeSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_object(self):
        return self.request.user


class SyndicationFeedView(generics.ListAPIView):
    """Partners pull full text of staff stories (wire copy isn't ours to resell)."""

    authentication_classes = []
    permission_classes = [HasPartnerKey]
    serializer_class = ArticleDetailSerializer

    def get_queryset(self):
        return (
            Article.objects.published()
            .filter(source=Article.Source.STAFF)
            .select_related("section")
            .prefetch_related("authors")
            .order_by("-published_at")
        )


class TideTimesView(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request):
        try:
            events = services.tide_times()
        except (requests.RequestException, ValueError, KeyError):
            logger.exception("tide times lookup failed")
            return Response({"detail": "Tide times are unavailable right now."}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
        return Response({"station": "Harbour entrance", "events": events})
