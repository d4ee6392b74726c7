from django.contrib.auth import authenticate, login
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.shortcuts import redirect, render
from ratelimit.decorators import ratelimit


@ratelimit(key="ip", rate="5/m", block=True)
def login_view(request):
    if request.method == "POST":
        user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
        login(request, user)
        return redirect("/")
    return render(request, "login.html")


@ratelimit(key="ip", rate="5/m", block=True)
def register(request):
    if request.method == "POST":
        User.objects.create_user(request.POST["username"], password=request.POST["password"])
    return render(request, "register.html")


@ratelimit(key="ip", rate="5/m", block=True)
def reset(request):
    if request.method == "POST":
        send_mail("Reset", "link", "shop@example.com", [request.POST["email"]])
    return render(request, "reset.html")


def confirm(request):
    return render(request, "confirm.html")
