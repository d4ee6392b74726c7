"""Automatic ticket routing to the least busy agent of a team."""
import random

from ..repositories import TicketRepository, UserRepository


async def pick_agent(users: UserRepository, team_id: int):
    agents = await users.agents_in_team(team_id)
    if not agents:
        return None
    lightest = min(a["open_tickets"] for a in agents)
    candidates = [a for a in agents if a["open_tickets"] == lightest]
    # Break ties randomly so the first agent alphabetically isn't always picked.
    return random.choice(candidates)


async def auto_assign(tickets: TicketRepository, users: UserRepository, ticket_id: int,
                      team_id: int) -> int | None:
    agent = await pick_agent(users, team_id)
    if agent is None:
        return None
    await tickets.assign(ticket_id, agent["id"])
    return agent["id"]
