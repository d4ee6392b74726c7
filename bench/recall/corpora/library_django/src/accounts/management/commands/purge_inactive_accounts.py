"""
Remove patron accounts nobody has used for a long time.

GDPR retention policy: a patron with no activity for INACTIVE_ACCOUNT_YEARS,
nothing on loan and no unpaid fines is deleted. Loan history rows are kept
for statistics but detached from the person.
"""
import logging
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

from accounts.models import Patron, PendingRegistration
from circulation.models import Fine, Hold, Loan

logger = logging.getLogger("libnet.accounts")


class Command(BaseCommand):
    help = "Delete patron accounts that have been inactive past the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=settings.LIBNET["INACTIVE_ACCOUNT_YEARS"])
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, years, dry_run, batch_size, **options):
        cutoff = timezone.now() - timedelta(days=365 * years)

        open_loans = Loan.objects.filter(patron=OuterRef("pk"), returned_at__isnull=True)
        unpaid = Fine.objects.filter(patron=OuterRef("pk"), paid=False)
        candidates = (
            Patron.objects.filter(is_staff=False, is_superuser=False)
            .filter(Q(last_activity__lt=cutoff) | Q(last_activity__isnull=True, date_joined__lt=cutoff))
            .annotate(has_loans=Exists(open_loans), has_fines=Exists(unpaid))
            .filter(has_loans=False, has_fines=False)
        )
        ids = list(candidates.values_list("pk", flat=True))
        self.stdout.write(f"{len(ids)} account(s) inactive since {cutoff:%Y-%m-%d}")

        stale_pending = PendingRegistration.objects.filter(
            created_at__lt=timezone.now()
            - timedelta(hours=settings.LIBNET["PENDING_REGISTRATION_HOURS"])
        )

        if dry_run:
            self.stdout.write(f"{stale_pending.count()} expired pending registration(s)")
            self.stdout.write("dry run: nothing deleted")
            return

        purged = 0
        for start in range(0, len(ids), batch_size):
            chunk = ids[start:start + batch_size]
            with transaction.atomic():
                tokens = OutstandingToken.objects.filter(user_id__in=chunk)
                token_count = tokens.count()
                BlacklistedToken.objects.bulk_create(
                    [BlacklistedToken(token=t) for t in tokens], ignore_conflicts=True
                )
                Loan.objects.filter(patron_id__in=chunk).update(patron=None)
                Hold.objects.filter(patron_id__in=chunk).delete()
                deleted, _ = Patron.objects.filter(pk__in=chunk).delete()
                purged += deleted
            logger.info("purged batch of %d patrons, revoked %d refresh tokens", len(chunk), token_count)

        removed_pending, _ = stale_pending.delete()
        self.stdout.write(self.style.SUCCESS(
            f"Purged {purged} account rows and {removed_pending} expired registration(s)."
        ))
