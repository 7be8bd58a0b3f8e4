"""The demo shop's sandbox store as a process of its own, for the desktop and the service.

Owns starting `python main.py sandbox` on a free loopback port, learning its address
from its first lines, and stopping it. Why not a thread of the app: the store answers
every page of a sync in Python (queries, JSON), and inside the window's process each
of those answers would hold the interpreter lock the window needs for every cell it
paints (see app/sync/child.py). Its stdin is a pipe: when the app ends, however it
ends, the pipe closes and the store stops cleanly (`--stop-with-stdin`).
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)

MAIN_PY = Path(__file__).resolve().parents[2] / "main.py"
LISTENING = "sandbox store listening on "
STOP_WAIT_S = 10.0


class SandboxProcess:
    def __init__(self, store_path: Path, *, seed: int, log_path: Path, options: Sequence[str] = ()) -> None:
        """`options`: more of `main.py sandbox`'s options (the benchmarks size the shop)."""
        self._store_path, self._seed, self._log_path = store_path, seed, log_path
        self._options = list(options)
        self._process: subprocess.Popen[str] | None = None

    def start(self) -> str:
        """Start the store and return its URL; blocks until it listens (first run: it
        creates the shop's 90-day history first). Raises RuntimeError if it cannot."""
        self._log_path.parent.mkdir(parents=True, exist_ok=True)
        with self._log_path.open("ab") as log_file:  # the child keeps its own copy open
            self._process = subprocess.Popen(
                [sys.executable, str(MAIN_PY), "sandbox", "--port", "0", "--seed", str(self._seed)]
                + ["--db", str(self._store_path), "--stop-with-stdin", *self._options],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log_file,
                text=True,
            )
        assert self._process.stdout is not None
        for line in self._process.stdout:
            if line.startswith(LISTENING):
                # The rest of what it prints is its credentials, which the app knows.
                return line.removeprefix(LISTENING).strip()
        code = self._process.wait()
        raise RuntimeError(f"the sandbox store ended (exit code {code}); see {self._log_path}")

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
