"""The JSON API over a store (FastAPI): ``create_app(store)``, and ``serve`` to run it.

Endpoints live under ``/api/``, the OpenAPI document at ``/openapi.json`` and its
browsable form at ``/docs``. Read-only unless a token is given: then
``POST /api/articles`` ingests articles through the pipeline, for callers that send
``Authorization: Bearer <token>``. See ``docs/api.md``.
"""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
