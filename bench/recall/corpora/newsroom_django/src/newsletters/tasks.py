import logging

from celery import shared_task
from django.utils import timezone

from .models import Issue
from .sender import send_issue_to

logger = logging.getLogger(__name__)


@shared_task
def send_issue(issue_id, chunk_size=500):
    issue = Issue.objects.select_related("newsletter").get(pk=issue_id)
    if issue.sent_at is not None:
        logger.warning("issue %s was already sent at %s", issue.pk, issue.sent_at)
        return 0

    recipients = issue.newsletter.subscribers.filter(is_active=True, email_verified=True).order_by("pk")
    sent = failed = 0
    for subscriber in recipients.iterator(chunk_size=chunk_size):
        if send_issue_to(issue, subscriber):
            sent += 1
        else:
            failed += 1

    Issue.objects.filter(pk=issue.pk).update(sent_at=timezone.now(), recipients_count=sent)
    logger.info("issue %s (%s): sent %d, failed %d", issue.pk, issue.newsletter.slug, sent, failed)
    return sent


@shared_task
def send_due_issues():
    due = Issue.objects.filter(sent_at__isnull=True, scheduled_for__lte=timezone.now())
    for issue_id in due.values_list("pk", flat=True):
        send_issue.delay(issue_id)
