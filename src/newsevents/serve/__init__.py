"""`newsevents serve`: an HTTP API and a web app over the store.

The API (FastAPI, with its OpenAPI document at /openapi.json and docs at /docs) lists
documents, events, quotes and actors with filters and cursor pagination, counts events
(/stats), downloads any filtered list as JSONL or CSV, and analyses and stores posted
articles. The web app (/app/...) is plain HTML, CSS and JavaScript served by the same
server: it works offline.
"""
from __future__ import annotations

from .app import create_app
from .settings import ServeSettings, is_loopback

__all__ = ["ServeSettings", "create_app", "is_loopback", "serve"]


def serve(settings: ServeSettings, log_level: str = "info") -> None:
    """Run the server until interrupted.

    Raises:
        ConfigError: the settings are not safe to serve.
    """
    import uvicorn

    app = create_app(settings, preload=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level=log_level,
                timeout_keep_alive=5, limit_concurrency=64, server_header=False)
