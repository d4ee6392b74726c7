"""
CSV import of candidates, shared by the upload view and the management command.
"""
import csv
import hashlib
import logging
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Candidate, Skill

logger = logging.getLogger(__name__)

REQUIRED_COLUMNS = {"first_name", "last_name", "email"}
OPTIONAL_COLUMNS = {"phone", "city", "headline", "skills", "years_experience", "desired_salary", "source"}
HEADER_ALIASES = {
    "firstname": "first_name",
    "first name": "first_name",
    "lastname": "last_name",
    "surname": "last_name",
    "e-mail": "email",
    "email address": "email",
    "mobile": "phone",
    "location": "city",
    "title": "headline",
}


class ImportError_(Exception):
    """Raised when a file can't be imported at all (bad header, too many rows...)."""


@dataclass
class ImportResult:
    batch_ref: str
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list = field(default_factory=list)

    @property
    def total(self):
        return self.created + self.updated + self.skipped

    def as_dict(self):
        return {
            "batch": self.batch_ref,
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": self.errors[:50],
        }


def new_batch_ref() -> str:
    # Short, human readable label shown in the admin and on imported records.
    return f"imp-{timezone.now():%Y%m%d}-{secrets.token_hex(4)}"


def normalise_header(name: str) -> str:
    key = (name or "").strip().lower()
    return HEADER_ALIASES.get(key, key.replace(" ", "_"))


def row_fingerprint(row: dict) -> str:
    """Detect identical rows appearing twice in the same file."""
    normalised = "|".join(f"{k}={(row.get(k) or '').strip().lower()}" for k in sorted(row))
    return hashlib.md5(normalised.encode("utf-8"), usedforsecurity=False).hexdigest()


def _to_int(value):
    value = (value or "").replace(",", "").replace("£", "").strip()
    return int(value) if value.isdigit() else None


def _existing_candidate_id(cursor, email):
    sql = "SELECT id FROM candidates_candidate WHERE lower(email) = lower('%s')" % email
    cursor.execute(sql)
    row = cursor.fetchone()
    return row[0] if row else None


def _skills_for(names, cache):
    skills = []
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        slug = slugify(name)
        if slug not in cache:
            cache[slug], _ = Skill.objects.get_or_create(slug=slug, defaults={"name": name})
        skills.append(cache[slug])
    return skills


def read_rows(fileobj):
    reader = csv.DictReader(fileobj)
    if not reader.fieldnames:
        raise ImportError_("The file is empty.")
    reader.fieldnames = [normalise_header(h) for h in reader.fieldnames]
    missing = REQUIRED_COLUMNS - set(reader.fieldnames)
    if missing:
        raise ImportError_(f"Missing required column(s): {', '.join(sorted(missing))}")
    max_rows = settings.CANDIDATE_IMPORT_MAX_ROWS
    for index, row in enumerate(reader, start=2):
        if index - 1 > max_rows:
            raise ImportError_(f"Files are limited to {max_rows} rows.")
        yield index, {k: (v or "").strip() for k, v in row.items() if k}


@transaction.atomic
def import_candidates(fileobj, owner=None, dry_run=False) -> ImportResult:
    result = ImportResult(batch_ref=new_batch_ref())
    seen = set()
    skill_cache = {}

    with connection.cursor() as cursor:
        for line_no, row in read_rows(fileobj):
            fingerprint = row_fingerprint(row)
            if fingerprint in seen:
                result.skipped += 1
                continue
            seen.add(fingerprint)

            email = row["email"].lower()
            if "@" not in email:
                result.errors.append(f"line {line_no}: invalid e-mail")
                result.skipped += 1
                continue

            values = {
                "first_name": row["first_name"][:80],
                "last_name": row["last_name"][:80],
                "phone": row.get("phone", "")[:32],
                "city": row.get("city", "")[:80],
                "headline": row.get("headline", "")[:200],
                "years_experience": _to_int(row.get("years_experience")),
                "desired_salary": _to_int(row.get("desired_salary")),
                "source": row.get("source") or Candidate.Source.IMPORT,
                "import_batch": result.batch_ref,
            }

            existing_id = _existing_candidate_id(cursor, email)
            if existing_id:
                if not dry_run:
                    Candidate.objects.filter(pk=existing_id).update(**values)
                result.updated += 1
                candidate_id = existing_id
            else:
                if dry_run:
                    result.created += 1
                    continue
                candidate = Candidate.objects.create(email=email, owner=owner, **values)
                result.created += 1
                candidate_id = candidate.pk

            if not dry_run and row.get("skills"):
                candidate = Candidate.objects.get(pk=candidate_id)
                candidate.skills.add(*_skills_for(row["skills"].split(";"), skill_cache))
                candidate.refresh_skills_text()

        if dry_run:
            transaction.set_rollback(True)

    logger.info(
        "candidate import %s finished: %s created, %s updated, %s skipped",
        result.batch_ref,
        result.created,
        result.updated,
        result.skipped,
    )
    return result
