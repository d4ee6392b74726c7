"""
Move closed conversations older than a cut-off into the archive tables.

    ./manage.py archive_conversations --before 2024-01-01 [--dry-run]

Archived rows are copied with INSERT ... SELECT so that the (large) message
bodies never travel through Python.
"""
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from chat.models import Attachment, Conversation, Message

ARCHIVE_CONVERSATIONS = "archive_chat_conversation"
ARCHIVE_MESSAGES = "archive_chat_message"

CREATE_ARCHIVE_SQL = [
    f"CREATE TABLE IF NOT EXISTS {ARCHIVE_CONVERSATIONS} (LIKE {Conversation._meta.db_table} INCLUDING ALL)",
    f"CREATE TABLE IF NOT EXISTS {ARCHIVE_MESSAGES} (LIKE {Message._meta.db_table} INCLUDING ALL)",
]

COPY_CONVERSATIONS_SQL = """
    INSERT INTO {archive}
    SELECT * FROM {source}
    WHERE status = 'closed' AND closed_at < '{before}'
    ON CONFLICT (id) DO NOTHING
    RETURNING id
"""


class Command(BaseCommand):
    help = "Archive closed conversations older than --before (YYYY-MM-DD)."

    def add_arguments(self, parser):
        parser.add_argument("--before", required=True, help="Archive conversations closed before this date")
        parser.add_argument("--batch-size", type=int, default=5000)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        before = options["before"]
        if len(before) != 10:
            raise CommandError("--before must look like YYYY-MM-DD")

        with connection.cursor() as cursor:
            for statement in CREATE_ARCHIVE_SQL:
                cursor.execute(statement)

        with transaction.atomic(), connection.cursor() as cursor:
            sql = COPY_CONVERSATIONS_SQL.format(
                archive=ARCHIVE_CONVERSATIONS,
                source=Conversation._meta.db_table,
                before=before,
            )
            cursor.execute(sql)
            ids = [row[0] for row in cursor.fetchall()]
            self.stdout.write(f"{len(ids)} conversations copied to {ARCHIVE_CONVERSATIONS}")
            if not ids:
                return

            for start in range(0, len(ids), options["batch_size"]):
                chunk = ids[start : start + options["batch_size"]]
                cursor.execute(
                    f"INSERT INTO {ARCHIVE_MESSAGES} SELECT * FROM {Message._meta.db_table} "
                    "WHERE conversation_id = ANY(%s) ON CONFLICT (id) DO NOTHING",
                    [chunk],
                )

            if options["dry_run"]:
                transaction.set_rollback(True)
                self.stdout.write(self.style.WARNING("Dry run, rolled back."))
                return

            Attachment.objects.filter(conversation_id__in=ids).update(message=None)
            Message.objects.filter(conversation_id__in=ids).delete()
            Conversation.objects.filter(pk__in=ids).delete()

        self.stdout.write(self.style.SUCCESS(f"Archived {len(ids)} conversations"))
