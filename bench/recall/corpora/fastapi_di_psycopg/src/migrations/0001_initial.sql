CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE tenants (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    email          citext UNIQUE NOT NULL,
    full_name      text NOT NULL,
    password_hash  text NOT NULL,
    role           text NOT NULL DEFAULT 'member',
    is_active      boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customers (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name           text NOT NULL,
    billing_email  text NOT NULL,
    address_lines  text[] NOT NULL DEFAULT '{}',
    vat_number     text,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customer_contacts (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id    uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    email          citext UNIQUE NOT NULL,
    full_name      text NOT NULL,
    password_hash  text,
    invite_code    text UNIQUE,
    invited_at     timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE invoices (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    customer_id    uuid NOT NULL REFERENCES customers (id),
    number         text NOT NULL,
    status         text NOT NULL DEFAULT 'draft',
    currency       char(3) NOT NULL,
    total_cents    bigint NOT NULL,
    notes          text NOT NULL DEFAULT '',
    autopay        boolean NOT NULL DEFAULT false,
    issued_at      timestamptz,
    due_at         timestamptz,
    paid_at        timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, number)
);

CREATE TABLE invoice_lines (
    id             bigserial PRIMARY KEY,
    invoice_id     uuid NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    description    text NOT NULL,
    quantity       numeric(12, 3) NOT NULL,
    unit_cents     bigint NOT NULL
);

CREATE TABLE api_keys (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name           text NOT NULL,
    prefix         text NOT NULL,
    key_hash       text UNIQUE NOT NULL,
    scopes         text[] NOT NULL DEFAULT '{}',
    last_used_at   timestamptz,
    revoked_at     timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_events (
    id             bigserial PRIMARY KEY,
    tenant_id      uuid NOT NULL,
    actor          text NOT NULL,
    action         text NOT NULL,
    summary        text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_endpoints (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    url             text NOT NULL,
    signing_secret  text NOT NULL,
    events          text[] NOT NULL DEFAULT '{}',
    is_active       boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
    id              bigserial PRIMARY KEY,
    endpoint_id     uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_type      text NOT NULL,
    payload         jsonb NOT NULL,
    status_code     integer,
    attempts        integer NOT NULL DEFAULT 0,
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payments (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    invoice_id          uuid NOT NULL REFERENCES invoices (id),
    provider_payment_id text UNIQUE NOT NULL,
    amount_cents        bigint NOT NULL,
    currency            char(3) NOT NULL,
    received_at         timestamptz NOT NULL DEFAULT now()
);
