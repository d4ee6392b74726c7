-- Gatepass initial schema

CREATE TABLE users (
    id                bigserial PRIMARY KEY,
    email             text NOT NULL,
    full_name         text NOT NULL,
    phone             text,
    role              text NOT NULL DEFAULT 'customer' CHECK (role IN ('customer', 'organizer', 'admin')),
    password_hash     text NOT NULL,
    session_version   integer NOT NULL DEFAULT 1,
    email_verified_at timestamptz,
    marketing_opt_in  boolean NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));

CREATE TABLE email_verifications (
    user_id    bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    code       text NOT NULL,
    attempts   integer NOT NULL DEFAULT 0,
    expires_at timestamptz NOT NULL
);

CREATE TABLE refresh_tokens (
    id           bigserial PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_digest char(64) NOT NULL UNIQUE,
    expires_at   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE password_reset_log (
    id         bigserial PRIMARY KEY,
    user_id    bigint REFERENCES users (id) ON DELETE SET NULL,
    ip         inet,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE events (
    id              bigserial PRIMARY KEY,
    organizer_id    bigint NOT NULL REFERENCES users (id),
    slug            text NOT NULL UNIQUE,
    title           text NOT NULL,
    category        text NOT NULL DEFAULT 'other',
    venue           text NOT NULL,
    city            text NOT NULL DEFAULT '',
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz,
    timezone        text NOT NULL DEFAULT 'Europe/Berlin',
    description     text NOT NULL DEFAULT '',
    summary_html    text NOT NULL DEFAULT '',
    venue_map_embed text NOT NULL DEFAULT '',
    cover_url       text,
    featured        boolean NOT NULL DEFAULT false,
    status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_published_starts ON events (starts_at) WHERE status = 'published';

CREATE TABLE ticket_types (
    id            bigserial PRIMARY KEY,
    event_id      bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name          text NOT NULL,
    description   text NOT NULL DEFAULT '',
    price_cents   integer NOT NULL CHECK (price_cents >= 0),
    capacity      integer NOT NULL,
    sold          integer NOT NULL DEFAULT 0,
    max_per_order integer NOT NULL DEFAULT 10,
    sort_order    integer NOT NULL DEFAULT 0,
    active        boolean NOT NULL DEFAULT true
);

CREATE TABLE orders (
    id                  bigserial PRIMARY KEY,
    reference           text NOT NULL UNIQUE,
    user_id             bigint NOT NULL REFERENCES users (id),
    event_id            bigint NOT NULL REFERENCES events (id),
    status              text NOT NULL CHECK (status IN ('pending', 'paid', 'expired', 'refunded')),
    total_cents         integer NOT NULL,
    currency            char(3) NOT NULL,
    checkout_session_id text UNIQUE,
    payment_intent_id   text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    paid_at             timestamptz
);

CREATE TABLE order_items (
    order_id         bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    ticket_type_id   bigint NOT NULL REFERENCES ticket_types (id),
    quantity         integer NOT NULL CHECK (quantity > 0),
    unit_price_cents integer NOT NULL,
    PRIMARY KEY (order_id, ticket_type_id)
);

CREATE TABLE scanner_devices (
    id           bigserial PRIMARY KEY,
    event_id     bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    label        text NOT NULL,
    api_key      text NOT NULL,
    revoked_at   timestamptz,
    last_seen_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tickets (
    id               bigserial PRIMARY KEY,
    order_id         bigint NOT NULL REFERENCES orders (id),
    event_id         bigint NOT NULL REFERENCES events (id),
    ticket_type_id   bigint NOT NULL REFERENCES ticket_types (id),
    user_id          bigint NOT NULL REFERENCES users (id),
    holder_name      text NOT NULL,
    barcode          text NOT NULL UNIQUE,
    status           text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'cancelled')),
    checked_in_at    timestamptz,
    checked_in_by    bigint REFERENCES scanner_devices (id),
    transferred_at   timestamptz,
    reminder_sent_at timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tickets_user ON tickets (user_id);
CREATE INDEX tickets_event ON tickets (event_id);
