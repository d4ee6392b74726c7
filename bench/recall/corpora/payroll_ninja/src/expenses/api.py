from typing import List

from django.shortcuts import get_object_or_404
from ninja import File, Router
from ninja.errors import HttpError
from ninja.files import UploadedFile

from accounts.auth import jwt_auth
from payroll.models import Employee

from . import services
from .models import Category, Expense
from .schemas import ExpenseIn, ExpenseOut, SharedReceiptOut

router = Router(tags=["expenses"])

MAX_RECEIPT_BYTES = 10 * 1024 * 1024
RECEIPT_TYPES = {"application/pdf", "image/jpeg", "image/png", "image/heic"}


def _employee_for(user):
    try:
        return user.employee
    except Employee.DoesNotExist:
        raise HttpError(403, "No employee record linked to this account")


@router.get("/", response=List[ExpenseOut], auth=jwt_auth)
def list_my_expenses(request, status: str = None):
    qs = Expense.objects.select_related("category").filter(employee=_employee_for(request.auth))
    if status:
        qs = qs.filter(status=status)
    return qs[:200]


@router.post("/", response={201: ExpenseOut}, auth=jwt_auth)
def create_expense(request, payload: ExpenseIn):
    employee = _employee_for(request.auth)
    category = get_object_or_404(Category, code=payload.category)
    data = payload.dict(exclude={"category"})
    data["currency"] = data["currency"].upper()
    expense = Expense.objects.create(employee=employee, category=category, **data)
    return 201, expense


@router.post("/{expense_id}/receipt", response=ExpenseOut, auth=jwt_auth)
def upload_receipt(request, expense_id: int, receipt: UploadedFile = File(...)):
    expense = get_object_or_404(
        Expense, pk=expense_id, employee=_employee_for(request.auth), status=Expense.Status.DRAFT
    )
    if receipt.size > MAX_RECEIPT_BYTES:
        raise HttpError(413, "Receipt is larger than 10 MB")
    if receipt.content_type not in RECEIPT_TYPES:
        raise HttpError(415, "Receipts must be PDF, JPEG, PNG or HEIC")
    try:
        services.attach_receipt(expense, receipt)
    except services.DuplicateReceipt:
        raise HttpError(409, "This receipt has already been claimed")
    return expense


@router.post("/{expense_id}/submit", response=ExpenseOut, auth=jwt_auth)
def submit_expense(request, expense_id: int):
    expense = get_object_or_404(
        Expense, pk=expense_id, employee=_employee_for(request.auth), status=Expense.Status.DRAFT
    )
    try:
        services.submit(expense)
    except ValueError as exc:
        raise HttpError(400, str(exc))
    return expense


@router.get("/shared/{token}", response=SharedReceiptOut, auth=None)
def shared_receipt(request, token: str):
    expense = get_object_or_404(
        Expense.objects.select_related("employee"),
        share_token=token,
        status__in=[Expense.Status.APPROVED, Expense.Status.SUBMITTED],
    )
    return {
        "merchant": expense.merchant,
        "amount": expense.amount,
        "currency": expense.currency,
        "incurred_on": expense.incurred_on,
        "employee": expense.employee.full_name,
        "receipt_url": request.build_absolute_uri(expense.receipt.url) if expense.receipt else None,
        "reviewed_at": expense.reviewed_at,
    }
