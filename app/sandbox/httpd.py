"""The HTTP layer every dialect shares: one threaded HTTP/1.1 server on 127.0.0.1 with keep-alive.

Owns turning bytes into calls and back: routing `/_sandbox/...` to the control
surface and everything else to the sandbox's dialect (`SandboxServer.dialect`, which
checks, applies and answers in the platform's words), and the faults that are the
network's rather than the platform's: a 503 instead of an answer, an answer delayed,
cut in half or never sent after the request was applied. Tracks open connections so
stopping the server really closes them.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from app.sandbox import control

if TYPE_CHECKING:
    from app.sandbox.server import SandboxServer

log = logging.getLogger(__name__)
JSON_TYPE = "application/json; charset=utf-8"


class SandboxHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False

    def __init__(self, port: int, sandbox: SandboxServer) -> None:
        self.sandbox = sandbox
        self.connections: set[socket.socket] = set()
        self.connections_accepted = 0  # stays small when clients reuse keep-alive connections
        self.connections_lock = threading.Lock()
        super().__init__(("127.0.0.1", port), SandboxRequestHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.connections_lock:
            self.connections.add(request)
            self.connections_accepted += 1
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self.connections_lock:
            connections, self.connections = list(self.connections), set()
        for connection in connections:
            with contextlib.suppress(OSError):  # already closed by the client
                connection.shutdown(socket.SHUT_RDWR)


class SandboxRequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: SandboxHTTPServer
    server_version = "SandboxStore/1"
    # Headers and body go out as two writes; with Nagle on, small answers wait for the
    # client's delayed ACK (~40 ms each) on keep-alive connections.
    disable_nagle_algorithm = True
    # An idle keep-alive connection holds a thread; reap it after five quiet minutes.
    timeout = 300

    def date_time_string(self, timestamp: float | None = None) -> str:
        # The Date header tells the simulation's time, as a real gateway's tells its clock.
        return super().date_time_string(self.server.sandbox.clock.now() if timestamp is None else timestamp)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        log.debug("%s %s", self.address_string(), format % args)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status: int, body: bytes, content_type: str = JSON_TYPE) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            # The caller is gone (a client killed mid-call, as the tests do on purpose):
            # what it asked for has been applied or not, exactly as a real platform would.
            log.info("%s went away before its answer was sent", self.address_string())

    def do_GET(self) -> None:
        if urlsplit(self.path).path.startswith("/_sandbox/"):
            self._control("GET", b"")
        else:
            self._dialect(self._body())  # a dialect may have GET routes (TikTok's are many)

    def do_DELETE(self) -> None:
        self._control("DELETE", self._body())

    def do_POST(self) -> None:
        body = self._body()
        if urlsplit(self.path).path.startswith("/_sandbox/"):
            self._control("POST", body)
        else:
            self._dialect(body)

    def _control(self, verb: str, body: bytes) -> None:
        url = urlsplit(self.path)
        status, payload, content_type = control.handle(
            self.server.sandbox, verb, url.path, dict(parse_qsl(url.query)), body
        )
        if not isinstance(payload, bytes):
            payload = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self._send(status, payload, content_type)

    def _dialect(self, body: bytes) -> None:
        sandbox = self.server.sandbox
        url = urlsplit(self.path)
        query = dict(parse_qsl(url.query, keep_blank_values=True))
        method = sandbox.dialect.method_from_path(url.path)
        sandbox.count_request(method)
        fault = sandbox.faults.take(method)
        kind = fault.kind if fault else ""
        if kind == "http_5xx":
            self._send(503, b'{"error":"service unavailable"}')
            return
        headers = {name.lower(): value for name, value in self.headers.items()}
        headers[":method"] = self.command  # the verb, as HTTP/2 names it among the headers
        applied, answer, status = sandbox.dialect.answer(
            sandbox, url.path, method, query, body, headers, fault
        )
        if applied and kind == "latency":
            time.sleep(fault.ms / 1000 if fault else 0)
        elif applied and kind == "drop_response":
            self.close_connection = True  # applied, and the client hears nothing at all
            return
        elif applied and kind == "truncated":
            answer = answer[: len(answer) // 2]
        self._send(status, answer)
