#!/usr/bin/env python
"""One-off: fill Expense.receipt_sha256 for receipts uploaded before dedup existed."""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "payroll_ninja.settings.prod")

import django  # noqa: E402

django.setup()

from expenses.models import Expense  # noqa: E402
from expenses.services import receipt_digest  # noqa: E402

if __name__ == "__main__":
    qs = Expense.objects.exclude(receipt="").filter(receipt_sha256="").order_by("pk")
    total = qs.count()
    for done, expense in enumerate(qs.iterator(chunk_size=200), start=1):
        with expense.receipt.open("rb") as fh:
            expense.receipt_sha256 = receipt_digest(fh)
        expense.save(update_fields=["receipt_sha256"])
        if done % 100 == 0 or done == total:
            print(f"{done}/{total}")
