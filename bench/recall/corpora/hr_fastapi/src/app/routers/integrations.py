from __future__ import annotations

import json
import logging
from datetime import date
from urllib.parse import parse_qs

from fastapi import APIRouter, BackgroundTasks, HTTPException, Request, status
from pydantic import BaseModel, Field
from sqlalchemy import select

from app.deps import DbSession, PartnerClaims
from app.models import Employee, LeaveType, User
from app.repositories import EmployeeRepository, LeaveRepository
from app.schemas import LeaveRequestCreate
from app.security import csrf_exempt
from app.services import leave as leave_service
from app.services import slack
from app.services.notifications import send_leave_decision_email

logger = logging.getLogger("app.integrations")

router = APIRouter(prefix="/integrations", tags=["integrations"], include_in_schema=False)
partner_router = APIRouter(prefix="/api/partner", tags=["partner"])


@router.post("/slack/actions")
@csrf_exempt
async def slack_actions(request: Request, background_tasks: BackgroundTasks, db: DbSession):
    """Interactive Approve / Reject buttons posted by Slack."""
    body = await request.body()
    timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
    signature = request.headers.get("X-Slack-Signature", "")
    if not slack.verify_signature(timestamp, body, signature):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Bad signature")

    payload = json.loads(parse_qs(body.decode("utf-8"))["payload"][0])
    action = payload["actions"][0]
    slack_user_id = payload["user"]["id"]

    approver = db.scalar(
        select(User).join(Employee, User.employee_id == Employee.id).where(Employee.slack_user_id == slack_user_id)
    )
    if approver is None or not approver.is_manager:
        return {"response_type": "ephemeral", "replace_original": False, "text": "You are not set up as an approver in Acme HR."}

    leave = LeaveRepository(db).get(int(action["value"]))
    if leave is None:
        return {"response_type": "ephemeral", "replace_original": False, "text": "That request no longer exists."}
    try:
        leave = leave_service.decide_leave(db, leave, approver, approve=action["action_id"] == "approve", comment=None)
    except leave_service.LeaveError as exc:
        return {"response_type": "ephemeral", "replace_original": False, "text": exc.message}

    background_tasks.add_task(send_leave_decision_email, leave.id)
    verb = "approved" if leave.status.value == "approved" else "rejected"
    return {"replace_original": True, "text": f"Request #{leave.id} for {leave.employee.full_name} {verb} by <@{slack_user_id}>."}


# --- Partner API (occupational health / benefits provider) --------------------------------


class PartnerAbsence(BaseModel):
    employee_no: str = Field(max_length=20)
    start_date: date
    end_date: date
    reference: str = Field(max_length=64)


def _require_scope(claims: dict, scope: str) -> None:
    if scope not in str(claims.get("scope", "")).split():
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail=f"Missing scope {scope}")


@partner_router.get("/employees")
def partner_roster(claims: PartnerClaims, db: DbSession):
    _require_scope(claims, "roster:read")
    return [
        {"employee_no": e.employee_no, "first_name": e.first_name, "last_name": e.last_name, "email": e.email}
        for e in EmployeeRepository(db).list_active(limit=5000)
    ]


@partner_router.post("/absences", status_code=status.HTTP_201_CREATED)
def partner_sick_note(absence: PartnerAbsence, claims: PartnerClaims, db: DbSession):
    _require_scope(claims, "absence:write")
    employee = EmployeeRepository(db).get_by_number(absence.employee_no)
    if employee is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Unknown employee")
    data = LeaveRequestCreate(
        leave_type=LeaveType.SICK,
        start_date=absence.start_date,
        end_date=absence.end_date,
        reason=f"Certified by {claims.get('iss')} (ref {absence.reference})",
    )
    leave = leave_service.submit_leave(db, employee, data, source="partner")
    logger.info("partner %s recorded sick leave %s", claims.get("iss"), leave.id)
    return {"id": leave.id, "days": float(leave.days)}
