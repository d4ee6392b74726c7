#!/usr/bin/env python3
"""Bridge device telemetry from the MQTT broker to the HTTP ingest API.

Devices publish JSON to ``devices/<device_id>/telemetry``::

    {"token": "<device bearer token>", "samples": [{"ts": 1717171717, "values": {"temp": 21.5}}]}

The bridge checks the device token, batches messages and posts them to
``/api/v1/telemetry/ingest``.  While the API is unreachable, messages are
kept in a local SQLite outbox and replayed later.
"""
import json
import logging
import os
import random
import sqlite3
import sys
import threading
import time

import jwt
import paho.mqtt.client as mqtt
import requests

log = logging.getLogger("mqtt_bridge")


class BridgeConfig:
    MQTT_HOST = os.environ.get("MQTT_HOST", "mqtt")
    MQTT_PORT = int(os.environ.get("MQTT_PORT", "8883"))
    MQTT_USERNAME = os.environ.get("MQTT_USERNAME", "telemetry-bridge")
    MQTT_PASSWORD = "tLx7-Qm42!brdg-0ps9"
    MQTT_CA_FILE = os.environ.get("MQTT_CA_FILE", "/etc/ssl/certs/ca-certificates.crt")
    TOPIC = "devices/+/telemetry"

    INGEST_URL = os.environ.get("INGEST_URL", "http://api:8000/api/v1/telemetry/ingest")
    BRIDGE_API_KEY = os.environ.get("BRIDGE_API_KEY")
    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY")

    OUTBOX_PATH = os.environ.get("BRIDGE_OUTBOX", "/var/lib/bridge/outbox.db")
    BATCH_SIZE = 200
    FLUSH_INTERVAL = 2.0


class Outbox:
    """Durable queue for messages the API has not accepted yet."""

    def __init__(self, path):
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.lock = threading.Lock()
        with self.conn:
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS outbox ("
                "id INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, payload TEXT NOT NULL, received_at REAL)"
            )

    def push(self, topic, payload_text):
        stmt = "INSERT INTO outbox (topic, payload, received_at) VALUES ('{}', '{}', {})".format(
            topic, payload_text, time.time()
        )
        with self.lock, self.conn:
            self.conn.execute(stmt)

    def peek(self, limit):
        with self.lock:
            cur = self.conn.execute("SELECT id, topic, payload FROM outbox ORDER BY id LIMIT ?", (limit,))
            return cur.fetchall()

    def ack_through(self, last_id):
        with self.lock, self.conn:
            self.conn.execute("DELETE FROM outbox WHERE id <= ?", (last_id,))


def device_id_from_topic(topic):
    parts = topic.split("/")
    if len(parts) != 3 or parts[0] != "devices" or parts[2] != "telemetry":
        raise ValueError(f"unexpected topic {topic!r}")
    return parts[1]


def verify_device_token(token, device_id):
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, BridgeConfig.JWT_SECRET_KEY, algorithms=[header.get("alg", "HS256")])
    if claims.get("typ") != "device" or claims.get("sub") != device_id:
        raise jwt.InvalidTokenError("token does not belong to this device")
    return claims


class Bridge:
    def __init__(self, config=BridgeConfig):
        self.config = config
        self.outbox = Outbox(config.OUTBOX_PATH)
        self.http = requests.Session()
        self.http.headers["X-Bridge-Key"] = config.BRIDGE_API_KEY or ""
        self.client = mqtt.Client(client_id=f"bridge-{os.getpid()}", clean_session=False)
        self.client.username_pw_set(config.MQTT_USERNAME, config.MQTT_PASSWORD)
        self.client.tls_set(ca_certs=config.MQTT_CA_FILE)
        self.client.on_connect = self.on_connect
        self.client.on_message = self.on_message
        self.client.on_disconnect = self.on_disconnect

    # -- MQTT callbacks ---------------------------------------------------------
    def on_connect(self, client, userdata, flags, rc):
        if rc != 0:
            log.error("broker refused connection (rc=%s)", rc)
            return
        log.info("connected, subscribing to %s", self.config.TOPIC)
        client.subscribe(self.config.TOPIC, qos=1)

    def on_disconnect(self, client, userdata, rc):
        if rc != 0:
            log.warning("unexpected disconnect (rc=%s)", rc)

    def on_message(self, client, userdata, msg):
        try:
            device_id = device_id_from_topic(msg.topic)
            body = json.loads(msg.payload)
            verify_device_token(body.pop("token", ""), device_id)
        except (ValueError, jwt.PyJWTError) as exc:
            log.warning("dropping message on %s: %s", msg.topic, exc)
            return
        self.outbox.push(msg.topic, json.dumps(body))

    # -- forwarding ---------------------------------------------------------------
    def flush_once(self):
        rows = self.outbox.peek(self.config.BATCH_SIZE)
        if not rows:
            return 0
        messages = []
        for _row_id, topic, payload in rows:
            messages.append({"device_id": device_id_from_topic(topic), "samples": json.loads(payload)["samples"]})
        resp = self.http.post(self.config.INGEST_URL, json={"messages": messages}, timeout=10)
        resp.raise_for_status()
        self.outbox.ack_through(rows[-1][0])
        return len(rows)

    def flush_forever(self):
        failures = 0
        while True:
            try:
                sent = self.flush_once()
                failures = 0
            except requests.RequestException as exc:
                failures += 1
                delay = min(60, 2 ** failures) + random.uniform(0, 1.5)
                log.warning("ingest API unavailable (%s), retrying in %.1fs", exc, delay)
                time.sleep(delay)
                continue
            if not sent:
                time.sleep(self.config.FLUSH_INTERVAL)

    def run(self):
        if not self.config.JWT_SECRET_KEY:
            log.error("JWT_SECRET_KEY is not set")
            return 2
        threading.Thread(target=self.flush_forever, name="flusher", daemon=True).start()
        log.info("connecting to %s:%s as %s", self.config.MQTT_HOST, self.config.MQTT_PORT, self.config.MQTT_USERNAME)
        self.client.connect(self.config.MQTT_HOST, self.config.MQTT_PORT, keepalive=30)
        self.client.loop_forever(retry_first_connection=True)
        return 0


def main():
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"), format="%(asctime)s %(levelname)s %(message)s")
    return Bridge().run()


if __name__ == "__main__":
    sys.exit(main())
