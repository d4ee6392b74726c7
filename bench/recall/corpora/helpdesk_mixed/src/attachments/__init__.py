"""Ticket attachments micro-service (Starlette)."""
