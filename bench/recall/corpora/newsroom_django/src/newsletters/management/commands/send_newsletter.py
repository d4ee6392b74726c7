from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.models import Article
from newsletters.models import Issue, Newsletter
from newsletters.sender import send_issue_to
from newsletters.tasks import send_issue
from subscribers.models import Subscriber


class Command(BaseCommand):
    help = "Build and send a newsletter issue (today's briefing unless --issue is given)."

    def add_arguments(self, parser):
        parser.add_argument("newsletter", help="newsletter slug, e.g. morning-briefing")
        parser.add_argument("--issue", type=int, help="send an existing issue instead of building one")
        parser.add_argument("--test-to", help="send a single copy to this address and stop")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--now", action="store_true", help="send from this process instead of Celery")

    def handle(self, *args, **options):
        try:
            newsletter = Newsletter.objects.get(slug=options["newsletter"])
        except Newsletter.DoesNotExist:
            raise CommandError(f"no newsletter called {options['newsletter']!r}")

        issue = self.get_issue(newsletter, options["issue"]) if options["issue"] else self.build_issue(newsletter)
        self.stdout.write(f"issue {issue.pk}: {issue.subject} ({issue.articles.count()} stories)")

        if options["test_to"]:
            probe = Subscriber.objects.filter(email__iexact=options["test_to"]).first()
            if probe is None:
                raise CommandError("--test-to must be an existing subscriber address")
            ok = send_issue_to(issue, probe)
            self.stdout.write(self.style.SUCCESS("test sent") if ok else self.style.ERROR("test failed"))
            return

        audience = newsletter.subscribers.filter(is_active=True, email_verified=True).count()
        if options["dry_run"]:
            self.stdout.write(f"dry run: would send to {audience} subscribers")
            return

        if options["now"]:
            sent = send_issue(issue.pk)
            self.stdout.write(self.style.SUCCESS(f"sent to {sent} of {audience} subscribers"))
        else:
            send_issue.delay(issue.pk)
            self.stdout.write(self.style.SUCCESS(f"queued for {audience} subscribers"))

    def get_issue(self, newsletter, issue_id):
        try:
            issue = newsletter.issues.get(pk=issue_id)
        except Issue.DoesNotExist:
            raise CommandError(f"issue {issue_id} does not belong to {newsletter.slug}")
        if issue.sent_at:
            raise CommandError(f"issue {issue_id} already went out at {issue.sent_at:%H:%M %d %b}")
        return issue

    def build_issue(self, newsletter):
        window = timedelta(days=7) if newsletter.cadence == Newsletter.Cadence.WEEKLY else timedelta(hours=24)
        stories = list(
            Article.objects.published()
            .filter(published_at__gte=timezone.now() - window, source=Article.Source.STAFF)
            .order_by("-view_count")[:8]
        )
        if not stories:
            raise CommandError("nothing published in the window - not sending an empty issue")
        issue = Issue.objects.create(
            newsletter=newsletter,
            subject=f"{newsletter.name}: {stories[0].headline}",
            scheduled_for=timezone.now(),
        )
        issue.articles.set(stories)
        return issue
