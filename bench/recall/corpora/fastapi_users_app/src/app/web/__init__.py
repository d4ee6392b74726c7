"""Server-rendered HTMX front end. Routers are assembled in app.main."""
