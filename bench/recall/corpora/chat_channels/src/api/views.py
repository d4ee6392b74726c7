from django.urls import reverse
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from accounts.tokens import issue_agent_token
from chat import services, transcripts
from chat.models import CannedResponse, Conversation

from .serializers import (
    AgentTokenSerializer,
    CannedResponseSerializer,
    ConversationDetailSerializer,
    ConversationSerializer,
    MessageSerializer,
    TranscriptShareSerializer,
)


class IsTeamAgent(permissions.BasePermission):
    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.is_agent)

    def has_object_permission(self, request, view, obj):
        return getattr(obj, "team_id", None) == request.user.team_id


class ObtainAgentTokenView(APIView):
    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"

    def post(self, request):
        serializer = AgentTokenSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        return Response({"access": issue_agent_token(user), "token_type": "Bearer"})


class ConversationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [IsTeamAgent]

    def get_queryset(self):
        qs = (
            Conversation.objects.for_agent(self.request.user)
            .select_related("visitor")
            .prefetch_related("tags")
        )
        status_filter = self.request.query_params.get("status")
        if status_filter:
            qs = qs.filter(status=status_filter)
        if self.action == "retrieve":
            qs = qs.prefetch_related("messages__author")
        return qs

    def get_serializer_class(self):
        if self.action == "retrieve":
            return ConversationDetailSerializer
        return ConversationSerializer

    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None):
        conversation = self.get_object()
        serializer = MessageSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        message = services.post_agent_message(
            conversation,
            request.user,
            serializer.validated_data["body"],
            internal=bool(request.data.get("internal")),
        )
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        conversation = self.get_object()
        services.close_conversation(conversation, closed_by=request.user)
        return Response(ConversationSerializer(conversation, context={"request": request}).data)

    @action(detail=True, methods=["post"], throttle_classes=[ScopedRateThrottle], throttle_scope="share")
    def share(self, request, pk=None):
        conversation = self.get_object()
        serializer = TranscriptShareSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        share = transcripts.create_share(
            conversation,
            created_by=request.user,
            password=serializer.validated_data.get("password", ""),
        )
        url = request.build_absolute_uri(reverse("widget:shared_transcript", args=[share.token]))
        return Response({"url": url, "expires_at": share.expires_at}, status=status.HTTP_201_CREATED)


class CannedResponseViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CannedResponseSerializer
    permission_classes = [IsTeamAgent]

    def get_queryset(self):
        return CannedResponse.objects.filter(team_id=self.request.user.team_id)


class MeView(APIView):
    def get(self, request):
        user = request.user
        return Response(
            {
                "id": user.pk,
                "username": user.username,
                "display_name": user.get_short_name(),
                "team": user.team_id,
                "role": user.role,
                "available": user.is_available,
            }
        )

    def patch(self, request):
        user = request.user
        if "available" in request.data:
            user.is_available = bool(request.data["available"])
            user.save(update_fields=["is_available"])
        return self.get(request)
