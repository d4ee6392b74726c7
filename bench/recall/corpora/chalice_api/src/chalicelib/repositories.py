"""DynamoDB access for riders, rides, stations, bikes, operators and partner keys."""
from boto3.dynamodb.conditions import Attr, Key

from chalicelib import dynamo, settings


class RiderRepository:
    EMAIL_INDEX = "email-index"

    def __init__(self, table=None):
        self._table = table or dynamo.table(settings.RIDERS_TABLE)

    def get(self, rider_id):
        return self._table.get_item(Key={"rider_id": rider_id}).get("Item")

    def find_by_email(self, email):
        result = self._table.query(
            IndexName=self.EMAIL_INDEX,
            KeyConditionExpression=Key("email").eq(email.strip().lower()),
            Limit=1,
        )
        items = result.get("Items", [])
        return items[0] if items else None

    def create(self, rider_id, email, name, password_hash, verification_token):
        self._table.put_item(
            Item={
                "rider_id": rider_id,
                "email": email.strip().lower(),
                "name": name,
                "password_hash": password_hash,
                "verified": False,
                "verification_token": verification_token,
                "created_at": dynamo.utcnow_iso(),
            },
            ConditionExpression="attribute_not_exists(rider_id)",
        )

    def put_corporate_rider(self, item):
        self._table.put_item(Item=item, ConditionExpression="attribute_not_exists(rider_id)")

    def find_by_verification_token(self, token):
        result = self._table.query(
            IndexName="verification-token-index",
            KeyConditionExpression=Key("verification_token").eq(token),
            Limit=1,
        )
        items = result.get("Items", [])
        return items[0] if items else None

    def mark_verified(self, rider_id):
        self._table.update_item(
            Key={"rider_id": rider_id},
            UpdateExpression="SET verified = :true REMOVE verification_token",
            ExpressionAttributeValues={":true": True},
        )

    def store_reset_code(self, rider_id, code, expires_at):
        self._table.update_item(
            Key={"rider_id": rider_id},
            UpdateExpression="SET reset_code = :code, reset_expires_at = :exp, reset_attempts = :zero",
            ExpressionAttributeValues={":code": code, ":exp": expires_at, ":zero": 0},
        )

    def count_reset_attempt(self, rider_id):
        self._table.update_item(
            Key={"rider_id": rider_id},
            UpdateExpression="ADD reset_attempts :one",
            ExpressionAttributeValues={":one": 1},
        )

    def set_password_hash(self, rider_id, password_hash):
        self._table.update_item(
            Key={"rider_id": rider_id},
            UpdateExpression=(
                "SET password_hash = :hash, must_change_password = :false "
                "REMOVE reset_code, reset_expires_at, reset_attempts, password"
            ),
            ExpressionAttributeValues={":hash": password_hash, ":false": False},
        )


class RideRepository:
    def __init__(self, table=None):
        self._table = table or dynamo.table(settings.RIDES_TABLE)

    def get(self, ride_id):
        return self._table.get_item(Key={"ride_id": ride_id}).get("Item")

    def put(self, ride):
        self._table.put_item(Item=ride)

    def active_for_rider(self, rider_id):
        result = self._table.query(
            IndexName="rider-index",
            KeyConditionExpression=Key("rider_id").eq(rider_id),
            FilterExpression="#s = :active",
            ExpressionAttributeNames={"#s": "status"},
            ExpressionAttributeValues={":active": "active"},
        )
        return result.get("Items", [])

    def for_rider(self, rider_id, limit=25):
        result = self._table.query(
            IndexName="rider-index",
            KeyConditionExpression=Key("rider_id").eq(rider_id),
            ScanIndexForward=False,
            Limit=limit,
        )
        return result.get("Items", [])

    def finish(self, ride_id, end_station_id, ended_at, duration_s, fare_cents):
        result = self._table.update_item(
            Key={"ride_id": ride_id},
            UpdateExpression=(
                "SET #s = :done, end_station_id = :end, ended_at = :at, "
                "duration_s = :dur, fare_cents = :fare"
            ),
            ConditionExpression="#s = :active",
            ExpressionAttributeNames={"#s": "status"},
            ExpressionAttributeValues={
                ":done": "completed",
                ":active": "active",
                ":end": end_station_id,
                ":at": ended_at,
                ":dur": duration_s,
                ":fare": fare_cents,
            },
            ReturnValues="ALL_NEW",
        )
        return result["Attributes"]

    def mark_paid(self, ride_id, payment_id):
        self._table.update_item(
            Key={"ride_id": ride_id},
            UpdateExpression="SET payment_status = :paid, payment_id = :pid",
            ExpressionAttributeValues={":paid": "paid", ":pid": payment_id},
        )


