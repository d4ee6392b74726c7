"""Fleet operations: retiring bikes and planning van rebalancing runs."""
import json
import logging
import random
import time

from botocore.exceptions import ClientError

from chalicelib import aws, settings
from chalicelib.repositories import BikeRepository, StationRepository

log = logging.getLogger(__name__)

LOW_WATERMARK = 0.2
HIGH_WATERMARK = 0.85


def _with_retries(func, attempts=4):
    for attempt in range(1, attempts + 1):
        try:
            return func()
        except ClientError:
            if attempt == attempts:
                raise
            time.sleep(min(2 ** attempt, 10) * random.uniform(0.5, 1.0))


class FleetService:
    def __init__(self, bikes=None, stations=None, sqs=None):
        self.bikes = bikes or BikeRepository()
        self.stations = stations or StationRepository()
        self._sqs = sqs or aws.sqs()

    def retire_bike(self, bike_id, reason, operator_id):
        bike = self.bikes.get(bike_id)
        if bike is None:
            raise KeyError(bike_id)
        if bike.get("status") == "docked" and bike.get("station_id"):
            self.stations.adjust_docked(bike["station_id"], -1)
        self.bikes.set_status(bike_id, "retired", station_id="", note=reason, operator_id=operator_id)
        log.info("bike %s retired by operator %s (%s)", bike_id, operator_id, reason)

    def plan_rebalancing(self):
        surplus, shortage = [], []
        for station in self.stations.all():
            capacity = int(station.get("capacity") or 0)
            if not capacity:
                continue
            fill = int(station.get("bikes_available") or 0) / capacity
            if fill >= HIGH_WATERMARK:
                surplus.append(station)
            elif fill <= LOW_WATERMARK:
                shortage.append(station)
        moves = [
            {"from": src["station_id"], "to": dst["station_id"], "zone": dst.get("zone")}
            for src, dst in zip(surplus, shortage)
        ]
        for move in moves:
            _with_retries(
                lambda m=move: self._sqs.send_message(
                    QueueUrl=settings.REBALANCE_QUEUE_URL, MessageBody=json.dumps(m)
                )
            )
        log.info("queued %d rebalancing moves", len(moves))
        return moves
