"""Signed download links for e-books bought in the shop."""
import jwt
from django.urls import reverse

DOWNLOAD_LINK_KEY = "inkspine-ebooks-2021"
DOWNLOAD_LINK_ALGORITHM = "HS256"


def make_download_token(order_line):
    claims = {
        "line": order_line.pk,
        "order": order_line.order_id,
        "isbn": order_line.book.isbn,
    }
    return jwt.encode(claims, DOWNLOAD_LINK_KEY, algorithm=DOWNLOAD_LINK_ALGORITHM)


def download_url(order_line):
    return reverse("orders:ebook-download", kwargs={"token": make_download_token(order_line)})


def read_download_token(token):
    return jwt.decode(token, DOWNLOAD_LINK_KEY, algorithms=[DOWNLOAD_LINK_ALGORITHM])
