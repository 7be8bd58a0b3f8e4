"""The demo shop as the app knows it: its credentials, and its store started as a process.

Owns the demo shop's self-use app key/secret and shop id (the sandbox store, the
platform's stand-in, reads them too, as its defaults: both sides of the demo know
them, as a real shop's app and platform both know its credentials), and starting the
store, `python main.py sandbox`, on a free loopback port, learning its address from
its first lines, and stopping it. This module never imports the sandbox: the app talks
to the store only through its command line and over HTTP, so neither the desk nor the
sync process loads the store's code.

Why a process of its own and not a thread of the app: the store answers
every page of a sync in Python (queries, JSON), and inside the window's process each
of those answers would hold the interpreter lock the window needs for every cell it
paints (see app/sync/child.py). Its stdin is a pipe: when the app ends, however it
ends, the pipe closes and the store stops cleanly (`--stop-with-stdin`).

The store keeps its address across restarts: the port it last listened on is written
beside its store file and asked for again (when still free). Why: the links it hands out
— buyers' evidence pictures, uploaded refusal evidence — are absolute URLs, as a real
platform's are, and the desk stores them as it receives them; on a new port each of them
would point nowhere. Keeping the store's address fixes every stored link at its source
and leaves the desk handling the demo shop's URLs exactly as it handles a real shop's.
Only if another program has taken the port meanwhile does the store move (and old
links break, as they would on any host that moved).
"""

from __future__ import annotations

import logging
import socket
import subprocess
from collections.abc import Sequence
from pathlib import Path

from app.core import own_program

log = logging.getLogger(__name__)

DEMO_APP_KEY = "7000000000000000001"
DEMO_APP_SECRET = "sandbox-secret"
DEMO_SHOP_ID = "1234567"
DEMO_SHOP_NAME = "小林的生活好物店"
# The demo TikTok shop (a US shop): its app's key and secret, the authorisation code its
# seller handed over (single-use: exchanged once for tokens), and the shop.
DEMO_TIKTOK_APP_KEY = "6dq8sandboxtts01"
DEMO_TIKTOK_APP_SECRET = "tts-sandbox-secret"
DEMO_TIKTOK_AUTH_CODE = "TTP_SANDBOX_AUTH_CODE"
DEMO_TIKTOK_SHOP_ID = "7494000000000000001"
DEMO_TIKTOK_SHOP_NAME = "Maple & Pine Home Goods"

LISTENING = "sandbox store listening on "
STOP_WAIT_S = 10.0


class SandboxProcess:
    def __init__(self, store_path: Path, *, seed: int, log_path: Path, options: Sequence[str] = ()) -> None:
        """`options`: more of `main.py sandbox`'s options (the benchmarks size the shop)."""
        self.store_path, self._seed, self._log_path = store_path, seed, log_path
        self._options = list(options)
        self._process: subprocess.Popen[str] | None = None
        self._launched_on = 0  # the port asked for at launch (0: any)
        self._port_path = store_path.with_name(store_path.name + ".port")

    def launch(self) -> None:
        """Start the store's process without waiting for it. The desk launches its demo
        stores first thing, so a store makes its shop's 90-day history (seconds, on its first
        run) while the desk loads its own modules and opens its window; `start` then waits."""
        if self._process is None:
            self._launched_on = self._remembered_port()
            self._spawn(self._launched_on)

    def start(self) -> str:
        """The store's URL, launching it first if `launch` was not called; blocks until it
        listens. Raises RuntimeError if it cannot."""
        self.launch()
        try:
            return self._wait_listening()
        except RuntimeError:
            if not self._launched_on:
                raise
            # Most likely taken between our look and its bind: any port will do.
            log.warning("the sandbox store could not listen on its port %d again", self._launched_on)
            self._launched_on = 0
            self._spawn(0)
            return self._wait_listening()

    def _remembered_port(self) -> int:
        """The port the store last listened on, if another program has not taken it; else 0."""
        try:
            port = int(self._port_path.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            return 0
        with socket.socket() as probe:
            # As the store's server binds (SO_REUSEADDR), so its own closed connections
            # in TIME_WAIT do not count as taken.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                log.info("the sandbox store's port %d is taken; it starts on another", port)
                return 0
        return port

    def _spawn(self, port: int) -> None:
        self._log_path.parent.mkdir(parents=True, exist_ok=True)
        with self._log_path.open("ab") as log_file:  # the child keeps its own copy open
            self._process = subprocess.Popen(
                own_program.command(own_program.SANDBOX, "--port", str(port), "--seed", str(self._seed))
                + ["--db", str(self.store_path), "--stop-with-stdin", *self._options],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log_file,
                text=True,
            )

    def _wait_listening(self) -> str:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            if line.startswith(LISTENING):
                # The rest of what it prints is its credentials, which the app knows.
                url = line.removeprefix(LISTENING).strip()
                self._remember_port(url)
                return url
        code = self._process.wait()
        self._process.stdout.close()
        raise RuntimeError(f"the sandbox store ended (exit code {code}); see {self._log_path}")

    def _remember_port(self, url: str) -> None:
        try:
            self._port_path.write_text(url.rsplit(":", 1)[1] + "\n", encoding="utf-8")
        except OSError as error:  # the store still serves; only its next start may move
            log.warning("the sandbox store's port could not be kept: %s", error)

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        assert process.stdin is not None
        process.stdin.close()  # --stop-with-stdin: it saves its clock and stops
        try:
            process.wait(STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            log.warning("the sandbox store did not stop within %.0f s; ending it", STOP_WAIT_S)
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()
