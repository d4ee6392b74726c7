CREATE TABLE IF NOT EXISTS stations (
    station_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    name         VARCHAR(120) NOT NULL,
    city         VARCHAR(80)  NOT NULL,
    zone         VARCHAR(40)  NOT NULL,
    capacity     SMALLINT     NOT NULL DEFAULT 0,
    KEY idx_stations_city (city)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS ride_facts (
    ride_id           CHAR(36)    NOT NULL PRIMARY KEY,
    rider_id          CHAR(36)    NOT NULL,
    start_station_id  VARCHAR(64) NOT NULL,
    end_station_id    VARCHAR(64) NULL,
    started_at        DATETIME    NOT NULL,
    duration_s        INT         NULL,
    fare_cents        INT         NULL,
    KEY idx_ride_facts_start (start_station_id, started_at),
    KEY idx_ride_facts_started (started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS daily_station_usage (
    day            DATE        NOT NULL,
    station_id     VARCHAR(64) NOT NULL,
    rides          INT         NOT NULL,
    revenue_cents  BIGINT      NOT NULL,
    PRIMARY KEY (day, station_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS partner_events (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    partner      VARCHAR(80) NOT NULL,
    kind         VARCHAR(40) NOT NULL,
    station_id   VARCHAR(64) NULL,
    payload      JSON        NOT NULL,
    received_at  DATETIME    NOT NULL,
    KEY idx_partner_events_partner (partner, received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
