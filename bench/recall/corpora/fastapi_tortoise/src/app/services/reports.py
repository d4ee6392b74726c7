from datetime import date, timedelta
from typing import Literal

from app.repositories.reports import ReportRepository

Period = Literal["day", "week", "month"]


class ReportService:
    def __init__(self, repo: ReportRepository | None = None) -> None:
        self.repo = repo or ReportRepository()

    async def enrollment_summary(self, teacher_id: int, days: int = 30) -> list[dict]:
        return await self.repo.enrollment_summary(teacher_id, date.today() - timedelta(days=days))

    async def revenue(self, language: str, period: Period = "month") -> dict:
        rows = await self.repo.revenue_by_language(language.strip().lower(), period)
        total = sum(int(r["total_cents"] or 0) for r in rows)
        return {"language": language, "period": period, "total_cents": total, "series": rows}
