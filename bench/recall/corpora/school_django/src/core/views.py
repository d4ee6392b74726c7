from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET


@login_required
def dashboard(request):
    user = request.user
    if user.is_parent:
        return redirect("parents:dashboard")
    if user.is_teacher:
        return redirect("grades:gradebook")
    return render(request, "core/dashboard.html")


@csrf_exempt
@require_GET
def healthz(request):
    """Load-balancer health probe."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def rate_limited(request, exception=None):
    return HttpResponse("Too many attempts. Please wait a few minutes and try again.", status=429)
