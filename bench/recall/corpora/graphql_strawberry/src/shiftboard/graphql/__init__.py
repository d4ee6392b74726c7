"""Strawberry GraphQL API, mounted at /graphql."""
