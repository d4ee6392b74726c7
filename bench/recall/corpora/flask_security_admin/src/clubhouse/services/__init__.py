"""Business logic kept out of the views."""
