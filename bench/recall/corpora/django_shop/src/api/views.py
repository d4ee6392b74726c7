import json
import logging

import jwt
from django.contrib.auth import authenticate, get_user_model
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from catalog.models import Book

from .auth import bearer_token, jwt_required, partner_key_required
from .models import ReadingListItem
from .tokens import decode_for_refresh, issue_access_token

logger = logging.getLogger(__name__)


def _json_body(request):
    try:
        return json.loads(request.body or b"{}")
    except ValueError:
        return {}


@csrf_exempt
@require_POST
def token_obtain(request):
    data = _json_body(request)
    user = authenticate(request, email=data.get("email", ""), password=data.get("password", ""))
    if user is None or not user.is_active:
        return JsonResponse({"detail": "Invalid e-mail or password."}, status=401)
    logger.info("API token issued for user_id=%s", user.pk)
    return JsonResponse({"access": issue_access_token(user), "token_type": "Bearer"})


@csrf_exempt
@require_POST
def token_refresh(request):
    try:
        claims = decode_for_refresh(bearer_token(request))
    except jwt.InvalidTokenError:
        return JsonResponse({"detail": "Invalid token."}, status=401)
    user = get_object_or_404(get_user_model(), pk=claims["sub"], is_active=True)
    return JsonResponse({"access": issue_access_token(user), "token_type": "Bearer"})


def _serialize_book(book):
    return {
        "isbn": book.isbn,
        "title": book.title,
        "authors": [a.name for a in book.authors.all()],
        "price": str(book.price),
        "in_stock": book.stock > 0,
        "url": book.get_absolute_url(),
    }


@csrf_exempt
@require_http_methods(["GET", "POST", "DELETE"])
@jwt_required
def reading_list(request):
    user = request.api_user
    if request.method == "POST":
        book = get_object_or_404(Book, isbn=_json_body(request).get("isbn", ""))
        ReadingListItem.objects.get_or_create(user=user, book=book)
    elif request.method == "DELETE":
        ReadingListItem.objects.filter(user=user, book__isbn=request.GET.get("isbn", "")).delete()
    items = ReadingListItem.objects.filter(user=user).select_related("book").prefetch_related("book__authors")
    return JsonResponse({"items": [_serialize_book(item.book) for item in items]})


@require_GET
@ratelimit(key="header:x-api-key", rate="60/m", block=True)
@partner_key_required
def partner_catalogue(request):
    books = Book.objects.in_stock().prefetch_related("authors").order_by("-created")[:200]
    return JsonResponse({"partner": request.partner.name, "books": [_serialize_book(b) for b in books]})
