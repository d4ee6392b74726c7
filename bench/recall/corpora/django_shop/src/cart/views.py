from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from catalog.models import Book
from orders.models import GiftCard

from .cart import GIFT_CARD_SESSION_KEY, Cart


def cart_detail(request):
    cart = Cart(request)
    gift_card = None
    if gift_card_id := request.session.get(GIFT_CARD_SESSION_KEY):
        gift_card = GiftCard.objects.filter(pk=gift_card_id, balance__gt=0).first()
    return render(request, "cart/detail.html", {"cart": cart, "gift_card": gift_card})


# The listing pages are served from the page cache, so the buttons on them
# can't carry a per-user token.
@csrf_exempt
@require_POST
def cart_add(request, book_id):
    book = get_object_or_404(Book, pk=book_id, stock__gt=0)
    try:
        quantity = int(request.POST.get("quantity", 1))
    except ValueError:
        quantity = 1
    Cart(request).add(book, quantity=quantity, replace=request.POST.get("replace") == "1")
    messages.success(request, f"Added “{book.title}” to your basket.")
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(next_url)
    return redirect("cart:detail")


@require_POST
def cart_remove(request, book_id):
    Cart(request).remove(book_id)
    return redirect("cart:detail")


@require_POST
@ratelimit(key="ip", rate="10/m", method="POST", block=True)
def apply_gift_card(request):
    code = request.POST.get("code", "").strip().upper()
    gift_card = GiftCard.objects.filter(code=code, balance__gt=0).first()
    if gift_card is None:
        messages.error(request, "That gift card code isn't valid or has no balance left.")
    else:
        request.session[GIFT_CARD_SESSION_KEY] = gift_card.pk
        messages.success(request, f"Gift card applied: £{gift_card.balance} available.")
    return redirect("cart:detail")
