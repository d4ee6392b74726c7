"""Invoices and card payments."""
import logging

from flask import g
from flask_restx import Namespace, Resource, fields, reqparse

from ..billing import PaymentError
from ..billing.payments import StripeGateway
from ..billing.repository import InvoiceRepository
from .decorators import staff_required

log = logging.getLogger(__name__)

ns = Namespace("billing", description="Invoices and payments")

line_model = ns.model(
    "InvoiceLine",
    {
        "description": fields.String,
        "quantity": fields.Integer,
        "unit_cents": fields.Integer,
        "vat_rate": fields.Float,
    },
)

invoice_model = ns.model(
    "Invoice",
    {
        "number": fields.String,
        "status": fields.String,
        "currency": fields.String,
        "total_cents": fields.Integer,
        "paid_cents": fields.Integer,
        "issued_at": fields.DateTime(dt_format="iso8601"),
        "due_at": fields.DateTime(dt_format="iso8601"),
        "account_name": fields.String,
        "account_email": fields.String,
    },
)

invoice_detail = ns.inherit("InvoiceDetail", invoice_model, {"lines": fields.List(fields.Nested(line_model))})

invoice_page = ns.model(
    "InvoicePage",
    {
        "items": fields.List(fields.Nested(invoice_model)),
        "total": fields.Integer,
        "page": fields.Integer,
        "per_page": fields.Integer,
    },
)

payment_intent_model = ns.model(
    "PaymentIntent",
    {"client_secret": fields.String, "intent_id": fields.String, "amount": fields.Integer},
)

list_parser = reqparse.RequestParser()
list_parser.add_argument("status", type=str, choices=("draft", "open", "partial", "paid", "void", "refunded"), location="args")
list_parser.add_argument("currency", type=str, location="args")
list_parser.add_argument("sort", type=str, default="issued_at", location="args", help="Column to sort by")
list_parser.add_argument("direction", type=str, default="desc", choices=("asc", "desc"), location="args")
list_parser.add_argument("page", type=int, default=1, location="args")
list_parser.add_argument("per_page", type=int, default=25, location="args")

revenue_parser = reqparse.RequestParser()
revenue_parser.add_argument("period", type=str, default="month", location="args")

repo = InvoiceRepository()


@ns.route("/invoices")
class InvoiceList(Resource):
    @staff_required("admin", "manager", "reception")
    @ns.expect(list_parser)
    @ns.marshal_with(invoice_page)
    def get(self):
        args = list_parser.parse_args()
        filters = {"clinic_id": str(g.staff.clinic.id), "status": args["status"], "currency": args["currency"]}
        items = repo.list_invoices(
            filters,
            sort=args["sort"],
            direction=args["direction"],
            page=args["page"],
            per_page=args["per_page"],
        )
        return {
            "items": items,
            "total": repo.count_invoices(filters),
            "page": args["page"],
            "per_page": args["per_page"],
        }


@ns.route("/invoices/<string:number>")
class InvoiceDetail(Resource):
    @staff_required("admin", "manager", "reception")
    @ns.marshal_with(invoice_detail)
    def get(self, number):
        invoice = repo.get_invoice(number)
        if invoice["clinic_id"] != str(g.staff.clinic.id) and g.staff.role != "admin":
            ns.abort(404, "Invoice not found")
        return invoice


@ns.route("/invoices/<string:number>/pay")
class InvoicePay(Resource):
    @staff_required("admin", "manager", "reception")
    @ns.marshal_with(payment_intent_model)
    def post(self, number):
        invoice = repo.get_invoice(number)
        if invoice["clinic_id"] != str(g.staff.clinic.id):
            ns.abort(404, "Invoice not found")
        try:
            return StripeGateway().create_intent(invoice, customer_email=invoice.get("account_email"))
        except PaymentError as exc:
            log.exception("Could not create payment intent for %s (code=%s)", number, exc.provider_code)
            ns.abort(502, "The card terminal service is unavailable, please try again.")


@ns.route("/revenue")
class Revenue(Resource):
    @staff_required("admin", "manager")
    @ns.expect(revenue_parser)
    def get(self):
        args = revenue_parser.parse_args()
        rows = repo.revenue_by_period(str(g.staff.clinic.id), period=args["period"])
        return {
            "period": args["period"],
            "buckets": [
                {"bucket": row["bucket"].isoformat(), "total_cents": int(row["total_cents"]), "payments": row["payments"]}
                for row in rows
            ],
        }
