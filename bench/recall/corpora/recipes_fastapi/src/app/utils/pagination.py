from dataclasses import dataclass

from fastapi import Query

from app.core.config import settings


@dataclass
class Page:
    page: int
    per_page: int

    @property
    def skip(self) -> int:
        return (self.page - 1) * self.per_page


def page_params(
    page: int = Query(1, ge=1, le=1000),
    per_page: int = Query(settings.RECIPES_PER_PAGE, ge=1, le=100),
) -> Page:
    return Page(page=page, per_page=per_page)
