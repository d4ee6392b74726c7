"""
Mini templating for canned responses.

Agents write bodies such as ``Hi {{ visitor.first_name }}, thanks for
contacting {{ site.name }}!``. Only the dotted names listed in
``build_context`` are available; anything else is left untouched so typos
are easy to spot in the preview.
"""
import re

PLACEHOLDER_RE = re.compile(r"\{\{\s*(?P<name>[a-z_]+(?:\.[a-z_]+)?)\s*\}\}")


def _first_name(full_name: str) -> str:
    return full_name.split()[0] if full_name.strip() else ""


def build_context(conversation, agent) -> dict[str, str]:
    visitor = conversation.visitor
    return {
        "visitor.name": visitor.name or "there",
        "visitor.first_name": _first_name(visitor.name) or "there",
        "visitor.email": visitor.email,
        "agent.name": agent.get_short_name(),
        "agent.first_name": agent.first_name or agent.get_short_name(),
        "site.name": conversation.site.name,
        "conversation.id": str(conversation.public_id)[:8],
        "conversation.subject": conversation.subject,
    }


def sample_context(agent) -> dict[str, str]:
    """Context used by the editor preview when no conversation is picked."""
    return {
        "visitor.name": "Jamie Doe",
        "visitor.first_name": "Jamie",
        "visitor.email": "jamie@example.com",
        "agent.name": agent.get_short_name(),
        "agent.first_name": agent.first_name or agent.get_short_name(),
        "site.name": "Acme Inc.",
        "conversation.id": "1a2b3c4d",
        "conversation.subject": "Billing question",
    }


def placeholders(body: str) -> set[str]:
    return {match.group("name") for match in PLACEHOLDER_RE.finditer(body)}


def unknown_placeholders(body: str) -> set[str]:
    return placeholders(body) - set(sample_context_keys())


def sample_context_keys():
    return (
        "visitor.name",
        "visitor.first_name",
        "visitor.email",
        "agent.name",
        "agent.first_name",
        "site.name",
        "conversation.id",
        "conversation.subject",
    )


def render(body: str, context: dict[str, str]) -> str:
    def substitute(match: re.Match) -> str:
        name = match.group("name")
        return context.get(name, match.group(0))

    return PLACEHOLDER_RE.sub(substitute, body)
