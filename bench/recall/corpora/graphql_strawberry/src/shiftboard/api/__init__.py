"""Plain REST routes that sit next to the GraphQL endpoint."""
