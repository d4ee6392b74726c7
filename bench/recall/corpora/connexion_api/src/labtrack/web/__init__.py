"""Server-rendered pages: the staff console, the reception kiosk and webhooks."""
