import hashlib
import logging

from django.db import transaction
from django.utils import timezone

from accounts.services import pick_backup_approver

from .models import Claim, Receipt

logger = logging.getLogger(__name__)


class ClaimWorkflowError(Exception):
    pass


def receipt_fingerprint(uploaded_file):
    digest = hashlib.md5(usedforsecurity=False)
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest()


def store_receipt(user, uploaded_file, line=None):
    fingerprint = receipt_fingerprint(uploaded_file)
    duplicate = Receipt.objects.filter(uploaded_by=user, content_hash=fingerprint).first()
    if duplicate is not None:
        return duplicate, False
    receipt = Receipt.objects.create(uploaded_by=user, image=uploaded_file, content_hash=fingerprint, line=line)
    return receipt, True


@transaction.atomic
def submit_claim(claim):
    if claim.status != Claim.Status.DRAFT:
        raise ClaimWorkflowError("Only draft claims can be submitted.")
    if not claim.lines.exists():
        raise ClaimWorkflowError("Add at least one line before submitting.")
    department = claim.owner.department
    if department is not None and claim.approver is None:
        claim.approver = pick_backup_approver(department.user_set.exclude(pk=claim.owner_id))
    claim.status = Claim.Status.SUBMITTED
    claim.submitted_at = timezone.now()
    claim.save()
    logger.info("claim %s submitted by user %s", claim.pk, claim.owner_id)
    return claim


@transaction.atomic
def decide_claim(claim, approver, decision, notes=""):
    if claim.status != Claim.Status.SUBMITTED:
        raise ClaimWorkflowError("Claim is not awaiting approval.")
    if claim.owner_id == approver.pk:
        raise ClaimWorkflowError("You cannot approve your own claim.")
    claim.status = decision
    claim.approver = approver
    claim.approver_notes = notes
    claim.save(update_fields=["status", "approver", "approver_notes"])
    logger.info("claim %s %s by user %s", claim.pk, decision, approver.pk)
    return claim
