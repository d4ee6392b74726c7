from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import ListView

from accounts.services import create_staff_account

from .forms import NewTeacherForm, TeacherPasswordForm
from .models import Teacher


class TeacherListView(LoginRequiredMixin, ListView):
    model = Teacher
    template_name = "teachers/list.html"
    context_object_name = "teachers"
    paginate_by = 40

    def get_queryset(self):
        return Teacher.objects.select_related("user").prefetch_related("subjects")


@staff_member_required
def add_teacher(request):
    if request.method == "POST":
        form = NewTeacherForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            user = create_staff_account(email=data["email"], first_name=data["first_name"], last_name=data["last_name"])
            Teacher.objects.create(user=user, employee_number=data["employee_number"])
            messages.success(request, f"Account created for {user.get_full_name()}.")
            return redirect("teachers:list")
    else:
        form = NewTeacherForm()
    return render(request, "teachers/add.html", {"form": form})


@staff_member_required
def set_teacher_password(request, pk):
    """Office staff can set a password for a teacher who is locked out."""
    teacher = get_object_or_404(Teacher.objects.select_related("user"), pk=pk)
    if request.method == "POST":
        form = TeacherPasswordForm(request.POST)
        if form.is_valid():
            account = teacher.user
            account.password = form.cleaned_data["new_password"]
            account.save(update_fields=["password"])
            messages.success(request, "Password updated.")
            return redirect("teachers:list")
    else:
        form = TeacherPasswordForm()
    return render(request, "teachers/set_password.html", {"form": form, "teacher": teacher})
