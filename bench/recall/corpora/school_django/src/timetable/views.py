import datetime

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, render
from django.urls import reverse_lazy
from django.views.generic import CreateView

from students.models import Section, Student

from . import services
from .forms import SwapRequestForm
from .models import SwapRequest

VIEW_MODES = ("week", "day")


def _monday(day):
    return day - datetime.timedelta(days=day.weekday())


@login_required
def section_week(request, section_id):
    section = get_object_or_404(Section, pk=section_id)
    mode = request.GET.get("mode") or request.COOKIES.get("timetable_mode", "week")
    if mode not in VIEW_MODES:
        mode = "week"
    week_start = _monday(datetime.date.today())
    lessons = services.lessons_for_week(section, week_start)
    response = render(
        request,
        "timetable/week.html",
        {"section": section, "lessons": lessons, "mode": mode, "week_start": week_start},
    )
    response.set_cookie("timetable_mode", mode, max_age=60 * 60 * 24 * 365)
    return response


@login_required
def seating_plan(request, section_id):
    section = get_object_or_404(Section, pk=section_id)
    students = Student.objects.filter(section=section, is_active=True)
    plan = services.exam_seating_plan(students, rows=6, seats_per_row=6)
    return render(request, "timetable/seating.html", {"section": section, "plan": plan})


class SwapRequestCreateView(LoginRequiredMixin, CreateView):
    model = SwapRequest
    form_class = SwapRequestForm
    template_name = "timetable/swap_request.html"
    success_url = reverse_lazy("timetable:swap_done")

    def form_valid(self, form):
        form.instance.requested_by = self.request.user.teacher
        return super().form_valid(form)
