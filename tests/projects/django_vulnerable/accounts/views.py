from django.contrib.auth import authenticate, login
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.views import PasswordResetView
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import CreateView


def login_view(request):  # expect: RATE001
    if request.method == "POST":
        user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
        if user is not None:
            login(request, user)
            return redirect("home")
    return render(request, "accounts/login.html")


class SignupView(CreateView):  # expect: RATE003
    form_class = UserCreationForm
    template_name = "accounts/signup.html"
    success_url = "/"


@method_decorator(csrf_exempt, name="dispatch")  # expect: CSRF002
class ProfileView(View):
    def get(self, request):
        return render(request, "accounts/profile.html")

    def post(self, request):
        request.user.email = request.POST["email"]
        request.user.save()
        return redirect("profile")


class ResetView(PasswordResetView):
    template_name = "accounts/reset.html"
