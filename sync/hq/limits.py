"""HQ at its edges: a body limit on every route, and connection timeouts.

:class:`BodyLimit` is ASGI middleware: a request whose ``Content-Length`` is over the
route's limit is answered 413 before any of its body is read; a body sent without a
length (chunked) is counted as it arrives and refused with 413 once it passes the
limit, before the route sees it.

:class:`GuardedH11Protocol` is uvicorn's HTTP/1.1 protocol with two timers uvicorn
lacks: a connection that sends nothing is closed after ``idle_timeout_s`` (uvicorn
closes only idle keep-alive connections), and a request whose head and body have not
all arrived ``request_timeout_s`` after its first byte is answered 408 and closed (a
slow client holds no worker for longer).
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

KIB = 1024
MIB = 1024 * KIB


class BodyLimit:
    """Refuse request bodies over ``default`` bytes (``per_path``: larger limits for the
    routes that take large bodies, by path prefix)."""

    def __init__(self, app: App, default: int, per_path: dict[str, int] | None = None) -> None:
        self.app = app
        self.default = default
        self.per_path = sorted((per_path or {}).items(), key=lambda kv: -len(kv[0]))

    def limit_for(self, path: str) -> int:
        for prefix, limit in self.per_path:
            if path.startswith(prefix):
                return limit
        return self.default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        length = _content_length(scope)
        if length is not None and (length < 0 or length > limit):
            await _too_large(send, limit)
            return
        received = 0
        started = refused = False

        async def counted_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit and not started:
                    # answer now; the route sees the client gone and its answer is dropped
                    await _too_large(send, limit)
                    refused = True
                    return {"type": "http.disconnect"}
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counted_receive, tracked_send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return -1
    return None


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"detail": f"request body over {limit} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


PROTOCOL = "sync.hq.limits:GuardedH11Protocol"  # uvicorn's ``http`` (workers import it)
IDLE_ENV, REQUEST_ENV = "POS_HQ_IDLE_TIMEOUT_S", "POS_HQ_REQUEST_TIMEOUT_S"


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with an idle timeout before the first request and a
    deadline for receiving each request, in seconds from ``$POS_HQ_IDLE_TIMEOUT_S`` and
    ``$POS_HQ_REQUEST_TIMEOUT_S`` (``pos hq serve`` sets them from the config, so every
    worker process has them)."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self.idle_timeout_s = float(os.environ.get(IDLE_ENV, "10"))
        self.request_timeout_s = float(os.environ.get(REQUEST_ENV, "30"))
        super().connection_made(transport)
        self._request_deadline: asyncio.TimerHandle | None = None
        # nothing sent yet: closed like an idle keep-alive connection, on our timer
        self.timeout_keep_alive_task = self.loop.call_later(
            self.idle_timeout_s, self.timeout_keep_alive_handler)

    def data_received(self, data: bytes) -> None:
        if self._request_deadline is None and self.conn.their_state is h11.IDLE:
            self._request_deadline = self.loop.call_later(
                self.request_timeout_s, self._request_too_slow)
        super().data_received(data)
        if self.conn.their_state is h11.DONE and self._request_deadline is not None:
            self._request_deadline.cancel()
            self._request_deadline = None

    def on_response_complete(self) -> None:
        if self._request_deadline is not None:
            self._request_deadline.cancel()
            self._request_deadline = None
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        if getattr(self, "_request_deadline", None) is not None:
            assert self._request_deadline is not None
            self._request_deadline.cancel()
            self._request_deadline = None
        super().connection_lost(exc)

    def _request_too_slow(self) -> None:
        self._request_deadline = None
        if self.transport.is_closing() or self.conn.their_state is h11.DONE:
            return
        if self.conn.our_state is h11.IDLE and self.cycle is None:
            body = b'{"detail": "request not received in time"}'
            self.transport.write(
                b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\n"
                b"content-length: " + str(len(body)).encode() + b"\r\n"
                b"connection: close\r\n\r\n" + body)
        self.transport.close()
