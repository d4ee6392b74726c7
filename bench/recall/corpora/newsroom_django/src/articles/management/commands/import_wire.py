import hashlib
import logging
from datetime import timedelta

import requests
from dateutil import parser as dateparser
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Section
from articles.tasks import apply_kill_notices

logger = logging.getLogger("articles.wire")

SECTION_MAP = {
    "NATIONAL": "uk",
    "WORLD": "world",
    "BUSINESS": "business",
    "SPORT": "sport",
    "ENTERTAINMENT": "culture",
    "MARITIME": "harbour",
}
DEFAULT_SECTION = "news"


class Command(BaseCommand):
    help = "Pull new and updated stories from the Coastwire agency feed."

    def add_arguments(self, parser):
        parser.add_argument("--since", type=int, default=30, help="minutes of feed to request")
        parser.add_argument("--limit", type=int, default=200)
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args, **options):
        if not settings.WIRE_API_TOKEN:
            raise CommandError("WIRE_API_TOKEN is not configured")
        payload = self.fetch(options["since"], options["limit"])
        sections = {s.slug: s for s in Section.objects.all()}
        if DEFAULT_SECTION not in sections:
            raise CommandError(f"section '{DEFAULT_SECTION}' is missing")

        counts = {"created": 0, "updated": 0, "skipped": 0, "failed": 0}
        for item in payload.get("items", []):
            try:
                result = self.upsert(item, sections, dry_run=options["dry_run"])
            except (KeyError, ValueError):
                logger.warning("malformed wire item %r", item.get("guid"))
                result = "failed"
            counts[result] += 1

        kills = [k["guid"] for k in payload.get("kills", []) if k.get("guid")]
        if kills and not options["dry_run"]:
            apply_kill_notices.delay(kills)

        summary = (
            f"wire import: {counts['created']} new, {counts['updated']} updated, "
            f"{counts['skipped']} unchanged, {counts['failed']} failed, {len(kills)} kills"
        )
        logger.info(summary)
        if not options["quiet"]:
            self.stdout.write(self.style.SUCCESS(summary))

    def fetch(self, since_minutes, limit):
        since = timezone.now() - timedelta(minutes=since_minutes)
        headers = {
            "Authorization": f"Bearer {settings.WIRE_API_TOKEN}",
            "Accept": "application/json",
            "User-Agent": "HarbourGazette-WireImporter/2.1",
        }
        params = {"updated_since": since.isoformat(), "limit": limit, "format": "html"}
        logger.info("requesting %s params=%s headers=%s", settings.WIRE_FEED_URL, params, headers)
        try:
            response = requests.get(settings.WIRE_FEED_URL, headers=headers, params=params, timeout=20)
            response.raise_for_status()
        except requests.RequestException as exc:
            logger.exception("wire feed request failed")
            raise CommandError("wire feed unavailable") from exc
        return response.json()

    def upsert(self, item, sections, dry_run=False):
        guid = item["guid"]
        body = item.get("body_html") or ""
        # agency re-sends unchanged items on every poll; only touch rows whose copy changed
        content_hash = hashlib.sha1(body.encode("utf-8")).hexdigest()
        existing = Article.objects.filter(source=Article.Source.WIRE, wire_guid=guid).first()
        if existing and existing.wire_content_hash == content_hash:
            return "skipped"

        section_slug = SECTION_MAP.get(item.get("category", "").upper(), DEFAULT_SECTION)
        fields = {
            "headline": item["headline"][:255],
            "standfirst": item.get("summary", ""),
            "body": body,
            "section": sections.get(section_slug) or sections[DEFAULT_SECTION],
            "wire_content_hash": content_hash,
        }
        if dry_run:
            return "updated" if existing else "created"

        with transaction.atomic():
            if existing:
                for name, value in fields.items():
                    setattr(existing, name, value)
                existing.save()
                return "updated"

            published = dateparser.isoparse(item["published"]) if item.get("published") else timezone.now()
            embargo = dateparser.isoparse(item["embargo"]) if item.get("embargo") else None
            status = Article.Status.EMBARGOED if embargo and embargo > timezone.now() else Article.Status.PUBLISHED
            Article.objects.create(
                slug=self.unique_slug(item["headline"]),
                source=Article.Source.WIRE,
                wire_guid=guid,
                status=status,
                published_at=published,
                embargo_until=embargo,
                **fields,
            )
            return "created"

    def unique_slug(self, headline):
        base = slugify(headline)[:200] or "wire-story"
        slug, n = base, 2
        while Article.objects.filter(slug=slug).exists():
            slug = f"{base}-{n}"
            n += 1
        return slug
