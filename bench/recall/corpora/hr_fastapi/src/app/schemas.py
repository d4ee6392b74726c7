"""Pydantic request / response models."""
from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

from app.models import LeaveStatus, LeaveType


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int


class RefreshRequest(BaseModel):
    refresh_token: str
    device_name: str | None = Field(default=None, max_length=120)


class PasswordResetRequest(BaseModel):
    email: EmailStr


class PasswordResetConfirm(BaseModel):
    email: EmailStr
    code: str = Field(min_length=6, max_length=12)
    new_password: str = Field(min_length=12, max_length=128)


class InvitationAccept(BaseModel):
    token: str
    password: str = Field(min_length=12, max_length=128)
    password_confirm: str

    @model_validator(mode="after")
    def _passwords_match(self) -> InvitationAccept:
        if self.password != self.password_confirm:
            raise ValueError("The passwords do not match")
        return self


class MeOut(BaseModel):
    id: int
    email: EmailStr
    role: str
    employee_id: int | None
    must_change_password: bool


class DepartmentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    code: str
    name: str


class EmployeeBase(BaseModel):
    first_name: str = Field(max_length=80)
    last_name: str = Field(max_length=80)
    email: EmailStr
    job_title: str | None = Field(default=None, max_length=120)
    phone: str | None = Field(default=None, max_length=40)
    bio: str | None = Field(default=None, max_length=4000)


class EmployeeOut(EmployeeBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
    employee_no: str
    hire_date: date
    is_active: bool
    department: DepartmentOut | None = None
    manager_id: int | None = None


class EmployeeUpdate(BaseModel):
    job_title: str | None = Field(default=None, max_length=120)
    phone: str | None = Field(default=None, max_length=40)
    bio: str | None = Field(default=None, max_length=4000)
    department_id: int | None = None
    manager_id: int | None = None


class EmployeeSearchHit(BaseModel):
    id: int
    employee_no: str
    first_name: str
    last_name: str
    email: str
    job_title: str | None
    department: str | None


class LeaveRequestCreate(BaseModel):
    leave_type: LeaveType
    start_date: date
    end_date: date
    reason: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _check_dates(self) -> LeaveRequestCreate:
        if self.end_date < self.start_date:
            raise ValueError("end_date must not be before start_date")
        if (self.end_date - self.start_date).days > 365:
            raise ValueError("leave requests cannot span more than a year")
        return self


class LeaveRequestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    employee_id: int
    leave_type: LeaveType
    status: LeaveStatus
    start_date: date
    end_date: date
    days: float
    reason: str | None
    manager_comment: str | None
    decided_at: datetime | None


class LeaveDecision(BaseModel):
    approve: bool
    comment: str | None = Field(default=None, max_length=1000)


class LeaveBalanceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    year: int
    leave_type: LeaveType
    entitled: float
    taken: float
    carried_over: float
    remaining: float
