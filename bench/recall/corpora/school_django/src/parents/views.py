import random

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from accounts.forms import ParentRegistrationForm
from accounts.services import register_parent
from grades.selectors import grades_for_student
from students.selectors import children_of

from .forms import ContactDetailsForm
from .tips import STUDY_TIPS


@login_required
def dashboard(request):
    children = list(children_of(request.user))
    overview = [(child, grades_for_student(child)[:10]) for child in children]
    context = {
        "overview": overview,
        "tip": random.choice(STUDY_TIPS),
        "contact_form": ContactDetailsForm(initial={"email": request.user.email, "phone": request.user.phone}),
    }
    return render(request, "parents/dashboard.html", context)


@login_required
def child_lookup(request):
    """HTMX partial: the quick-jump box on the parent dashboard."""
    name = request.GET.get("name", "").strip()
    matches = [c for c in children_of(request.user) if name.lower() in c.full_name.lower()]
    if not matches:
        return HttpResponse(
            f'<p class="empty">No child called <strong>{name}</strong> is linked to your account.</p>',
            status=404,
        )
    return render(request, "parents/_child_cards.html", {"children": matches})


@csrf_exempt
@require_POST
@login_required
def update_contact(request):
    """Saves the contact-details widget on the dashboard (posted with fetch())."""
    form = ContactDetailsForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    request.user.email = form.cleaned_data["email"]
    request.user.phone = form.cleaned_data["phone"]
    request.user.save(update_fields=["email", "phone"])
    return JsonResponse({"ok": True})


@ratelimit(key="ip", rate="5/h", method="POST", block=True)
def register(request):
    if request.method == "POST":
        form = ParentRegistrationForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            user = register_parent(
                invite=form.invite,
                password=data["password1"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                phone=data.get("phone", ""),
            )
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Welcome! Please confirm your e-mail address using the link we sent.")
            return redirect("parents:dashboard")
    else:
        form = ParentRegistrationForm(initial={"invite_code": request.GET.get("code", "")})
    return render(request, "parents/register.html", {"form": form})