class StationRepository:
    def __init__(self, table=None):
        self._table = table or dynamo.table(settings.STATIONS_TABLE)

    def get(self, station_id):
        return self._table.get_item(Key={"pk": f"STATION#{station_id}", "sk": "META"}).get("Item")

    def all(self, city=None):
        kwargs = {"FilterExpression": Attr("sk").eq("META")}
        if city:
            kwargs["FilterExpression"] = kwargs["FilterExpression"] & Attr("city").eq(city)
        items, start = [], None
        while True:
            if start:
                kwargs["ExclusiveStartKey"] = start
            page = self._table.scan(**kwargs)
            items.extend(page.get("Items", []))
            start = page.get("LastEvaluatedKey")
            if not start:
                return items

    def in_zone(self, zone):
        result = self._table.query(
            IndexName="zone-index", KeyConditionExpression=Key("zone").eq(zone)
        )
        return result.get("Items", [])

    def update_details(self, station_id, name, capacity, notice):
        self._table.update_item(
            Key={"pk": f"STATION#{station_id}", "sk": "META"},
            UpdateExpression="SET #n = :name, capacity = :cap, notice = :notice",
            ExpressionAttributeNames={"#n": "name"},
            ExpressionAttributeValues={":name": name, ":cap": capacity, ":notice": notice},
        )

    def adjust_docked(self, station_id, delta):
        self._table.update_item(
            Key={"pk": f"STATION#{station_id}", "sk": "META"},
            UpdateExpression="ADD bikes_available :d",
            ExpressionAttributeValues={":d": delta},
        )

    def reviews(self, station_id, limit=20):
        result = self._table.query(
            KeyConditionExpression=Key("pk").eq(f"STATION#{station_id}")
            & Key("sk").begins_with("REVIEW#"),
            ScanIndexForward=False,
            Limit=limit,
        )
        return result.get("Items", [])

    def add_review(self, station_id, review_id, rider_id, rider_name, rating, comment):
        self._table.put_item(
            Item={
                "pk": f"STATION#{station_id}",
                "sk": f"REVIEW#{dynamo.utcnow_iso()}#{review_id}",
                "rider_id": rider_id,
                "rider_name": rider_name,
                "rating": rating,
                "comment": comment,
            }
        )


class BikeRepository:
    def __init__(self, table=None):
        self._table = table or dynamo.table(settings.BIKES_TABLE)

    def get(self, bike_id):
        return self._table.get_item(Key={"bike_id": bike_id}).get("Item")

    def set_status(self, bike_id, status, station_id=None, note=None, operator_id=None):
        names = {"#s": "status"}
        values = {":s": status, ":at": dynamo.utcnow_iso()}
        expression = "SET #s = :s, updated_at = :at"
        if station_id is not None:
            expression += ", station_id = :st"
            values[":st"] = station_id
        if note:
            expression += ", status_note = :note"
            values[":note"] = note
        if operator_id:
            expression += ", updated_by = :op"
            values[":op"] = operator_id
        self._table.update_item(
            Key={"bike_id": bike_id},
            UpdateExpression=expression,
            ExpressionAttributeNames=names,
            ExpressionAttributeValues=values,
        )


class OperatorRepository:
    def __init__(self, table=None):
        self._table = table or dynamo.table(settings.OPERATORS_TABLE)

    def get_by_email(self, email):
        result = self._table.query(
            IndexName="email-index",
            KeyConditionExpression=Key("email").eq(email.strip().lower()),
            Limit=1,
        )
        items = result.get("Items", [])
        return items[0] if items else None

    def put(self, operator):
        self._table.put_item(Item=operator, ConditionExpression="attribute_not_exists(operator_id)")

    def touch_login(self, operator_id):
        self._table.update_item(
            Key={"operator_id": operator_id},
            UpdateExpression="SET last_login_at = :now",
            ExpressionAttributeValues={":now": dynamo.utcnow_iso()},
        )


class PartnerRepository:
    def __init__(self, table=None):
        self._table = table or dynamo.table(settings.PARTNERS_TABLE)

    def put_key(self, key_hash, partner_name, key_prefix):
        self._table.put_item(
            Item={
                "key_hash": key_hash,
                "partner_name": partner_name,
                "key_prefix": key_prefix,
                "active": True,
                "created_at": dynamo.utcnow_iso(),
            }
        )

    def get_by_hash(self, key_hash):
        item = self._table.get_item(Key={"key_hash": key_hash}).get("Item")
        if item and item.get("active"):
            return item
        return None
