"""Signed download links for the nightly report files."""

import logging
from pathlib import Path

import falcon
import jwt

from stockroom import settings

logger = logging.getLogger(__name__)


class ReportDownloadResource:
    auth_exempt = True

    def on_get(self, req, resp, filename):
        token = req.get_param("token", required=True)
        try:
            claims = jwt.decode(token, settings.JWT_SECRET, algorithms=["HS256"], audience="report-download")
        except jwt.InvalidTokenError:
            raise falcon.HTTPForbidden(title="Link expired", description="Ask for a new report link.")
        if claims.get("sub") != filename:
            raise falcon.HTTPForbidden(title="Link does not match this file")

        path = settings.REPORT_DIR / Path(filename).name
        if not path.is_file():
            raise falcon.HTTPNotFound()
        resp.content_type = "text/csv"
        resp.downloadable_as = path.name
        resp.stream = path.open("rb")
        resp.content_length = path.stat().st_size
