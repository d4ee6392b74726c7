from sqlalchemy import text

from ..extensions import db

WORK_ORDER_TABLE = "work_orders"

COST_GROUPINGS = {
    "vehicle": "v.unit_number",
    "category": "wo.category",
    "month": "date_trunc('month', wo.opened_at)",
}


class ReportRepository:
    def downtime_by_vehicle(self, depot_id: int, days: int) -> list[dict]:
        sql = text(
            f"SELECT v.unit_number, SUM(wo.downtime_hours) AS hours, COUNT(*) AS orders "
            f"FROM {WORK_ORDER_TABLE} wo JOIN vehicles v ON v.id = wo.vehicle_id "
            f"WHERE wo.depot_id = :depot AND wo.opened_at >= now() - INTERVAL '{int(days)} days' "
            f"GROUP BY v.unit_number ORDER BY hours DESC"
        )
        return [dict(r) for r in db.session.execute(sql, {"depot": depot_id}).mappings()]

    def cost_summary(self, depot_id: int, group_by: str) -> list[dict]:
        bucket = COST_GROUPINGS[group_by]
        sql = text(
            f"SELECT {bucket} AS bucket, SUM(wo.labour_cost) AS labour, COUNT(*) AS orders "
            "FROM work_orders wo JOIN vehicles v ON v.id = wo.vehicle_id "
            "WHERE wo.depot_id = :depot GROUP BY 1 ORDER BY 2 DESC"
        )
        return [dict(r) for r in db.session.execute(sql, {"depot": depot_id}).mappings()]

    def parts_usage(self, depot_id: int, order_by: str, direction: str) -> list[dict]:
        sql = (
            "SELECT pu.part_number, MAX(pu.description) AS description, "
            "SUM(pu.quantity) AS quantity, SUM(pu.quantity * pu.unit_cost) AS total_cost "
            "FROM part_usages pu JOIN work_orders wo ON wo.id = pu.work_order_id "
            "WHERE wo.depot_id = :depot GROUP BY pu.part_number "
            f"ORDER BY {order_by} {direction}"
        )
        result = db.session.execute(text(sql), {"depot": depot_id})
        return [dict(r) for r in result.mappings()]
