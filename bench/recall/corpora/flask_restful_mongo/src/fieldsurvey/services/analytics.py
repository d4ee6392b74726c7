"""Live statistics computed with MongoDB aggregation pipelines."""
from datetime import datetime, timedelta, timezone

from bson import ObjectId

from ..models import Observation


def _collection():
    return Observation._get_collection()


def species_summary(survey_id, since=None, species=None, limit=50):
    match = {"survey": ObjectId(str(survey_id))}
    if since is not None:
        match["observed_at"] = {"$gte": since}
    if species:
        match["species_code"] = str(species)

    pipeline = [
        {"$match": match},
        {
            "$group": {
                "_id": "$species_code",
                "total": {"$sum": "$count"},
                "records": {"$sum": 1},
                "last_seen": {"$max": "$observed_at"},
            }
        },
        {"$sort": {"total": -1}},
        {"$limit": int(limit)},
    ]
    return [
        {
            "species_code": row["_id"],
            "total": row["total"],
            "records": row["records"],
            "last_seen": row["last_seen"].isoformat() if row.get("last_seen") else None,
        }
        for row in _collection().aggregate(pipeline)
    ]


def weekly_activity(survey_id, weeks=12):
    since = datetime.now(timezone.utc) - timedelta(weeks=int(weeks))
    pipeline = [
        {"$match": {"survey": ObjectId(str(survey_id)), "observed_at": {"$gte": since}}},
        {
            "$group": {
                "_id": {"$dateTrunc": {"date": "$observed_at", "unit": "week"}},
                "records": {"$sum": 1},
                "enumerators": {"$addToSet": "$enumerator"},
            }
        },
        {"$project": {"records": 1, "enumerators": {"$size": "$enumerators"}}},
        {"$sort": {"_id": 1}},
    ]
    return [
        {"week": row["_id"].date().isoformat(), "records": row["records"], "enumerators": row["enumerators"]}
        for row in _collection().aggregate(pipeline)
    ]


def flagged_by_site(survey_id):
    pipeline = [
        {"$match": {"survey": ObjectId(str(survey_id)), "flagged": True}},
        {"$group": {"_id": "$site", "flagged": {"$sum": 1}}},
        {"$sort": {"flagged": -1}},
    ]
    return {str(row["_id"]): row["flagged"] for row in _collection().aggregate(pipeline)}
