from collections.abc import AsyncIterator

from dependency_injector import containers, providers
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool
from redis.asyncio import Redis

from invoicing.config import Settings, get_settings
from invoicing.repositories.api_keys import ApiKeyRepository
from invoicing.repositories.audit import AuditRepository
from invoicing.repositories.customers import ContactRepository, CustomerRepository
from invoicing.repositories.invoices import InvoiceRepository
from invoicing.repositories.users import UserRepository
from invoicing.repositories.webhooks import WebhookRepository
from invoicing.security.passwords import ContactPasswordHasher
from invoicing.security.tokens import TokenService
from invoicing.services.auth import AuthService
from invoicing.services.customers import CustomerService
from invoicing.services.invoices import InvoiceService
from invoicing.services.mailer import Mailer
from invoicing.services.payments import PaylaneClient, PaymentService
from invoicing.services.portal import PortalAuthService, PortalSessionStore
from invoicing.services.webhooks import WebhookDispatcher


async def init_pool(settings: Settings) -> AsyncIterator[AsyncConnectionPool]:
    pool = AsyncConnectionPool(
        conninfo=settings.database_url,
        min_size=settings.db_pool_min_size,
        max_size=settings.db_pool_max_size,
        kwargs={"row_factory": dict_row, "autocommit": False},
        open=False,
    )
    await pool.open(wait=True, timeout=10)
    try:
        yield pool
    finally:
        await pool.close()


async def init_redis(settings: Settings) -> AsyncIterator[Redis]:
    client = Redis.from_url(settings.redis_url, decode_responses=True)
    try:
        yield client
    finally:
        await client.aclose()


class Container(containers.DeclarativeContainer):
    wiring_config = containers.WiringConfiguration(
        packages=["invoicing.api", "invoicing.portal"],
    )

    config = providers.Singleton(get_settings)

    db_pool = providers.Resource(init_pool, settings=config)
    redis = providers.Resource(init_redis, settings=config)

    # Repositories
    user_repository = providers.Factory(UserRepository, pool=db_pool)
    customer_repository = providers.Factory(CustomerRepository, pool=db_pool)
    contact_repository = providers.Factory(ContactRepository, pool=db_pool)
    invoice_repository = providers.Factory(InvoiceRepository, pool=db_pool)
    api_key_repository = providers.Factory(ApiKeyRepository, pool=db_pool)
    webhook_repository = providers.Factory(WebhookRepository, pool=db_pool)
    audit_repository = providers.Factory(AuditRepository, pool=db_pool)

    # Security
    token_service = providers.Singleton(
        TokenService,
        secret=config.provided.jwt_secret,
        algorithm=config.provided.jwt_algorithm,
        access_ttl_minutes=config.provided.access_token_ttl_minutes,
        refresh_ttl_days=config.provided.refresh_token_ttl_days,
        share_audience=config.provided.share_link_audience,
    )
    contact_hasher = providers.Singleton(ContactPasswordHasher)

    # Services
    mailer = providers.Singleton(
        Mailer,
        host=config.provided.smtp_host,
        port=config.provided.smtp_port,
        sender=config.provided.mail_from,
    )
    webhook_dispatcher = providers.Factory(
        WebhookDispatcher,
        repository=webhook_repository,
        timeout_seconds=config.provided.webhook_timeout_seconds,
        max_attempts=config.provided.webhook_max_attempts,
    )
    auth_service = providers.Factory(
        AuthService,
        users=user_repository,
        audit=audit_repository,
        tokens=token_service,
        redis=redis,
        refresh_ttl_days=config.provided.refresh_token_ttl_days,
    )
    customer_service = providers.Factory(
        CustomerService,
        customers=customer_repository,
        contacts=contact_repository,
        audit=audit_repository,
        mailer=mailer,
        public_base_url=config.provided.public_base_url,
    )
    invoice_service = providers.Factory(
        InvoiceService,
        invoices=invoice_repository,
        audit=audit_repository,
        tokens=token_service,
        webhooks=webhook_dispatcher,
        public_base_url=config.provided.public_base_url,
    )
    paylane_client = providers.Singleton(PaylaneClient)
    payment_service = providers.Factory(
        PaymentService, webhooks=webhook_repository, invoices=invoice_service
    )
    portal_sessions = providers.Factory(
        PortalSessionStore, redis=redis, ttl_seconds=config.provided.portal_session_ttl_seconds
    )
    portal_auth_service = providers.Factory(
        PortalAuthService,
        contacts=contact_repository,
        hasher=contact_hasher,
        redis=redis,
        mailer=mailer,
        reset_ttl_seconds=config.provided.password_reset_ttl_seconds,
    )
