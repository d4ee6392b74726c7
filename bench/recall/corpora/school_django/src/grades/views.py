from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from students.models import Section, Student

from . import selectors, services
from .forms import GradeEntryForm
from .models import Assessment, Term


@login_required
def gradebook(request):
    if not request.user.is_teacher:
        raise PermissionDenied
    term = get_object_or_404(Term, code=request.GET.get("term")) if request.GET.get("term") else Term.objects.get(is_current=True)
    section_ids = request.GET.getlist("section")
    rows = selectors.gradebook_rows(term, section_ids)
    return render(
        request,
        "grades/gradebook.html",
        {"term": term, "rows": rows, "sections": Section.objects.all(), "selected": section_ids},
    )


@login_required
def enter_grade(request, assessment_id, student_id):
    if not request.user.is_teacher:
        raise PermissionDenied
    assessment = get_object_or_404(Assessment, pk=assessment_id)
    student = get_object_or_404(Student, pk=student_id)
    if request.method == "POST":
        form = GradeEntryForm(request.POST)
        if form.is_valid():
            services.record_grade(
                student=student,
                assessment=assessment,
                score=form.cleaned_data["score"],
                comment=form.cleaned_data["comment"],
                teacher=request.user.teacher,
            )
            messages.success(request, "Grade saved.")
            return redirect("grades:gradebook")
    else:
        form = GradeEntryForm()
    return render(request, "grades/enter.html", {"form": form, "assessment": assessment, "student": student})
