from django.contrib.auth import authenticate, login
from django.contrib.auth.forms import UserCreationForm
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import CreateView
from django_ratelimit.decorators import ratelimit


def login_view(request):
    """Brute force is stopped by django-axes (AxesMiddleware in settings)."""
    if request.method == "POST":
        user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
        if user is not None:
            login(request, user)
            return redirect("home")
    return render(request, "accounts/login.html")


@method_decorator(ratelimit(key="ip", rate="5/h", method="POST"), name="post")
class SignupView(CreateView):
    form_class = UserCreationForm
    template_name = "accounts/signup.html"
    success_url = "/"


class ProfileView(View):
    def get(self, request):
        return render(request, "accounts/profile.html")

    def post(self, request):
        request.user.email = request.POST["email"]
        request.user.save()
        return redirect("profile")
