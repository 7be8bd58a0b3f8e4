"""The HTTP layer: one threaded HTTP/1.1 server on 127.0.0.1 with keep-alive.

Owns turning bytes into calls and back: routing `/_sandbox/...` to the control
surface and everything else through the dialect's order of checks (faults that
answer instead, rate limit, wire verification, authorisation, access token),
the handler, the envelope, and faults that spoil an answer after it was applied.
Tracks open connections so stopping the server really closes them.
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

from app.platforms.douyin import codes
from app.platforms.douyin.signing import method_from_path
from app.sandbox import control, faults
from app.sandbox.dialect import ApiError, envelope, invalid, verify
from app.sandbox.handlers import ROUTES, TOKEN_METHODS, Raw
from app.sandbox.material import MATERIAL_PATH
from app.sandbox.store import dumps
from app.sandbox.tokens import check_access_token, token_create, token_refresh

if TYPE_CHECKING:
    from app.sandbox.server import SandboxServer

log = logging.getLogger(__name__)
JSON_TYPE = "application/json; charset=utf-8"
RELATIVE_LINKS = ("/_sandbox/evidence/", MATERIAL_PATH)


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


def _envelope_text(data: Any, error: ApiError | None = None) -> str:
    body = envelope(None if isinstance(data, Raw) else data, error)
    if isinstance(data, Raw):
        del body["data"]
        return dumps(body)[:-1] + ',"data":' + data + "}"
    return dumps(body)


def _spoil(data: Any) -> Any:
    """A success answer whose data has the wrong shape: ids missing, or a string where a list belongs."""
    if isinstance(data, Raw):
        data = json.loads(data)
    if isinstance(data, list):
        return "[]"
    if isinstance(data, dict):
        for key in ("shop_order_list", "items"):
            if isinstance(data.get(key), list):
                rows = data[key]
                if not rows:
                    return {**data, key: "[]"}
                for row in rows:
                    row.pop("order_id", None)
                    if isinstance(row.get("aftersale_info"), dict):
                        row["aftersale_info"].pop("aftersale_id", None)
                    row.pop("aftersale_id", None)
                return data
        if "shop_order_detail" in data:
            return {"shop_order_detail": "null"}
        return {"aftersale_info": "unexpected"} if "aftersale_info" in data else "ok"
    return []


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
        self._control("GET", b"")

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
        self._send(
            status, payload if isinstance(payload, bytes) else dumps(payload).encode("utf-8"), content_type
        )

    def _dialect(self, body: bytes) -> None:
        sandbox = self.server.sandbox
        url = urlsplit(self.path)
        query = dict(parse_qsl(url.query, keep_blank_values=True))
        method = method_from_path(url.path)
        sandbox.count_request(method)
        fault = sandbox.faults.take(method)
        kind = fault.kind if fault else ""
        if kind == "http_5xx":
            self._send(503, b'{"error":"service unavailable"}')
            return
        data: Any = None
        error: ApiError | None = {
            "service_error": ApiError(
                codes.CODE_SERVICE_ERROR, codes.SUB_SERVICE_ERROR, "服务暂不可用，请稍后重试"
            ),
            "rate_limit": ApiError(codes.CODE_RATE_LIMITED, "", "触发限流"),
            "token_expired": ApiError(codes.CODE_AUTH_ERROR, codes.SUB_TOKEN_EXPIRED, "access_token 已过期"),
            "clock_skew": ApiError(
                codes.CODE_AUTH_ERROR, codes.SUB_TIMESTAMP_INVALID, "时间戳与服务器时间相差超过10分钟"
            ),
        }.get(kind)
        if error is None:
            try:
                data = self._apply(sandbox, url.path, method, query, body)
            except ApiError as refusal:
                error = refusal
            except Exception:  # a bug here must look like platform trouble, not kill the connection
                log.exception("sandbox handler for %s failed", method)
                error = ApiError(codes.CODE_SERVICE_ERROR, codes.SUB_SERVICE_ERROR, "服务内部错误")
        if error is not None:
            self._send(200, _envelope_text(None, error).encode("utf-8"))
            return
        if kind == "latency":
            time.sleep(fault.ms / 1000 if fault else 0)
        elif kind == "drop_response":
            self.close_connection = True  # applied, and the client hears nothing at all
            return
        elif kind == "malformed":
            data = _spoil(data)
        text = _envelope_text(data)
        # Stored evidence and uploaded-image links are relative; the port is only known now.
        for prefix in RELATIVE_LINKS:
            text = text.replace(f'"{prefix}', f'"{sandbox.url}{prefix}')
        if kind == "plant_record" and fault is not None and fault.record is not None:
            planted = faults.plant_record(text, fault.record)
            if planted is None:
                sandbox.faults.give_back(fault)  # the record belongs in another answer
            text = planted or text
        answer = text.encode("utf-8") if kind != "deep_nesting" else faults.deeply_nested_answer()
        if kind == "truncated":
            answer = answer[: len(answer) // 2]
        self._send(200, answer)

    def _apply(
        self, sandbox: SandboxServer, path: str, method: str, query: dict[str, str], body: bytes
    ) -> Any:
        if method not in ROUTES and method not in TOKEN_METHODS:
            raise invalid(f"不存在的接口 {method}")
        if not sandbox.rate_limiter.allow(query.get("app_key", "")):
            raise ApiError(codes.CODE_RATE_LIMITED, "", "触发限流")
        request = verify(path, query, body, sandbox.secrets)
        if not sandbox.authorized:
            raise ApiError(
                codes.CODE_AUTHORIZATION_MISSING, codes.SUB_AUTHORIZATION_MISSING, "店铺已取消对该应用的授权"
            )
        ctx = sandbox.context
        if method == "token.create":
            return token_create(ctx, request.app_key, request.params)
        if method == "token.refresh":
            return token_refresh(ctx, request.app_key, request.params)
        check_access_token(ctx, request.app_key, request.access_token)
        sandbox.platform.run_due()  # the platform acts on time even when no live thread runs
        return ROUTES[method](ctx, request.params)
