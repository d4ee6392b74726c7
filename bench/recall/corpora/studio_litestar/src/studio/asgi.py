"""ASGI entry point used by the container (`litestar --app studio.asgi:app run`)."""

from studio.app import create_app

app = create_app()

# Full tracebacks in responses while we chase the intermittent portal 500s (STU-212).
app.debug = True
