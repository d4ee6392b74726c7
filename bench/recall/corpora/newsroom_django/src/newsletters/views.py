from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from subscribers.models import Subscriber

from .models import Newsletter
from .sender import UNSUBSCRIBE_SALT


def _resolve(token):
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        subscriber = Subscriber.objects.get(pk=data["s"])
        newsletter = Newsletter.objects.get(pk=data["n"])
    except (signing.BadSignature, KeyError, Subscriber.DoesNotExist, Newsletter.DoesNotExist):
        raise Http404("Unknown unsubscribe link")
    return subscriber, newsletter


def unsubscribe(request, token):
    subscriber, newsletter = _resolve(token)
    if request.method == "POST":
        subscriber.newsletters.remove(newsletter)
        return render(request, "newsletters/unsubscribed.html", {"newsletter": newsletter})
    return render(
        request,
        "newsletters/unsubscribe_confirm.html",
        {"newsletter": newsletter, "email": subscriber.email},
    )


@csrf_exempt
@require_POST
def one_click_unsubscribe(request, token):
    """RFC 8058 List-Unsubscribe-Post target: mail providers POST here with no cookies."""
    subscriber, newsletter = _resolve(token)
    subscriber.newsletters.remove(newsletter)
    return HttpResponse(status=204)
