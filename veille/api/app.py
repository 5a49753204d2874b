"""The FastAPI application: routes under ``/api/``, JSON errors, and the page at ``/``
(``static/``, built from ``web/``).

``create_app(store)`` builds the app over an open store (it does not close it);
``serve(db, host=..., port=...)`` opens the store and runs the app with uvicorn.
Every answer is JSON (article text included: it is data, never HTML), and so
is every error: ``{"error": "<message>", "status": <code>}``, with the invalid
parameters under ``details`` for a 422.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Connection as SQLConnection
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import StoreError
from ..model import Article
from ..store import Store
from ..store import events as store_events
from ..store.events import EventFilter
from . import articles as article_routes
from .exports import FORMATS, MEDIA_TYPES, export_events
from .filters import BadRequest, event_filter

__all__ = ["EXPORT_LIMIT", "PAGE_LIMIT", "TOKEN_VARIABLE", "create_app", "serve"]

#: The largest page of events, articles, actors or places one request returns.
PAGE_LIMIT = 500
#: The most events one export holds (narrow the filters for more).
EXPORT_LIMIT = 100_000
#: The environment variable that holds the write token (``POST /api/articles``).
TOKEN_VARIABLE = "VEILLE_API_TOKEN"

#: The page at ``/`` and its assets, built from ``web/`` (``npm run build``) and committed.
STATIC = Path(__file__).parent / "static"
#: The page's Content-Security-Policy: its own scripts, styles and API only, nothing inline.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)

Limit = Annotated[int, Query(ge=1, le=PAGE_LIMIT, description=f"Page size (1 to {PAGE_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, description="How many items to skip.")]
Filter = Annotated[EventFilter, Depends(event_filter)]


def _connect(request: Request) -> Iterator[SQLConnection]:
    """A connection to the app's store for the time of one request."""
    with request.app.state.store.engine.connect() as connection:
        yield connection


Connection = Annotated[SQLConnection, Depends(_connect)]


def create_app(
    store: Store,
    *,
    token: str | None = None,
    process: Callable[[list[Article]], Any] | None = None,
) -> FastAPI:
    """The API over ``store``; with ``token``, ``POST /api/articles`` ingests articles.

    ``process`` runs the pipeline over posted articles (default: veille's
    pipeline with default settings, loaded at the first post).
    """
    app = FastAPI(
        title="veille",
        version=__version__,
        description="Geocoded, source-attributed PLOVER events from news articles.",
    )
    _errors(app)

    app.state.store = store

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home() -> HTMLResponse:
        page = (STATIC / "index.html").read_text(encoding="utf-8")
        return HTMLResponse(page, headers={"Content-Security-Policy": PAGE_POLICY})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/api/events", tags=["events"])
    def list_events(
        connection: Connection, f: Filter, limit: Limit = 50, offset: Offset = 0,
        total: bool = Query(True, description=(
            f"Count the matching events, up to {store_events.COUNT_CAP:,} "
            "(total_exact: false past it)."
        )),
    ) -> dict[str, Any]:  # fmt: skip
        """Matching events, newest first (date descending, then newest row)."""
        page = store_events.find(connection, f, limit=limit, offset=offset, total=total)
        known = page["total"] is not None and page["total_exact"]
        more = len(page["events"]) == limit and (not known or page["total"] > offset + limit)
        return {
            **page,
            "limit": limit,
            "offset": offset,
            "next_offset": offset + limit if more else None,
        }

    @app.get("/api/articles", tags=["articles"])
    def list_articles(
        connection: Connection,
        q: str | None = Query(None, description="Words that must all be in the title or text."),
        status: str | None = Query(None, pattern="^(ok|rejected)$", description="ok or rejected."),
        limit: Limit = 20, offset: Offset = 0,
    ) -> dict[str, Any]:  # fmt: skip
        """Articles newest first, or with ``q`` the best matches of a full-text search."""
        if q is not None:
            if offset:
                raise BadRequest("offset is not supported with q: search returns the best matches")
            hits = store.search(q, limit=limit)
            return {"total": None, "articles": hits, "limit": limit, "offset": 0}
        page = article_routes.listing(connection, status=status, limit=limit, offset=offset)
        return {**page, "limit": limit, "offset": offset}

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(connection: Connection, article_id: str) -> dict[str, Any]:
        """An article's record: cleaned text, boilerplate, actors, places, events, quotes."""
        record = article_routes.get(connection, article_id)
        if record is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return record

    @app.get("/api/actors", tags=["aggregates"])
    def list_actors(connection: Connection, f: Filter, limit: Limit = 50, offset: Offset = 0):
        """The actors of the matching events, most events first."""
        found = store_events.actors(connection, f, limit=limit, offset=offset)
        return {"actors": found, "limit": limit, "offset": offset}

    @app.get("/api/places", tags=["aggregates"])
    def list_places(connection: Connection, f: Filter, limit: Limit = 50, offset: Offset = 0):
        """The places of the matching events, most events first."""
        found = store_events.places(connection, f, limit=limit, offset=offset)
        return {"places": found, "limit": limit, "offset": offset}

    @app.get("/api/network", tags=["aggregates"])
    def get_network(connection: Connection, f: Filter, limit: Limit = 200):
        """Who acts on whom: (source, target, type) with their number of matching events."""
        return {"edges": store_events.network(connection, f, limit=limit)}

    @app.get("/api/stats", tags=["aggregates"])
    def get_stats(
        connection: Connection, f: Filter,
        top: int = Query(20, ge=1, le=PAGE_LIMIT, description="How many actors and places."),
    ) -> dict[str, Any]:  # fmt: skip
        """Counts of the matching events: total, by day, by type, top actors and places."""
        return store_events.stats(connection, f, top=top)

    @app.get("/api/stories", tags=["stories"])
    def list_stories(connection: Connection, limit: Limit = 50, offset: Offset = 0):
        """Stories, latest first: their canonical events, each with its versions and conflicts."""
        return {**store_events.stories(connection, limit=limit, offset=offset),
                "limit": limit, "offset": offset}  # fmt: skip

    @app.get("/api/export", tags=["events"], response_class=Response)
    def get_export(
        connection: Connection, f: Filter,
        format: str = Query(..., description=f"One of {', '.join(FORMATS)}."),
        limit: int = Query(EXPORT_LIMIT, ge=1, le=EXPORT_LIMIT, description="At most this many."),
    ) -> Response:  # fmt: skip
        """The matching events as PLOVER JSON Lines, ACLED CSV, GeoJSON or Parquet."""
        if format not in FORMATS:
            raise BadRequest(f"unknown export format {format!r}; valid: {', '.join(FORMATS)}")
        body, skipped = export_events(connection, f, format, limit=limit)
        media, extension = MEDIA_TYPES[format]
        headers = {
            "Content-Disposition": f'attachment; filename="events.{extension}"',
            "X-Veille-Left-Out": str(skipped),
        }
        return Response(body, media_type=media, headers=headers)

    if token:
        _writes(app, store, token=token, process=process)
    return app


