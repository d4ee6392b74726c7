import csv
import io
from datetime import date
from typing import List

from django.db.models import Q
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router
from ninja.errors import HttpError

from accounts.auth import hr_auth, jwt_auth, partner_auth
from accounts.services import InvitationService, create_employee_login
from accounts.tokens import TokenError, decode_export_token, issue_export_token

from . import reports
from .models import Employee, Payslip
from .schemas import DepartmentCostRow, EmployeeFilter, EmployeeOut, EnableLoginIn, ExportIn, ExportLinkOut
from .schemas import HeadcountQuery, HeadcountRow, PartnerHeadcountOut, PayslipOut
from .services import payslip_for_view_token

router = Router(tags=["payroll"])


@router.get("/employees", response=List[EmployeeOut], auth=hr_auth)
def list_employees(request, filters: EmployeeFilter = Query(...)):
    qs = Employee.objects.select_related("department")
    if filters.department:
        qs = qs.filter(department__code=filters.department)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.q:
        q = filters.q
        qs = qs.filter(Q(first_name__icontains=q) | Q(last_name__icontains=q) | Q(employee_no__iexact=q))
    return qs[:500]


@router.get("/employees/{employee_id}", response=EmployeeOut, auth=hr_auth)
def get_employee(request, employee_id: int):
    return get_object_or_404(Employee.objects.select_related("department"), pk=employee_id)


@router.post("/employees/{employee_id}/login", response={201: dict}, auth=hr_auth)
def enable_login(request, employee_id: int, payload: EnableLoginIn):
    employee = get_object_or_404(Employee, pk=employee_id)
    user = create_employee_login(employee, payload.initial_password)
    return 201, {"user_id": user.pk, "username": user.username}


@router.post("/employees/{employee_id}/invite", response={201: dict}, auth=hr_auth)
def invite_employee(request, employee_id: int):
    employee = get_object_or_404(Employee, pk=employee_id, user__isnull=True)
    invitation = InvitationService().invite(employee.work_email, request.auth, employee=employee)
    return 201, {"invitation_id": invitation.pk, "email": invitation.email}


@router.get("/payslips/mine", response=List[PayslipOut], auth=jwt_auth)
def my_payslips(request):
    return Payslip.objects.select_related("period").filter(employee__user=request.auth)[:36]


@router.get("/payslips/view/{token}", auth=None)
def payslip_from_email_link(request, token: str):
    payslip = payslip_for_view_token(token)
    if payslip is None or not payslip.pdf:
        raise HttpError(404, "Link is invalid or has expired")
    filename = f"payslip-{payslip.period.label}.pdf"
    return FileResponse(payslip.pdf.open("rb"), content_type="application/pdf", filename=filename)


@router.get("/reports/department-cost", response=List[DepartmentCostRow], auth=hr_auth)
def department_cost(request, department: str = None, period: str = None):
    return reports.department_cost(department, period)


@router.get("/reports/headcount", response=List[HeadcountRow], auth=hr_auth)
def headcount(request, query: HeadcountQuery = Query(...)):
    if query.end < query.start:
        raise HttpError(400, "end must not be before start")
    return reports.headcount(query.granularity, query.start, query.end)


@router.post("/reports/export", response=ExportLinkOut, auth=hr_auth)
def create_export_link(request, payload: ExportIn):
    token = issue_export_token(request.auth, payload.report, payload.params)
    url = request.build_absolute_uri(reverse("api:export_download")) + f"?token={token}"
    return {"url": url}


@router.get("/reports/export/download", auth=None, url_name="export_download")
def export_download(request, token: str):
    try:
        claims = decode_export_token(token)
    except TokenError:
        raise HttpError(403, "Invalid export link")

    params = claims.get("params") or {}
    if claims["report"] == "department_cost":
        rows = reports.department_cost(params.get("department"), params.get("period"))
    else:
        start, end = date.fromisoformat(params["start"]), date.fromisoformat(params["end"])
        rows = reports.headcount(params.get("granularity", "month"), start, end)

    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    response = HttpResponse(buf.getvalue(), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{claims["report"]}.csv"'
    return response


@router.get("/partner/headcount", response=PartnerHeadcountOut, auth=partner_auth)
def partner_headcount(request):
    today = date.today()
    return {"as_of": today, "departments": reports.headcount_by_department(today)}
