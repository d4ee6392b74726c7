from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse_lazy
from django.utils.html import format_html, format_html_join
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import CreateView, DetailView, TemplateView
from django_filters.views import FilterView

from accounts.forms import PatientContactForm
from accounts.models import Patient

from . import services
from .filters import AppointmentFilter
from .forms import AppointmentForm, ClinicalNoteForm
from .mixins import HtmxTemplateMixin, StaffRequiredMixin
from .models import Appointment


class AppointmentListView(StaffRequiredMixin, HtmxTemplateMixin, FilterView):
    model = Appointment
    filterset_class = AppointmentFilter
    template_name = "appointments/appointment_list.html"
    partial_template_name = "appointments/partials/appointment_rows.html"
    paginate_by = 25

    def get_queryset(self):
        return super().get_queryset().select_related("patient", "doctor")


class AppointmentCreateView(StaffRequiredMixin, CreateView):
    model = Appointment
    form_class = AppointmentForm
    template_name = "appointments/appointment_form.html"
    success_url = reverse_lazy("appointments:list")


class AppointmentDetailView(StaffRequiredMixin, DetailView):
    model = Appointment
    template_name = "appointments/appointment_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("patient", "doctor").prefetch_related("notes__author")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        appointment = self.object
        history = appointment.patient.appointments.exclude(pk=appointment.pk).order_by("-starts_at")[:5]
        context["summary_html"] = format_html_join(
            "\n",
            "<li>{} &middot; {}</li>",
            ((a.starts_at.strftime("%d %b %Y"), a.get_status_display()) for a in history),
        )
        context["note_form"] = ClinicalNoteForm()
        return context


class WaitingRoomView(StaffRequiredMixin, HtmxTemplateMixin, TemplateView):
    template_name = "appointments/waiting_room.html"
    partial_template_name = "appointments/partials/waiting_rows.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = self.request.GET.get("order", "starts_at")
        context["queue"] = services.waiting_room_queue(order)
        return context


@login_required
def patient_search(request):
    q = request.GET.get("q", "").strip()
    patients = Patient.objects.filter(last_name__istartswith=q)[:10] if q else []
    if not patients:
        return HttpResponse(f'<li class="empty">No patients match &ldquo;{q}&rdquo;</li>')
    items = format_html_join("", '<li data-id="{}">{}, {}</li>', ((p.pk, p.last_name, p.first_name) for p in patients))
    return HttpResponse(items)


@csrf_exempt
@login_required
@require_http_methods(["DELETE", "POST"])
def cancel_appointment(request, pk):
    appointment = get_object_or_404(Appointment, pk=pk)
    services.cancel_appointment(appointment, by_user=request.user)
    return render(request, "appointments/partials/appointment_row.html", {"appointment": appointment})


@csrf_exempt
@login_required
@require_http_methods(["GET", "POST"])
def edit_patient_contact(request, patient_pk):
    patient = get_object_or_404(Patient, pk=patient_pk)
    form = PatientContactForm(request.POST or None, instance=patient)
    if request.method == "POST" and form.is_valid():
        form.save()
        return HttpResponse(format_html('<span class="saved">{} &middot; {}</span>', patient.phone, patient.email))
    return render(request, "appointments/partials/contact_form.html", {"form": form, "patient": patient})


@login_required
@require_http_methods(["POST"])
def add_note(request, pk):
    appointment = get_object_or_404(Appointment, pk=pk)
    form = ClinicalNoteForm(request.POST)
    if form.is_valid():
        note = form.save(commit=False)
        note.appointment = appointment
        note.author = request.user
        note.save()
    return render(request, "appointments/partials/notes.html", {"appointment": appointment})


@login_required
@require_http_methods(["POST"])
def check_in(request, pk):
    appointment = get_object_or_404(Appointment, pk=pk)
    services.check_in(appointment)
    return render(request, "appointments/partials/appointment_row.html", {"appointment": appointment})


def public_check_in(request, code):
    appointment = get_object_or_404(Appointment.objects.select_related("patient", "doctor"), check_in_code=code)
    if request.method == "POST" and appointment.status == Appointment.Status.BOOKED:
        services.check_in(appointment)
    return render(request, "appointments/public_check_in.html", {"appointment": appointment})
