"""
Conversation lifecycle: starting chats, routing them to agents, posting
messages and fanning them out over the channel layer.
"""
import logging
import random
from datetime import timedelta

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from .models import Conversation, Message, Site, Visitor

logger = logging.getLogger(__name__)

User = get_user_model()


def _group_send(group: str, message: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(group, message)


def _notify_inbox(conversation: Conversation, event: str, **extra) -> None:
    payload = {"event": event, "conversation": conversation.pk, "status": conversation.status, **extra}
    _group_send(f"team_{conversation.team_id}", {"type": "inbox.update", "payload": payload})


def start_conversation(site: Site, *, name: str, email: str, page_url: str, page_title: str, user_agent: str):
    with transaction.atomic():
        visitor = Visitor.objects.create(
            site=site,
            name=name[:120],
            email=email,
            page_url=page_url[:500],
            page_title=page_title[:300],
            user_agent=user_agent[:300],
        )
        conversation = Conversation.objects.create(site=site, team=site.team, visitor=visitor)
        Message.objects.create(conversation=conversation, sender_type=Message.Sender.SYSTEM, body=site.greeting)

    assign_next_agent(conversation)
    _notify_inbox(conversation, "created")

    from .tasks import notify_slack_new_conversation

    transaction.on_commit(lambda: notify_slack_new_conversation.delay(conversation.pk))
    return visitor, conversation


def assign_next_agent(conversation: Conversation):
    """
    Give the conversation to the least busy available agent of the team.

    Ties are broken randomly so the same agent is not always first in line.
    """
    candidates = list(
        User.objects.filter(team_id=conversation.team_id, is_available=True, is_active=True).annotate(
            open_count=Count(
                "assigned_conversations",
                filter=~Q(assigned_conversations__status=Conversation.Status.CLOSED),
            )
        )
    )
    candidates = [agent for agent in candidates if agent.open_count < agent.max_concurrent_chats]
    if not candidates:
        logger.info("No agent available for conversation %s, leaving it queued", conversation.pk)
        return None

    random.shuffle(candidates)
    agent = min(candidates, key=lambda a: a.open_count)
    conversation.assigned_agent = agent
    conversation.save(update_fields=["assigned_agent", "updated_at"])
    _notify_inbox(conversation, "assigned", agent=agent.pk)
    return agent


def transfer_conversation(conversation: Conversation, agent, *, by) -> None:
    conversation.assigned_agent = agent
    conversation.save(update_fields=["assigned_agent", "updated_at"])
    Message.objects.create(
        conversation=conversation,
        sender_type=Message.Sender.SYSTEM,
        body=f"{by.get_short_name()} transferred this conversation to {agent.get_short_name()}.",
    )
    _notify_inbox(conversation, "assigned", agent=agent.pk)


def _broadcast_message(message: Message) -> None:
    conversation = message.conversation
    _group_send(
        conversation.group_name,
        {"type": "chat.message", "conversation": conversation.pk, "payload": message.as_payload()},
    )


def post_visitor_message(conversation: Conversation, body: str) -> Message:
    message = Message.objects.create(conversation=conversation, sender_type=Message.Sender.VISITOR, body=body)
    if conversation.status == Conversation.Status.PENDING:
        conversation.status = Conversation.Status.OPEN
    conversation.save(update_fields=["status", "updated_at"])
    _broadcast_message(message)
    _notify_inbox(conversation, "message")
    return message


def post_agent_message(conversation: Conversation, agent, body: str, *, internal: bool = False) -> Message:
    sender = Message.Sender.NOTE if internal else Message.Sender.AGENT
    message = Message.objects.create(conversation=conversation, sender_type=sender, author=agent, body=body)
    fields = ["updated_at"]
    if not internal and conversation.first_response_at is None:
        conversation.first_response_at = message.created_at
        fields.append("first_response_at")
    conversation.save(update_fields=fields)
    _broadcast_message(message)
    return message


def close_conversation(conversation: Conversation, *, closed_by=None) -> None:
    if conversation.status == Conversation.Status.CLOSED:
        return
    conversation.close()
    who = closed_by.get_short_name() if closed_by else "The system"
    Message.objects.create(conversation=conversation, sender_type=Message.Sender.SYSTEM, body=f"{who} closed the chat.")
    _group_send(conversation.group_name, {"type": "chat.closed", "conversation": conversation.pk})
    _notify_inbox(conversation, "closed")


def close_idle(minutes: int) -> int:
    cutoff = timezone.now() - timedelta(minutes=minutes)
    idle = Conversation.objects.open().filter(updated_at__lt=cutoff)
    count = 0
    for conversation in idle.iterator():
        close_conversation(conversation)
        count += 1
    return count


def search_messages(user, term: str, limit: int = 200):
    """Full text-ish search over the messages of the agent's team."""
    term = term.strip()
    if not term:
        return []
    sql = (
        "SELECT m.* FROM chat_message m "
        "JOIN chat_conversation c ON c.id = m.conversation_id "
        "WHERE c.team_id = %s AND m.sender_type <> 'system' "
        "AND m.body ILIKE '%%" + term + "%%' "
        "ORDER BY m.created_at DESC LIMIT %s"
    )
    return list(Message.objects.raw(sql, [user.team_id, limit]).prefetch_related("conversation__visitor"))
