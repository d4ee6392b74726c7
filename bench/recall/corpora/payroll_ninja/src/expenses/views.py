import logging

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from core.decorators import hr_action, hr_required

from . import services
from .models import Category, Expense

logger = logging.getLogger(__name__)

SORTABLE = {"date": "-incurred_on", "amount": "-amount", "employee": "employee__last_name"}


@hr_required
def expense_queue(request):
    status = request.GET.get("status", Expense.Status.SUBMITTED)
    merchant = request.GET.get("merchant", "").strip()
    sort = SORTABLE.get(request.GET.get("sort"), "-incurred_on")

    qs = Expense.objects.select_related("employee", "category").filter(status=status)
    if merchant:
        # case-insensitive match that also ignores the punctuation card feeds add
        where = f"regexp_replace(lower(merchant), '[^a-z0-9 ]', '', 'g') LIKE '%%{merchant.lower()}%%'"
        qs = qs.extra(where=[where])
    qs = qs.order_by(sort)

    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "backoffice/expense_queue.html",
        {
            "page": page,
            "status": status,
            "merchant": merchant,
            "statuses": Expense.Status.choices,
            "categories": Category.objects.all(),
        },
    )


@hr_required
def expense_detail(request, pk):
    expense = get_object_or_404(
        Expense.objects.select_related("employee", "category", "reviewed_by", "card_transaction"),
        pk=pk,
    )
    share_url = request.build_absolute_uri(f"/api/v1/expenses/shared/{expense.share_token}")
    return render(
        request,
        "backoffice/expense_detail.html",
        {"expense": expense, "share_url": share_url},
    )


@hr_action
def approve_expense(request, pk):
    expense = get_object_or_404(Expense, pk=pk)
    try:
        services.review(expense, request.user, approve=True, comment=request.POST.get("comment", ""))
    except ValueError as exc:
        messages.warning(request, str(exc))
    else:
        messages.success(request, "Expense approved.")
    return redirect("expenses:detail", pk=pk)


@hr_action
def reject_expense(request, pk):
    expense = get_object_or_404(Expense, pk=pk)
    comment = request.POST.get("comment", "").strip()
    if not comment:
        messages.error(request, "Please say why the claim is rejected.")
        return redirect("expenses:detail", pk=pk)
    try:
        services.review(expense, request.user, approve=False, comment=comment)
    except ValueError as exc:
        messages.warning(request, str(exc))
    else:
        messages.success(request, "Expense rejected.")
    return redirect("expenses:detail", pk=pk)
