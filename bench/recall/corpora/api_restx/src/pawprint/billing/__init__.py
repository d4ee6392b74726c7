"""Billing: invoices, payments and refunds stored in PostgreSQL."""


class BillingError(Exception):
    """Base class for billing failures."""


class InvoiceNotFound(BillingError):
    def __init__(self, number):
        super().__init__(f"Invoice {number} not found")
        self.number = number


class PaymentError(BillingError):
    def __init__(self, message, invoice_number=None, provider_code=None):
        super().__init__(message)
        self.invoice_number = invoice_number
        self.provider_code = provider_code
