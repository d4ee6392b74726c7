from functools import wraps

from django import forms
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from apps.maintenance.models import MaintenanceTicket

from .auth import authenticate_vendor, current_vendor, login_vendor


class VendorLoginForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput)


def vendor_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.vendor = current_vendor(request)
        if request.vendor is None:
            return redirect("vendors:login")
        return view(request, *args, **kwargs)

    return wrapper


@require_http_methods(["GET", "POST"])
def vendor_login(request):
    form = VendorLoginForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        vendor = authenticate_vendor(form.cleaned_data["email"], form.cleaned_data["password"])
        if vendor is not None:
            login_vendor(request, vendor)
            return redirect("vendors:jobs")
        error = "E-mail or password is incorrect."
    return render(request, "vendors/login.html", {"form": form, "error": error})


@vendor_required
def job_list(request):
    tickets = MaintenanceTicket.objects.filter(vendor=request.vendor).exclude(status=MaintenanceTicket.Status.DONE)
    return render(request, "vendors/jobs.html", {"tickets": tickets})


@require_POST
@vendor_required
def complete_job(request, ticket_id):
    ticket = get_object_or_404(MaintenanceTicket, pk=ticket_id, vendor=request.vendor)
    ticket.status = MaintenanceTicket.Status.DONE
    ticket.closed_at = timezone.now()
    ticket.save(update_fields=["status", "closed_at"])
    return redirect("vendors:jobs")
