import hashlib
import logging
import time

from sqlalchemy import select

from ..extensions import db
from ..filters import render_markdown
from ..models import Application, FundingRound, utcnow

log = logging.getLogger(__name__)


class ApplicationError(Exception):
    pass


def open_rounds():
    rounds = db.session.scalars(select(FundingRound).order_by(FundingRound.closes_at)).all()
    return [r for r in rounds if r.is_open]


def create_application(applicant, round_id, title, summary, description, requested_amount):
    funding_round = db.session.get(FundingRound, round_id)
    if funding_round is None or not funding_round.is_open:
        raise ApplicationError("That funding round is not accepting applications.")
    application = Application(
        round=funding_round,
        applicant=applicant,
        title=title.strip(),
        summary=summary or "",
        description=description or "",
        description_html=render_markdown(description),
        requested_amount=requested_amount,
    )
    db.session.add(application)
    db.session.commit()
    return application


def update_application(application, **fields):
    if not application.is_editable:
        raise ApplicationError("Submitted applications can no longer be edited.")
    for name in ("title", "summary", "description", "requested_amount"):
        if name in fields and fields[name] is not None:
            setattr(application, name, fields[name])
    if "description" in fields:
        application.description_html = render_markdown(application.description)
    db.session.commit()
    return application


def submit_application(application):
    if application.status != "draft":
        raise ApplicationError("Only drafts can be submitted.")
    if not application.round.is_open:
        raise ApplicationError("The round has closed.")
    application.status = "submitted"
    application.submitted_at = utcnow()
    db.session.commit()

    from ..queue import enqueue
    from ..tasks import generate_application_pdf

    enqueue(generate_application_pdf, application.id)
    return application


def withdraw_application(application):
    if application.status in ("awarded", "declined", "withdrawn"):
        raise ApplicationError("This application can no longer be withdrawn.")
    application.status = "withdrawn"
    db.session.commit()
    log.info("Application %s withdrawn", application.id)
    return application


def make_share_token(application):
    seed = f"{application.id}:{application.applicant_id}:{time.time()}"
    return hashlib.md5(seed.encode()).hexdigest()


def enable_sharing(application):
    if not application.share_token:
        application.share_token = make_share_token(application)
        db.session.commit()
    return application.share_token


def disable_sharing(application):
    application.share_token = None
    db.session.commit()


def find_by_share_token(token):
    return db.session.scalar(select(Application).where(Application.share_token == token))
