from datetime import date, datetime, time, timedelta

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import FormView

from accounts.models import Patient
from appointments import services as appointment_services
from appointments.models import Appointment

from . import links
from .forms import ResendLinkForm, SlotChoiceForm

SESSION_COOKIE = "clinic_booking_session"


class ResendLinkView(FormView):
    template_name = "booking/resend.html"
    form_class = ResendLinkForm

    def form_valid(self, form):
        patient = Patient.objects.filter(
            last_name__iexact=form.cleaned_data["last_name"],
            date_of_birth=form.cleaned_data["date_of_birth"],
        ).first()
        if patient is not None:
            links.send_booking_link(patient)
        messages.info(self.request, "If we found your record, a booking link is on its way.")
        return redirect("booking:resend")


class OpenLinkView(View):
    def get(self, request, token):
        session = links.redeem_link(token)
        if session is None:
            return render(request, "booking/link_expired.html", status=410)
        response = redirect("booking:choose")
        response.set_cookie(SESSION_COOKIE, session.key, max_age=int(links.SESSION_TTL.total_seconds()))
        return response


class ChooseSlotView(FormView):
    template_name = "booking/choose.html"
    form_class = SlotChoiceForm

    def dispatch(self, request, *args, **kwargs):
        self.booking_session = links.session_from_key(request.COOKIES.get(SESSION_COOKIE))
        if self.booking_session is None:
            return render(request, "booking/link_expired.html", status=410)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["patient"] = self.booking_session.patient
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        appointment = Appointment.objects.create(
            patient=self.booking_session.patient,
            doctor=data["doctor"],
            starts_at=data["starts_at"],
            reason=data["reason"],
        )
        if data["notes_for_doctor"]:
            appointment_services.add_intake_note(appointment, data["notes_for_doctor"])
        self.booking_session.delete()
        response = render(self.request, "booking/confirmed.html", {"appointment": appointment})
        response.delete_cookie(SESSION_COOKIE)
        response.set_cookie("preferred_doctor", str(data["doctor"].pk), max_age=60 * 60 * 24 * 180, samesite="Lax")
        return response


def available_slots(request):
    session = links.session_from_key(request.COOKIES.get(SESSION_COOKIE))
    if session is None:
        return render(request, "booking/partials/slots.html", {"slots": []}, status=403)
    form = SlotChoiceForm(request.GET)
    doctor = form.fields["doctor"].clean(request.GET.get("doctor"))
    day = date.fromisoformat(request.GET.get("day", ""))
    taken = appointment_services.repository.slots_taken(doctor.pk, day)
    opening = timezone.make_aware(datetime.combine(day, time(8, 30)))
    slots = [opening + timedelta(minutes=15 * i) for i in range(36)]
    return render(request, "booking/partials/slots.html", {"doctor": doctor, "slots": slots, "taken": taken})
