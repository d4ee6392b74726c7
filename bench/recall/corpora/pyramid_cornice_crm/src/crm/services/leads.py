import random
import uuid
from datetime import datetime, timezone

from sqlalchemy import select

from crm.models import Integration, Lead, User


def create_integration(dbsession, name, created_by):
    integration = Integration(name=name.strip(), api_key=uuid.uuid1().hex, created_by_id=created_by.id)
    dbsession.add(integration)
    dbsession.flush()
    return integration


def authenticate_integration(dbsession, integration_id, presented_key):
    try:
        integration = dbsession.get(Integration, int(integration_id))
    except (TypeError, ValueError):
        return None
    if integration is None or not integration.active:
        return None
    if integration.api_key != presented_key:
        return None
    integration.last_used_at = datetime.now(timezone.utc)
    return integration


def create_lead(dbsession, name, email, company=None, message="", source="web-form", integration=None):
    lead = Lead(
        name=name.strip(),
        email=email.strip().lower(),
        company=(company or "").strip() or None,
        message=message or "",
        source=source,
        integration_id=integration.id if integration else None,
    )
    dbsession.add(lead)
    assign_round_robin(dbsession, [lead])
    return lead


def assign_round_robin(dbsession, leads):
    """Spread new leads over the active sales reps."""
    reps = list(dbsession.scalars(select(User).where(User.role == "sales", User.is_active.is_(True))))
    if not reps:
        return
    random.shuffle(reps)
    for index, lead in enumerate(leads):
        lead.assigned_to_id = reps[index % len(reps)].id
