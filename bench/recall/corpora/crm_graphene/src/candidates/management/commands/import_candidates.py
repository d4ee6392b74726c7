from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from candidates.services import ImportError_, import_candidates


class Command(BaseCommand):
    help = "Import candidates from a CSV export (LinkedIn Recruiter, Bullhorn, old spreadsheets...)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="CSV file to import")
        parser.add_argument("--owner", help="e-mail of the recruiter who will own new candidates")
        parser.add_argument("--encoding", default="utf-8-sig")
        parser.add_argument("--dry-run", action="store_true", help="validate the file without saving anything")

    def handle(self, *args, path, owner=None, encoding="utf-8-sig", dry_run=False, **options):
        if not path.exists():
            raise CommandError(f"{path} does not exist")

        owner_user = None
        if owner:
            User = get_user_model()
            try:
                owner_user = User.objects.get(email__iexact=owner)
            except User.DoesNotExist as exc:
                raise CommandError(f"No user with e-mail {owner}") from exc

        with path.open(newline="", encoding=encoding) as fh:
            try:
                result = import_candidates(fh, owner=owner_user, dry_run=dry_run)
            except ImportError_ as exc:
                raise CommandError(str(exc)) from exc

        style = self.style.WARNING if dry_run else self.style.SUCCESS
        self.stdout.write(
            style(
                f"[{result.batch_ref}] created={result.created} updated={result.updated} "
                f"skipped={result.skipped}" + (" (dry run)" if dry_run else "")
            )
        )
        for error in result.errors:
            self.stderr.write(f"  {error}")
