CREATE TABLE users (
    id              serial PRIMARY KEY,
    email           varchar(320) NOT NULL UNIQUE,
    display_name    varchar(120) NOT NULL,
    password_hash   varchar(255),
    google_sub      varchar(64) UNIQUE,
    is_admin        boolean NOT NULL DEFAULT false,
    is_staff        boolean NOT NULL DEFAULT false,
    email_verified  boolean NOT NULL DEFAULT false,
    created_at      timestamptz DEFAULT now()
);

CREATE TABLE events (
    id            serial PRIMARY KEY,
    slug          varchar(140) NOT NULL UNIQUE,
    title         varchar(200) NOT NULL,
    venue         varchar(200) NOT NULL,
    description   text NOT NULL DEFAULT '',
    starts_at     timestamptz NOT NULL,
    capacity      integer NOT NULL,
    price_cents   integer NOT NULL,
    organizer_id  integer NOT NULL REFERENCES users(id),
    published     boolean NOT NULL DEFAULT false
);

CREATE TABLE orders (
    id           serial PRIMARY KEY,
    user_id      integer NOT NULL REFERENCES users(id),
    event_id     integer NOT NULL REFERENCES events(id),
    quantity     integer NOT NULL,
    total_cents  integer NOT NULL,
    status       varchar(20) NOT NULL DEFAULT 'pending',
    payment_ref  varchar(80),
    created_at   timestamptz DEFAULT now()
);

CREATE TABLE tickets (
    id             serial PRIMARY KEY,
    order_id       integer NOT NULL REFERENCES orders(id),
    holder_id      integer NOT NULL REFERENCES users(id),
    code           varchar(64) NOT NULL UNIQUE,
    checked_in_at  timestamptz
);

CREATE TABLE ticket_transfers (
    id          serial PRIMARY KEY,
    ticket_id   integer NOT NULL REFERENCES tickets(id),
    to_email    varchar(320) NOT NULL,
    claim_code  varchar(64) NOT NULL UNIQUE,
    claimed_at  timestamptz
);

CREATE TABLE password_resets (
    id          serial PRIMARY KEY,
    user_id     integer NOT NULL REFERENCES users(id),
    token_hash  varchar(128) NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    used        boolean NOT NULL DEFAULT false
);

CREATE TABLE organizer_invites (
    id           serial PRIMARY KEY,
    email        varchar(320) NOT NULL,
    code         varchar(32) NOT NULL UNIQUE,
    invited_by   integer NOT NULL REFERENCES users(id),
    expires_at   timestamptz NOT NULL,
    redeemed_by  integer REFERENCES users(id),
    redeemed_at  timestamptz
);
