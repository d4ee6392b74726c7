"""Leave endpoints used by the mobile app (bearer tokens)."""
from datetime import date

from fastapi import APIRouter, BackgroundTasks, HTTPException, Request, status

from app.deps import CurrentUser, DbSession, ManagerUser, limiter
from app.models import Employee, LeaveStatus, User
from app.repositories import LeaveRepository
from app.schemas import LeaveBalanceOut, LeaveDecision, LeaveRequestCreate, LeaveRequestOut
from app.services import leave as leave_service
from app.services.notifications import send_leave_decision_email, send_leave_submitted_email
from app.services.slack import notify_leave_submitted

router = APIRouter(prefix="/api/leave", tags=["leave"])


def _employee_of(user: User) -> Employee:
    if user.employee is None:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Your account is not linked to an employee record")
    return user.employee


@router.get("/requests", response_model=list[LeaveRequestOut])
def my_requests(user: CurrentUser, db: DbSession, year: int | None = None):
    return LeaveRepository(db).for_employee(_employee_of(user).id, year=year)


@router.post("/requests", response_model=LeaveRequestOut, status_code=status.HTTP_201_CREATED)
@limiter.limit("20/hour")
def create_request(request: Request, data: LeaveRequestCreate, background_tasks: BackgroundTasks, user: CurrentUser, db: DbSession):
    leave = leave_service.submit_leave(db, _employee_of(user), data, source="mobile")
    if leave.status == LeaveStatus.PENDING:
        background_tasks.add_task(notify_leave_submitted, leave.id)
        background_tasks.add_task(send_leave_submitted_email, leave.id)
    return leave


@router.post("/requests/{leave_id}/cancel", response_model=LeaveRequestOut)
def cancel_request(leave_id: int, user: CurrentUser, db: DbSession):
    leave = LeaveRepository(db).get(leave_id)
    if leave is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Leave request not found")
    return leave_service.cancel_leave(db, leave, _employee_of(user))


@router.get("/balances", response_model=list[LeaveBalanceOut])
def my_balances(user: CurrentUser, db: DbSession, year: int | None = None):
    return LeaveRepository(db).balances(_employee_of(user).id, year or date.today().year)


@router.get("/approvals", response_model=list[LeaveRequestOut])
def pending_approvals(user: ManagerUser, db: DbSession):
    if user.employee_id is None:
        return []
    return LeaveRepository(db).pending_for_approver(user.employee_id)


@router.post("/requests/{leave_id}/decision", response_model=LeaveRequestOut)
def decide(leave_id: int, decision: LeaveDecision, background_tasks: BackgroundTasks, user: ManagerUser, db: DbSession):
    leave = LeaveRepository(db).get(leave_id)
    if leave is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Leave request not found")
    leave = leave_service.decide_leave(db, leave, user, approve=decision.approve, comment=decision.comment)
    background_tasks.add_task(send_leave_decision_email, leave.id)
    return leave
