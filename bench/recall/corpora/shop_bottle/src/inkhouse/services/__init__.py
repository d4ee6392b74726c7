"""Business logic that sits between the route handlers and the models."""
