import pytest
from django.utils import timezone

from articles.models import Article, Section
from subscribers.models import Subscriber


@pytest.fixture
def section(db):
    return Section.objects.create(name="News", slug="news")


@pytest.fixture
def premium_section(db):
    return Section.objects.create(name="Investigations", slug="investigations", is_premium=True)


@pytest.fixture
def article(section):
    return Article.objects.create(
        headline="Harbour wall repairs to start in March",
        slug="harbour-wall-repairs",
        body="<p>Work on the <strong>north wall</strong> starts next month.</p>",
        section=section,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now(),
    )


@pytest.fixture
def subscriber(db):
    sub = Subscriber(email="reader@example.com", first_name="Ann", email_verified=True)
    sub.set_password("correct horse battery")
    sub.save()
    return sub
