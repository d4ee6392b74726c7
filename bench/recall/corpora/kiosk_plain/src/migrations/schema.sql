-- Schema for sqlite (tests, kiosk offline mode).  The PostgreSQL schema is the
-- same with SERIAL ids and TIMESTAMP columns; see migrations/postgres/.

CREATE TABLE films (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    rating TEXT NOT NULL,
    runtime_minutes INTEGER NOT NULL,
    synopsis TEXT,
    poster_url TEXT
);

CREATE TABLE screens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number INTEGER NOT NULL UNIQUE,
    rows INTEGER NOT NULL,
    seats_per_row INTEGER NOT NULL
);

CREATE TABLE showings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    film_id INTEGER NOT NULL REFERENCES films(id),
    screen INTEGER NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    show_date TEXT NOT NULL,
    price_cents INTEGER NOT NULL,
    seats_total INTEGER NOT NULL,
    seats_sold INTEGER NOT NULL DEFAULT 0,
    cancelled INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX showings_day ON showings(show_date);

CREATE TABLE trailers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    film_id INTEGER NOT NULL REFERENCES films(id),
    url TEXT NOT NULL,
    duration_seconds INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE customers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP,
    last_login_at TIMESTAMP
);

CREATE TABLE pending_signups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    password TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP
);

CREATE TABLE password_resets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    token TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    id_hash TEXT NOT NULL UNIQUE,
    customer_id INTEGER,
    data TEXT NOT NULL,
    expires_at REAL NOT NULL,
    created_at REAL NOT NULL
);

CREATE TABLE bookings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL UNIQUE,
    showing_id INTEGER NOT NULL REFERENCES showings(id),
    customer_id INTEGER REFERENCES customers(id),
    customer_name TEXT NOT NULL,
    email TEXT NOT NULL,
    status TEXT NOT NULL,
    channel TEXT NOT NULL DEFAULT 'web',
    total_cents INTEGER NOT NULL,
    payment_ref TEXT,
    created_at TIMESTAMP,
    paid_at TIMESTAMP,
    settled_at TIMESTAMP
);

CREATE TABLE booking_seats (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    booking_id INTEGER NOT NULL REFERENCES bookings(id),
    seat TEXT NOT NULL
);

CREATE TABLE refunds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    booking_id INTEGER NOT NULL REFERENCES bookings(id),
    amount_cents INTEGER NOT NULL,
    reason TEXT,
    refunded_by TEXT,
    created_at TIMESTAMP
);

CREATE TABLE ledger (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    day TEXT NOT NULL,
    txn_id TEXT NOT NULL,
    category TEXT NOT NULL,
    gross NUMERIC NOT NULL,
    fee NUMERIC NOT NULL,
    net NUMERIC NOT NULL,
    payment_ref TEXT,
    customer_name TEXT
);

CREATE TABLE staff (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    staff_number TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'usher',
    pin_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE devices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    location TEXT NOT NULL,
    pairing_code TEXT,
    pairing_expires REAL,
    paired_at TIMESTAMP,
    revoked INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE admissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    booking_id INTEGER NOT NULL REFERENCES bookings(id),
    showing_id INTEGER NOT NULL REFERENCES showings(id),
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    admitted_at TIMESTAMP NOT NULL
);
