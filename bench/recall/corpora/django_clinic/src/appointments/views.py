import logging

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import DetailView, ListView

from . import notifications, repository, services
from .forms import BookingForm
from .models import Appointment, Clinician

logger = logging.getLogger(__name__)


class AppointmentListView(LoginRequiredMixin, ListView):
    template_name = "appointments/appointment_list.html"
    context_object_name = "appointments"
    paginate_by = 20

    def get_queryset(self):
        qs = Appointment.objects.select_related("clinician").filter(patient=self.request.user)
        status = self.request.GET.get("status")
        if status in Appointment.Status.values:
            qs = qs.filter(status=status)
        term = self.request.GET.get("q", "").strip()
        if term:
            clause = "appointments_appointment.reason ILIKE '%" + term + "%'"
            qs = qs.extra(where=[clause])
        return qs


class AppointmentDetailView(LoginRequiredMixin, DetailView):
    template_name = "appointments/appointment_detail.html"
    context_object_name = "appointment"

    def get_queryset(self):
        return Appointment.objects.select_related("clinician").filter(patient=self.request.user)


class ClinicianDetailView(DetailView):
    model = Clinician
    template_name = "appointments/clinician_detail.html"
    context_object_name = "clinician"


@login_required
def book_appointment(request):
    form = BookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        appointment = form.save(commit=False)
        appointment.patient = request.user
        try:
            services.book(appointment)
        except ValueError as exc:
            form.add_error("starts_at", str(exc))
        else:
            notifications.send_booking_confirmation(request, appointment)
            messages.success(request, "Your appointment is booked.")
            return redirect(appointment)
    return render(request, "appointments/booking_form.html", {"form": form})


@csrf_exempt
@require_POST
def cancel_appointment(request, code):
    """Cancel link used from the reminder SMS landing page."""
    appointment = get_object_or_404(Appointment, confirmation_code=code)
    appointment.status = Appointment.Status.CANCELLED
    appointment.save(update_fields=["status"])
    logger.info("appointment %s cancelled from reminder link", appointment.pk)
    return JsonResponse({"status": "cancelled"})


@require_GET
def confirm_attendance(request, code):
    appointment = get_object_or_404(Appointment, confirmation_code=code)
    return render(request, "appointments/confirm.html", {"appointment": appointment})


@require_POST
def confirm_attendance_submit(request, code):
    appointment = get_object_or_404(Appointment, confirmation_code=code)
    appointment.status = Appointment.Status.CONFIRMED
    appointment.save(update_fields=["status"])
    return render(request, "appointments/confirm_done.html", {"appointment": appointment})


@staff_member_required
def patient_search(request):
    query = request.GET.get("q", "")
    clinician_id = request.GET.get("clinician") or None
    rows = repository.search_patients(query, clinician_id) if query else []
    if request.headers.get("HX-Request") and not rows:
        return HttpResponse(f"<p class=\"empty\">No patients match <strong>{query}</strong>.</p>")
    return render(request, "appointments/patient_search.html", {"rows": rows, "query": query})


@staff_member_required
def slot_hint(request):
    """Tiny htmx fragment shown next to the time picker."""
    label = request.GET.get("label", "")
    label = escape(label)
    return HttpResponse(f"<span class=\"hint\">Selected: {label}</span>")


@staff_member_required
def day_sheet(request, clinician_id, day):
    rows = repository.day_sheet(clinician_id, day)
    return render(
        request,
        "appointments/day_sheet.html",
        {"rows": rows, "counts": repository.status_counts()},
    )
