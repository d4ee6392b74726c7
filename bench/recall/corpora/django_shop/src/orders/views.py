import logging
from pathlib import Path

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.generic import FormView

from cart.cart import GIFT_CARD_SESSION_KEY, Cart

from . import services
from .downloads import read_download_token
from .forms import CheckoutForm
from .models import GiftCard, Order, OrderLine

logger = logging.getLogger(__name__)

GUEST_ORDER_COOKIE = "guest_order"
EBOOK_ROOT = Path("/srv/ebooks")


class CheckoutView(FormView):
    template_name = "orders/checkout.html"
    form_class = CheckoutForm

    def dispatch(self, request, *args, **kwargs):
        self.cart = Cart(request)
        if not len(self.cart):
            messages.info(request, "Your basket is empty.")
            return redirect("cart:detail")
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        initial = super().get_initial()
        if self.request.user.is_authenticated:
            initial["email"] = self.request.user.email
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cart"] = self.cart
        return context

    def form_valid(self, form):
        gift_card = None
        if gift_card_id := self.request.session.get(GIFT_CARD_SESSION_KEY):
            gift_card = GiftCard.objects.filter(pk=gift_card_id).first()
        order = services.create_order_from_cart(
            self.cart,
            user=self.request.user,
            email=form.cleaned_data["email"],
            shipping=form.shipping_data(),
            gift_card=gift_card,
        )
        self.request.session["last_order_id"] = order.pk
        if order.total == 0:
            services.complete_order(order)
            return redirect("orders:success")
        session = services.create_checkout_session(
            order,
            success_url=self.request.build_absolute_uri(reverse("orders:success")),
            cancel_url=self.request.build_absolute_uri(reverse("cart:detail")),
        )
        logger.info("Checkout started for order %s (stripe session %s)", order.pk, session.id)
        return redirect(session.url, permanent=False)


def checkout_success(request):
    order_id = request.session.get("last_order_id")
    order = get_object_or_404(Order, pk=order_id)
    Cart(request).clear()
    response = render(request, "orders/track.html", {"order": order, "just_placed": True})
    if not request.user.is_authenticated and order.tracking_token:
        response.set_cookie(GUEST_ORDER_COOKIE, order.tracking_token, max_age=60 * 60 * 24 * 30)
    return response


def latest_guest_order(request):
    token = request.COOKIES.get(GUEST_ORDER_COOKIE)
    if not token:
        raise Http404("No recent order on this device.")
    return redirect("orders:track", token=token)


def track_order(request, token):
    order = get_object_or_404(Order.objects.prefetch_related("lines__book"), tracking_token=token)
    return render(request, "orders/track.html", {"order": order})


def ebook_download(request, token):
    try:
        claims = read_download_token(token)
    except Exception:
        raise Http404("This download link is not valid.")
    line = get_object_or_404(
        OrderLine.objects.select_related("book", "order"),
        pk=claims["line"],
        order__status__in=[Order.Status.PAID, Order.Status.DELIVERED],
        book__is_ebook=True,
    )
    path = EBOOK_ROOT / f"{line.book.isbn}.epub"
    return FileResponse(path.open("rb"), as_attachment=True, filename=f"{line.book.slug}.epub")
