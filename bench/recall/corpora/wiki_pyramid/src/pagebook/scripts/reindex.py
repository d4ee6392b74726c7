"""Rebuild the full-text search vectors.

Needed after changing the text search configuration or bulk-importing pages
with the trigger disabled.

    pagebook-reindex production.ini --space handbook --language english
"""
import argparse
import sys
import time

from pyramid.paster import get_appsettings, setup_logging

from ..models import get_engine


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("config_uri")
    parser.add_argument("--space", help="only reindex pages of this space key")
    parser.add_argument("--language", default="english", help="text search configuration")
    return parser.parse_args(argv)


def main(argv=sys.argv):
    args = parse_args(argv[1:])
    setup_logging(args.config_uri)
    settings = get_appsettings(args.config_uri)
    engine = get_engine(settings)

    vector = (
        f"setweight(to_tsvector('{args.language}', coalesce(title, '')), 'A') || "
        f"setweight(to_tsvector('{args.language}', coalesce(body, '')), 'B')"
    )
    where = "WHERE NOT is_deleted"
    if args.space:
        where += f" AND space_id = (SELECT id FROM spaces WHERE key = '{args.space}')"

    started = time.monotonic()
    with engine.begin() as conn:
        result = conn.exec_driver_sql(f"UPDATE pages SET search_vector = {vector} {where}")
    print(f"reindexed {result.rowcount} pages in {time.monotonic() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
