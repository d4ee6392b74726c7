-- Reporting warehouse fed nightly from DynamoDB by workers/nightly_report.py

CREATE TABLE IF NOT EXISTS reservations (
    reservation_id  CHAR(32)     NOT NULL PRIMARY KEY,
    restaurant_id   VARCHAR(64)  NOT NULL,
    guest_name      VARCHAR(200) NOT NULL,
    guest_email     VARCHAR(254) NOT NULL,
    service_date    DATE         NOT NULL,
    party_size      SMALLINT     NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    KEY idx_restaurant_date (restaurant_id, service_date),
    KEY idx_guest_email (restaurant_id, guest_email)
);

CREATE TABLE IF NOT EXISTS payments (
    payment_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    reservation_id  CHAR(32)     NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    amount_cents    INT          NOT NULL,
    currency        CHAR(3)      NOT NULL,
    KEY idx_reservation (reservation_id)
);

CREATE TABLE IF NOT EXISTS dishes (
    dish_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    restaurant_id   VARCHAR(64)  NOT NULL,
    name            VARCHAR(200) NOT NULL
);

CREATE TABLE IF NOT EXISTS preorders (
    reservation_id  CHAR(32)     NOT NULL,
    restaurant_id   VARCHAR(64)  NOT NULL,
    dish_id         VARCHAR(64)  NOT NULL,
    service_date    DATE         NOT NULL,
    quantity        SMALLINT     NOT NULL,
    PRIMARY KEY (reservation_id, dish_id)
);

CREATE TABLE IF NOT EXISTS daily_covers (
    restaurant_id   VARCHAR(64)  NOT NULL,
    service_date    DATE         NOT NULL,
    bookings        INT          NOT NULL,
    covers          INT          NOT NULL,
    PRIMARY KEY (restaurant_id, service_date)
);
