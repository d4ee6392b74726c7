import os

import stripe
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


def home(request):
    return render(request, "home.html")


@require_POST
def add_to_cart(request):
    request.session["cart"] = request.session.get("cart", []) + [request.POST["product"]]
    return render(request, "home.html")


@csrf_exempt
@require_POST
def stripe_webhook(request):
    event = stripe.Webhook.construct_event(
        request.body, request.META["HTTP_STRIPE_SIGNATURE"], os.environ["STRIPE_WEBHOOK_SECRET"]
    )
    return HttpResponse(event["id"])
