"""Handlers for the legacy Tornado back-office (warehouse + payment webhooks).

This predates the Starlette admin and is still used by the warehouse team for
stock adjustments, and by the payment provider for webhook callbacks.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging

import jwt
import tornado.web

from .. import db
from ..config import get_settings
from ..repositories import orders, staff as staff_repo
from ..services.passwords import verify_password

log = logging.getLogger(__name__)


class BaseHandler(tornado.web.RequestHandler):
    def prepare(self):
        self.conn = db.connect()

    def on_finish(self):
        conn = getattr(self, "conn", None)
        if conn is not None:
            conn.close()

    def get_current_user(self):
        raw = self.get_secure_cookie("bo_staff")
        if not raw:
            return None
        return staff_repo.get_by_id(self.conn, int(raw))


class LoginHandler(BaseHandler):
    def get(self):
        self.render("login.html", error=None)

    def post(self):
        email = self.get_body_argument("email", "")
        password = self.get_body_argument("password", "")
        account = staff_repo.get_by_email(self.conn, email)
        if not account or not verify_password(password, account["password_hash"]):
            self.set_status(401)
            self.render("login.html", error="Wrong e-mail or password")
            return
        self.set_secure_cookie("bo_staff", str(account["id"]), expires_days=1)
        self.redirect(self.get_argument("next", "/stock"))


class StockSearchHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        sku = self.get_argument("sku", "")
        warehouse = self.get_argument("warehouse", "MAIN")
        sql = "SELECT sku, title, qty_on_hand, bin FROM stock WHERE warehouse = '" + warehouse + "'"
        if sku:
            sql += " AND sku LIKE '" + sku + "%'"
        cur = self.conn.cursor()
        cur.execute(sql + " ORDER BY sku LIMIT 200")
        self.render("stock.html", rows=cur.fetchall(), sku=sku, warehouse=warehouse)


class StockAdjustHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        sku = self.get_body_argument("sku")
        delta = int(self.get_body_argument("delta"))
        reason = self.get_body_argument("reason", "manual")
        mark = db.placeholder(self.conn)
        cur = self.conn.cursor()
        cur.execute(
            f"UPDATE stock SET qty_on_hand = qty_on_hand + {mark} WHERE sku = {mark}",
            (delta, sku),
        )
        cur.execute(
            f"INSERT INTO stock_log (sku, delta, reason, staff_id) VALUES ({mark}, {mark}, {mark}, {mark})",
            (sku, delta, reason, self.current_user["id"]),
        )
        self.conn.commit()
        self.redirect(f"/stock?sku={sku}")


class PaymentWebhookHandler(BaseHandler):
    """Payment provider callback: body is JSON, signed with a shared secret."""

    def check_xsrf_cookie(self):
        return None

    def post(self):
        secret = get_settings().logship.get("payments", {}).get("webhook_secret", "")
        body = self.request.body
        expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        signature = self.request.headers.get("X-Signature", "")
        if signature != expected:
            self.set_status(400)
            self.finish({"error": "bad signature"})
            return
        event = json.loads(body)
        if event.get("type") == "charge.refunded":
            order_id = int(event["data"]["metadata"]["order_id"])
            orders.bulk_set_status(self.conn, [order_id], "refunded")
            self.conn.commit()
        self.finish({"ok": True})


class PartnerOrdersHandler(BaseHandler):
    """Drop-shipping partners poll their open orders with a signed token."""

    def _partner_claims(self) -> dict:
        auth = self.request.headers.get("Authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else ""
        header = jwt.get_unverified_header(token)
        return jwt.decode(token, get_settings().jwt_secret, algorithms=[header["alg"]])

    def get(self):
        try:
            claims = self._partner_claims()
        except jwt.PyJWTError:
            raise tornado.web.HTTPError(401)
        rows = orders.list_orders(self.conn, "paid", sort="date")
        partner = claims.get("partner")
        self.finish({"partner": partner, "orders": [dict(r) for r in rows if r.get("partner") == partner]})
