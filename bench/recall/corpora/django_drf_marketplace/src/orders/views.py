from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .checkout import read_receipt_token
from .models import DownloadLink


@require_GET
def receipt(request, token):
    order = read_receipt_token(token)
    if order is None:
        raise Http404
    return render(request, "orders/receipt.html", {"order": order, "items": order.items.select_related("listing")})


@require_GET
def download(request, token):
    link = get_object_or_404(DownloadLink.objects.select_related("item__listing"), token=token)
    if not link.is_valid():
        raise Http404
    DownloadLink.objects.filter(pk=link.pk).update(download_count=F("download_count") + 1)
    listing = link.item.listing
    return FileResponse(listing.digital_file.open("rb"), as_attachment=True, filename=listing.digital_file.name.split("/")[-1])
