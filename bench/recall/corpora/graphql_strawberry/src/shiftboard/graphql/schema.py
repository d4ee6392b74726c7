from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors, QueryDepthLimiter
from strawberry.fastapi import GraphQLRouter

from ..config import get_settings
from .context import UserFacingError, get_context
from .mutations import Mutation
from .queries import Query

settings = get_settings()


def _should_mask(error: GraphQLError) -> bool:
    original = error.original_error
    if original is None:
        # syntax / validation errors carry no server details
        return False
    return not isinstance(original, (UserFacingError, GraphQLError))


schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    extensions=[
        QueryDepthLimiter(max_depth=10),
        MaskErrors(should_mask_error=_should_mask, error_message="Something went wrong. Please try again."),
    ],
)

graphql_router = GraphQLRouter(
    schema,
    context_getter=get_context,
    graphql_ide="graphiql" if settings.debug else None,
    multipart_uploads_enabled=True,
)
