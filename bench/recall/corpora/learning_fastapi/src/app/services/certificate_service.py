"""Completion certificates: issuing codes and building the page context."""
import secrets

from markupsafe import Markup
from sqlmodel import Session, select

from app.models import Certificate, Course, Enrolment, Tenant, User

SEPARATOR = Markup("&nbsp;&middot;&nbsp;")


def issue_certificate(session: Session, enrolment: Enrolment) -> Certificate:
    existing = session.exec(select(Certificate).where(Certificate.enrolment_id == enrolment.id)).first()
    if existing:
        return existing
    cert = Certificate(enrolment_id=enrolment.id, code=secrets.token_urlsafe(16))
    session.add(cert)
    session.commit()
    session.refresh(cert)
    return cert


def certificate_context(session: Session, tenant: Tenant, code: str) -> dict | None:
    cert = session.exec(select(Certificate).where(Certificate.code == code)).first()
    if cert is None:
        return None
    enrolment = session.get(Enrolment, cert.enrolment_id)
    student = session.get(User, enrolment.user_id)
    course = session.get(Course, enrolment.course_id)
    instructor = session.get(User, course.instructor_id)

    signature = Markup(f'<span class="signature">{instructor.display_name or instructor.full_name}</span>')
    return {
        "tenant": tenant,
        "student_name": student.full_name,
        "course": course,
        "signature": signature,
        "separator": SEPARATOR,
        "issued_at": cert.issued_at,
        "code": cert.code,
    }
