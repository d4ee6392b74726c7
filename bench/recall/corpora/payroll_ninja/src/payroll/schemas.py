from datetime import date
from decimal import Decimal
from typing import List, Literal, Optional

from ninja import ModelSchema, Schema
from pydantic import Field

from .models import Department, Employee, Payslip


class DepartmentOut(ModelSchema):
    class Meta:
        model = Department
        fields = ["id", "code", "name", "cost_centre"]


class EmployeeOut(ModelSchema):
    department: DepartmentOut

    class Meta:
        model = Employee
        fields = ["id", "employee_no", "first_name", "last_name", "work_email", "job_title", "hired_on", "status"]


class EmployeeFilter(Schema):
    department: Optional[str] = None
    status: Optional[str] = None
    q: Optional[str] = None


class EnableLoginIn(Schema):
    initial_password: str = Field(min_length=10)


class PayslipOut(ModelSchema):
    period: str

    class Meta:
        model = Payslip
        fields = ["id", "gross", "income_tax", "national_insurance", "pension", "net", "created_at"]

    @staticmethod
    def resolve_period(obj):
        return obj.period.label


class DepartmentCostRow(Schema):
    code: str
    name: str
    headcount: int
    gross: Decimal
    employer_tax: Decimal


class HeadcountRow(Schema):
    bucket: date
    hires: int


class HeadcountQuery(Schema):
    granularity: Literal["month", "quarter", "year"] = "month"
    start: date
    end: date


class ExportIn(Schema):
    report: Literal["department_cost", "headcount"]
    params: dict = {}


class ExportLinkOut(Schema):
    url: str


class PartnerHeadcountOut(Schema):
    as_of: date
    departments: List[dict]
