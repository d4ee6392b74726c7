import traceback
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, status
from fastapi.responses import JSONResponse

from app.api.deps import PartnerDep, SessionDep, TenantDep, require_admin
from app.core.security import hash_password, new_partner_api_key
from app.models import Partner, User
from app.services.partner_service import PartnerService, StudentProvision

router = APIRouter(prefix="/partners", tags=["partners"])


@router.post("/oauth/token")
def partner_token(
    session: SessionDep,
    client_id: Annotated[str, Form()],
    client_secret: Annotated[str, Form()],
    grant_type: Annotated[str, Form()] = "client_credentials",
):
    if grant_type != "client_credentials":
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "unsupported_grant_type")
    token = PartnerService.exchange_client_credentials(session, client_id, client_secret)
    if token is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid_client")
    return {"access_token": token, "token_type": "bearer"}


@router.post("", status_code=status.HTTP_201_CREATED)
def create_partner(
    name: Annotated[str, Form()],
    client_id: Annotated[str, Form()],
    client_secret: Annotated[str, Form()],
    session: SessionDep,
    tenant: TenantDep,
    admin: Annotated[User, Depends(require_admin)],
):
    api_key = new_partner_api_key()
    partner = Partner(
        tenant_id=tenant.id,
        name=name,
        client_id=client_id,
        client_secret_hash=hash_password(client_secret),
        api_key=api_key,
        key_prefix=api_key[:12],
    )
    session.add(partner)
    session.commit()
    return {"id": partner.id, "api_key": api_key}


@router.post("/students", status_code=status.HTTP_201_CREATED)
def provision_student(payload: StudentProvision, partner: PartnerDep, session: SessionDep):
    user = PartnerService(session, partner).provision_student(payload)
    return {"id": user.id, "email": user.email}


@router.post("/roster/sync")
def sync_roster(roster: list[dict], partner: PartnerDep, session: SessionDep):
    try:
        count = PartnerService(session, partner).sync_roster(roster)
    except Exception:
        session.rollback()
        detail = traceback.format_exc()
        return JSONResponse(status_code=500, content={"error": "roster_sync_failed", "detail": detail})
    return {"synced": count}
