#!/usr/bin/env python3
"""Every few minutes: release unpaid seat holds and drop expired sessions."""
import datetime as dt
import logging
import sys

from kiosk import db, logging_setup, sessions
from kiosk.services import bookings

log = logging.getLogger("kiosk.housekeeping")


def main():
    logging_setup.configure()
    released = bookings.release_expired_holds()
    purged = sessions.purge_expired()
    signups = db.execute(
        "DELETE FROM pending_signups WHERE created_at < ?",
        (dt.datetime.now() - dt.timedelta(days=2),),
    ).rowcount
    resets = db.execute(
        "DELETE FROM password_resets WHERE expires_at < ? OR used = 1",
        (dt.datetime.now(),),
    ).rowcount
    log.info("released %d holds, purged %d sessions, %d signups, %d reset links",
             released, purged, signups, resets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
