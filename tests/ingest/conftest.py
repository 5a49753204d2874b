"""A local web site for the URL and feed tests: routes set by each test, served on 127.0.0.1."""

from __future__ import annotations

import http.server
import threading
import time
from dataclasses import dataclass, field

import pytest


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class Site:
    """Routes by path; ``requests`` keeps each request's path and headers."""

    def __init__(self) -> None:
        self.base = ""
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes = b"", **route) -> str:
        """Serve ``body`` at ``path``; ``{base}`` in a str body becomes the site's address."""
        if isinstance(body, str):
            body = body.replace("{base}", self.base).encode("utf-8")
        self.routes[path] = Route(body=body, **route)
        return self.url(path)


@pytest.fixture
def site():
    site = Site()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            site.requests.append((self.path, dict(self.headers)))
            route = site.routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            time.sleep(route.delay)
            self.fixed_date = route.headers.get("Date")
            try:
                self.send_response(route.status)
                if route.content_type:
                    self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                for name, value in route.headers.items():
                    if name != "Date":  # sent by send_response
                        self.send_header(name, value)
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout test)

        def date_time_string(self, timestamp=None) -> str:
            return getattr(self, "fixed_date", None) or super().date_time_string(timestamp)

        def log_message(self, format, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()
