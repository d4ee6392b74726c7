"""Business logic shared by the REST routes, the GraphQL resolvers and the worker."""
