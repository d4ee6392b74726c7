"""Business logic that sits between the blueprints and the repositories."""
