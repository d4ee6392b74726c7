-- Corner Shop initial schema
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE users (
    id              bigserial PRIMARY KEY,
    email           text NOT NULL UNIQUE,
    full_name       text NOT NULL,
    password_hash   text,
    legacy_sha1     text,
    legacy_salt     text,
    is_staff        boolean NOT NULL DEFAULT false,
    is_active       boolean NOT NULL DEFAULT true,
    security_stamp  uuid NOT NULL DEFAULT gen_random_uuid(),
    remember_token  text UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE categories (
    id        serial PRIMARY KEY,
    slug      text NOT NULL UNIQUE,
    name      text NOT NULL,
    position  integer NOT NULL DEFAULT 0
);

CREATE TABLE products (
    id            bigserial PRIMARY KEY,
    category_id   integer NOT NULL REFERENCES categories (id),
    sku           text NOT NULL UNIQUE,
    slug          text NOT NULL UNIQUE,
    name          text NOT NULL,
    description   text NOT NULL DEFAULT '',
    image_url     text,
    price_cents   integer NOT NULL CHECK (price_cents >= 0),
    stock         integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
    is_active     boolean NOT NULL DEFAULT true,
    is_featured   boolean NOT NULL DEFAULT false,
    is_gift_card  boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reviews (
    id            bigserial PRIMARY KEY,
    product_id    bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    user_id       bigint NOT NULL REFERENCES users (id),
    rating        smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title         text NOT NULL DEFAULT '',
    body          text NOT NULL,
    is_published  boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id                 bigserial PRIMARY KEY,
    number             text NOT NULL UNIQUE,
    user_id            bigint REFERENCES users (id),
    email              text NOT NULL,
    access_key         text NOT NULL,
    status             text NOT NULL DEFAULT 'pending',
    total_cents        integer NOT NULL,
    shipping_name      text NOT NULL,
    shipping_address   text NOT NULL,
    gift_message       text,
    stripe_session_id  text UNIQUE,
    payment_intent_id  text,
    tracking_number    text,
    paid_at            timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE order_items (
    id                bigserial PRIMARY KEY,
    order_id          bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id        bigint NOT NULL REFERENCES products (id),
    quantity          integer NOT NULL CHECK (quantity > 0),
    unit_price_cents  integer NOT NULL
);

CREATE TABLE gift_cards (
    id             bigserial PRIMARY KEY,
    code           text NOT NULL UNIQUE,
    order_id       bigint NOT NULL REFERENCES orders (id),
    balance_cents  integer NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id          serial PRIMARY KEY,
    name        text NOT NULL,
    key_prefix  text NOT NULL,
    key_digest  text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

CREATE INDEX orders_user_id_idx ON orders (user_id, created_at DESC);
CREATE INDEX reviews_product_idx ON reviews (product_id, created_at DESC);
