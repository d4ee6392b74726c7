import os

# Settings are read at import time; give the test run its own throwaway values.
os.environ.update(
    {
        "ENVIRONMENT": "development",
        "DATABASE_URL": "postgresql+asyncpg://localhost:5432/devportal_test",
        "SESSION_SECRET": "test-session-secret",
        "JWT_SIGNING_KEYS": '{"test-1": "test-only-signing-key-0123456789abcdef"}',
        "JWT_ACTIVE_KID": "test-1",
        "GITHUB_CLIENT_ID": "test-client-id",
        "GITHUB_CLIENT_SECRET": "test-client-secret",
        "GITHUB_WEBHOOK_SECRET": "test-webhook-secret",
        "METRICS_PASSWORD": "test-metrics-password",
    }
)
