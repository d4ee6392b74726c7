from django.shortcuts import render


def home(request):
    return render(request, "home.html")


def add_to_cart(request):
    request.session["cart"] = request.session.get("cart", []) + [request.POST["product"]]
    return render(request, "home.html")
