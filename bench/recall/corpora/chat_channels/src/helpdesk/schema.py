"""
GraphQL API used by the agent dashboard (React side panels, reports widgets).
"""
from typing import Optional

import strawberry
import strawberry_django
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.http import JsonResponse
from django.urls import reverse
from strawberry import auto
from strawberry.django.views import GraphQLView
from strawberry.types import Info
from strawberry_django.optimizer import DjangoOptimizerExtension
from strawberry_django.permissions import IsAuthenticated

from accounts.models import Invitation, User
from chat import services
from chat.models import Conversation, Message, Tag, Visitor


@strawberry_django.type(User)
class AgentType:
    id: auto
    username: auto
    display_name: auto
    role: auto
    is_available: auto


@strawberry_django.type(Visitor)
class VisitorType:
    id: auto
    name: auto
    email: auto
    page_url: auto
    page_title: auto
    created_at: auto


@strawberry_django.type(Tag)
class TagType:
    id: auto
    name: auto


@strawberry_django.type(Message)
class MessageType:
    id: auto
    sender_type: auto
    body: auto
    created_at: auto
    author: Optional[AgentType]


@strawberry_django.type(Conversation)
class ConversationType:
    id: auto
    public_id: auto
    subject: auto
    status: auto
    created_at: auto
    updated_at: auto
    visitor: VisitorType
    assigned_agent: Optional[AgentType]
    tags: list[TagType]
    messages: list[MessageType]


def _user(info: Info) -> User:
    return info.context.request.user


def _team_conversation(info: Info, conversation_id: strawberry.ID) -> Conversation:
    conversation = Conversation.objects.for_agent(_user(info)).filter(pk=conversation_id).first()
    if conversation is None:
        raise PermissionDenied("Conversation not found")
    return conversation


@strawberry.type
class Query:
    @strawberry_django.field(extensions=[IsAuthenticated()])
    def me(self, info: Info) -> AgentType:
        return _user(info)

    @strawberry_django.field(extensions=[IsAuthenticated()])
    def conversations(self, info: Info, status: Optional[str] = None, limit: int = 50) -> list[ConversationType]:
        qs = Conversation.objects.for_agent(_user(info)).order_by("-updated_at")
        if status:
            qs = qs.filter(status=status)
        return list(qs[: min(limit, 200)])

    @strawberry_django.field(extensions=[IsAuthenticated()])
    def conversation(self, info: Info, id: strawberry.ID) -> ConversationType:
        return _team_conversation(info, id)

    @strawberry_django.field(extensions=[IsAuthenticated()])
    def visitors_by_domain(self, info: Info, domain: str) -> list[VisitorType]:
        """Visitors whose e-mail belongs to a company domain, for account-based views."""
        team_id = _user(info).team_id
        return list(
            Visitor.objects.filter(site__team_id=team_id)
            .extra(where=[f"split_part(lower(email), '@', 2) = '{domain.lower()}'"])
            .order_by("-last_seen_at")[:100]
        )

    @strawberry_django.field(extensions=[IsAuthenticated()])
    def team_agents(self, info: Info) -> list[AgentType]:
        return list(User.objects.filter(team_id=_user(info).team_id, is_active=True).order_by("username"))


@strawberry.type
class Mutation:
    @strawberry_django.mutation(extensions=[IsAuthenticated()])
    def assign_conversation(self, info: Info, conversation_id: strawberry.ID, agent_id: strawberry.ID) -> ConversationType:
        user = _user(info)
        conversation = _team_conversation(info, conversation_id)
        agent = User.objects.get(pk=agent_id, team_id=user.team_id, is_active=True)
        services.transfer_conversation(conversation, agent, by=user)
        return conversation

    @strawberry_django.mutation(extensions=[IsAuthenticated()])
    def close_conversation(self, info: Info, conversation_id: strawberry.ID) -> ConversationType:
        conversation = _team_conversation(info, conversation_id)
        services.close_conversation(conversation, closed_by=_user(info))
        return conversation

    @strawberry_django.mutation(extensions=[IsAuthenticated()])
    def set_tags(self, info: Info, conversation_id: strawberry.ID, tags: list[str]) -> ConversationType:
        conversation = _team_conversation(info, conversation_id)
        objs = [Tag.objects.get_or_create(team_id=conversation.team_id, name=name.strip()[:40])[0] for name in tags]
        conversation.tags.set(objs)
        return conversation

    @strawberry_django.mutation(extensions=[IsAuthenticated()])
    def set_availability(self, info: Info, available: bool) -> AgentType:
        user = _user(info)
        user.is_available = available
        user.save(update_fields=["is_available"])
        return user

    @strawberry_django.mutation(extensions=[IsAuthenticated()])
    def invite_agent(self, info: Info, email: str, role: str = User.Role.AGENT) -> bool:
        user = _user(info)
        if not user.is_supervisor:
            raise PermissionDenied("Only supervisors can invite agents")
        if role not in User.Role.values:
            raise ValueError("Unknown role")
        invitation = Invitation.objects.issue(email=email, team=user.team, role=role, invited_by=user)
        link = info.context.request.build_absolute_uri(reverse("accept_invite", args=[invitation.token]))
        send_mail(
            subject=f"You're invited to join {user.team.name} on helpdesk-live",
            message=f"{user.get_short_name()} invited you to the {user.team.name} support team.\n\n{link}\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[invitation.email],
        )
        return True


schema = strawberry.Schema(query=Query, mutation=Mutation, extensions=[DjangoOptimizerExtension])


class AgentGraphQLView(GraphQLView):
    """Session-authenticated GraphQL endpoint for the dashboard front-end."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated and request.method == "POST":
            return JsonResponse({"errors": [{"message": "Authentication required"}]}, status=401)
        return super().dispatch(request, *args, **kwargs)
