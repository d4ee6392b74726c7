from django.contrib import messages
from django.contrib.auth.decorators import login_required, user_passes_test
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import DetailView

from . import selectors, services
from .forms import KioskPinForm, ProfileForm, StudentSearchForm
from .models import Student


def _is_staff_member(user):
    return user.is_authenticated and (user.is_teacher or user.is_staff)


@login_required
@user_passes_test(_is_staff_member)
def student_search(request):
    form = StudentSearchForm(request.GET or None)
    query = request.GET.get("q", "")
    results = selectors.search_students(query) if query else []
    return render(request, "students/search.html", {"form": form, "query": query, "results": results})


class StudentDetailView(LoginRequiredMixin, DetailView):
    model = Student
    template_name = "students/profile.html"
    context_object_name = "student"

    def get_queryset(self):
        return Student.objects.select_related("section", "section__form_tutor")


@login_required
def edit_my_profile(request):
    student = selectors.student_for_user(request.user)
    if student is None:
        raise Http404("No student record is linked to this account.")
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=student)
        if form.is_valid():
            services.update_profile(student, about_me=form.cleaned_data["about_me"])
            messages.success(request, "Profile updated.")
            return redirect("students:detail", pk=student.pk)
    else:
        form = ProfileForm(instance=student)
    return render(request, "students/edit_profile.html", {"form": form, "student": student})


@login_required
@user_passes_test(_is_staff_member)
def set_kiosk_pin(request, pk):
    student = get_object_or_404(Student, pk=pk)
    if request.method == "POST":
        form = KioskPinForm(request.POST)
        if form.is_valid():
            services.set_kiosk_pin(student, form.cleaned_data["pin"])
            messages.success(request, f"Kiosk PIN updated for {student.full_name}.")
            return redirect("students:detail", pk=student.pk)
    else:
        form = KioskPinForm()
    return render(request, "students/kiosk_pin.html", {"form": form, "student": student})
