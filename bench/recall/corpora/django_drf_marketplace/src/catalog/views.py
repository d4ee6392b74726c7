import random
from datetime import timedelta
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import DetailView, TemplateView

from orders.models import OrderItem

from .models import Favorite, Listing, Shop
from .repositories import SalesReportRepository
from .services import (
    check_storefront_password,
    record_failed_unlock,
    render_shop_policies,
    storefront_is_unlocked,
    unlock_attempts_exhausted,
    unlock_storefront,
)


class HomeView(TemplateView):
    template_name = "catalog/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        featured = list(
            Listing.objects.filter(featured=True, status=Listing.Status.ACTIVE, shop__is_private=False)
            .select_related("shop")
            .prefetch_related("images")[:24]
        )
        # Rotate which featured pieces show up first so every seller gets a turn.
        random.shuffle(featured)
        context["featured"] = featured[:8]
        return context


class StorefrontView(DetailView):
    model = Shop
    template_name = "catalog/storefront.html"
    context_object_name = "shop"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shop = self.object
        context["unlocked"] = storefront_is_unlocked(self.request, shop)
        if context["unlocked"]:
            listings = shop.listings.filter(status=Listing.Status.ACTIVE).prefetch_related("images")
            query = self.request.GET.get("q", "").strip()
            if query:
                listings = listings.filter(title__icontains=query)
            context["listings"] = listings
            context["query"] = query
            context["policy_html"] = render_shop_policies(shop)
        if self.request.user.is_authenticated:
            context["is_favorite"] = Favorite.objects.filter(user=self.request.user, shop=shop).exists()
        return context

    def post(self, request, *args, **kwargs):
        self.object = shop = self.get_object()
        if unlock_attempts_exhausted(request, shop):
            messages.error(request, "Too many attempts. Try again in a few minutes.")
            return self.render_to_response(self.get_context_data(), status=429)
        if check_storefront_password(shop, request.POST.get("password", "")):
            unlock_storefront(request, shop)
            return redirect(shop.get_absolute_url())
        record_failed_unlock(request, shop)
        messages.error(request, "That password didn't work.")
        return self.render_to_response(self.get_context_data())


class ListingDetailView(DetailView):
    template_name = "catalog/listing_detail.html"
    context_object_name = "listing"

    def get_object(self, queryset=None):
        listing = get_object_or_404(
            Listing.objects.select_related("shop").prefetch_related("images"),
            shop__slug=self.kwargs["shop_slug"],
            slug=self.kwargs["slug"],
        )
        if listing.status != Listing.Status.ACTIVE and listing.shop.owner != self.request.user:
            raise Http404
        if not storefront_is_unlocked(self.request, listing.shop):
            raise Http404
        return listing


@require_GET
def search_suggestions(request):
    """htmx endpoint behind the header search box."""
    term = request.GET.get("q", "").strip()
    if len(term) < 2:
        return HttpResponse("")
    titles = list(
        Listing.objects.filter(status=Listing.Status.ACTIVE, shop__is_private=False, title__icontains=term)
        .values_list("title", flat=True)[:8]
    )
    if not titles:
        return HttpResponse(f'<li class="suggestion empty">No listings match "{term}"</li>')
    return HttpResponse(
        format_html_join(
            "\n",
            '<li class="suggestion"><a href="{}?q={}">{}</a></li>',
            ((reverse("catalog:home"), quote(title), title) for title in titles),
        )
    )


class SellerDashboardView(LoginRequiredMixin, TemplateView):
    template_name = "catalog/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shop = getattr(self.request.user, "shop", None)
        if shop is None:
            raise Http404("You don't have a shop yet.")
        report = SalesReportRepository(shop.pk)
        end = timezone.now()
        sort = self.request.GET.get("sort", "revenue")
        context.update(
            shop=shop,
            sort=sort,
            daily=report.daily_totals(end - timedelta(days=30), end),
            top_listings=report.top_listings(sort),
            open_orders=report.open_orders(),
        )
        return context


@csrf_exempt
@login_required
@require_POST
def mark_item_shipped(request, item_id):
    item = get_object_or_404(OrderItem, pk=item_id, shop__owner=request.user)
    item.tracking_number = request.POST.get("tracking_number", "").strip()
    item.shipped_at = timezone.now()
    item.save(update_fields=["tracking_number", "shipped_at"])
    messages.success(request, f"Marked {item.listing.title} as shipped.")
    return redirect("catalog:dashboard")


@login_required
@require_POST
def update_vacation_mode(request):
    shop = get_object_or_404(Shop, owner=request.user)
    shop.vacation_mode = request.POST.get("vacation_mode") == "on"
    shop.vacation_message = request.POST.get("vacation_message", "")[:200]
    shop.save(update_fields=["vacation_mode", "vacation_message"])
    return redirect("catalog:dashboard")


@login_required
@require_POST
def toggle_favorite(request, slug):
    shop = get_object_or_404(Shop, slug=slug)
    favorite, created = Favorite.objects.get_or_create(user=request.user, shop=shop)
    if not created:
        favorite.delete()
    return JsonResponse({"favorite": created})