def _writes(app: FastAPI, store: Store, *, token: str, process: Callable | None) -> None:
    """``POST /api/articles``, for callers holding the token."""
    pipeline: list[Callable] = [process] if process else []

    def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
        if not authorization:
            raise HTTPException(
                401, "this endpoint needs Authorization: Bearer <token>",
                headers={"WWW-Authenticate": "Bearer"},
            )  # fmt: skip
        scheme, _, given = authorization.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), token):
            raise HTTPException(403, "the token is not the one this server was started with")

    @app.post("/api/articles", tags=["articles"], dependencies=[Depends(authorised)])
    def post_articles(
        items: Annotated[list[dict[str, Any]], Body(description=(
            "Articles as in JSON Lines input: text or html, and optionally doc, url, title, "
            "published, outlet."))],
    ) -> dict[str, Any]:  # fmt: skip
        """Process posted articles through the pipeline and store them (synchronously)."""
        if not items:
            raise BadRequest("post a JSON array of at least one article object")
        if not pipeline:
            from ..pipeline import Pipeline

            pipeline.append(Pipeline().process)
        done = article_routes.ingest(items, process=pipeline[0], save=store.save)
        return {"articles": done}


def _errors(app: FastAPI) -> None:
    def error(status: int, message: str, **extra: Any) -> JSONResponse:
        return JSONResponse({"error": message, "status": status, **extra}, status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, e: HTTPException) -> JSONResponse:
        response = error(e.status_code, str(e.detail))
        for name, value in (e.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, e: RequestValidationError) -> JSONResponse:
        details = []
        for item in e.errors():
            where = ".".join(
                str(p) for p in item.get("loc", ()) if p not in ("query", "body", "path")
            )
            details.append(f"{where or 'request'}: {item.get('msg')}")
        return error(422, "; ".join(details), details=details)

    @app.exception_handler(BadRequest)
    async def bad_request(_request: Request, e: BadRequest) -> JSONResponse:
        return error(422, str(e))

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, e: StoreError) -> JSONResponse:
        return error(503, str(e))

    @app.exception_handler(SQLAlchemyError)
    async def database_error(_request: Request, e: SQLAlchemyError) -> JSONResponse:
        cause = getattr(e, "orig", None) or e  # the driver's reason, never the SQL
        return error(503, f"the store could not answer: {cause.__class__.__name__}")

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, e: Exception) -> JSONResponse:
        return error(500, f"internal error ({e.__class__.__name__}); the server log has details")


def serve(
    db: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Open the store at ``db`` and serve the API until interrupted.

    The token defaults to the ``VEILLE_API_TOKEN`` environment variable; without
    one the API is read-only. ``announce`` receives a line saying where to look
    once the store is open.
    """
    import uvicorn

    from ..store import open_store

    token = token if token is not None else os.environ.get(TOKEN_VARIABLE) or None
    with open_store(db) as store:
        if announce:
            shown = db if store.backend == "sqlite" else store.address
            mode = "writes allowed with the token" if token else "read-only"
            announce(
                f"serving {shown} at http://{host}:{port}/ ({mode}; API documentation at /docs)"
            )
        uvicorn.run(create_app(store, token=token), host=host, port=port, log_level="info")
