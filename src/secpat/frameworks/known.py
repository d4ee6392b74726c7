"""The frameworks secpat knows, and the union of their records that the data flow and the rules read."""

from __future__ import annotations

import functools

from secpat.frameworks.record import URLCONF, Framework


@functools.cache
def frameworks() -> tuple[Framework, ...]:
    from secpat.frameworks import (
        aiohttp,
        appbuilder,
        awslambda,
        bottle,
        chalice,
        connexion,
        django,
        falcon,
        fastapi,
        flask,
        httpserver,
        litestar,
        ninja,
        pyramid,
        quart,
        sanic,
        starlette,
        tornado,
    )

    # FastAPI before Starlette, whose names a FastAPI module imports too.
    return (
        django.FRAMEWORK,
        fastapi.FRAMEWORK,
        starlette.FRAMEWORK,
        flask.FRAMEWORK,
        appbuilder.FRAMEWORK,
        quart.FRAMEWORK,
        bottle.FRAMEWORK,
        aiohttp.FRAMEWORK,
        litestar.FRAMEWORK,
        ninja.FRAMEWORK,
        pyramid.FRAMEWORK,
        sanic.FRAMEWORK,
        httpserver.FRAMEWORK,
        tornado.FRAMEWORK,
        falcon.FRAMEWORK,
        connexion.FRAMEWORK,
        chalice.FRAMEWORK,
        awslambda.FRAMEWORK,
    )


@functools.cache
def by_name() -> dict[str, Framework]:
    return {f.name: f for f in frameworks()}


def record(name: str) -> Framework | None:
    return by_name().get(name)


@functools.cache
def union(attribute: str) -> frozenset[str]:
    """Every framework's values of a tuple attribute: `union("request_objects")`."""
    return frozenset(value for f in frameworks() for value in getattr(f, attribute))


@functools.cache
def mapping(attribute: str) -> dict[str, str]:
    """Every framework's pairs of a pair attribute, as one dict: `mapping("responses")`."""
    return {key: value for f in frameworks() for key, value in getattr(f, attribute)}


@functools.cache
def family_union(kind: str, attribute: str) -> frozenset[str]:
    """The values of a tuple attribute over the frameworks of one kind: `family_union("flask", "roots")` holds
    Flask's and Quart's."""
    return frozenset(value for f in frameworks() if f.kind == kind for value in getattr(f, attribute))


@functools.cache
def owners() -> dict[str, tuple[str, str]]:
    """Constructor → (framework, "app" | "router")."""
    found = {}
    for f in frameworks():
        found.update({name: (f.kind, "app") for name in f.apps})
        found.update({name: (f.kind, "router") for name in f.routers})
    return found


def routed_by_objects(name: str) -> bool:
    """Routes registered on app, router or handler objects rather than in URL confs."""
    found = record(name)
    return found is not None and found.routing != URLCONF
