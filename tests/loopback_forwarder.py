"""A database server that can go away and come back: a TCP forwarder on a loopback port.

The PostgreSQL server that tests use is shared, so it cannot be stopped for one test.
A client pointed at this forwarder instead sees what it would see of a server that went
away: `cut()` closes every connection under way and stops listening (a new connection
is refused), `restore()` listens on the same port again, and everything passes through
to the real server. Bytes are forwarded untouched; only the path can break.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

CHUNK = 65536
WAKE_EVERY_S = 0.05  # how often the forwarding loop looks at its stop flag


class LoopbackForwarder:
    def __init__(self, target_host: str = "127.0.0.1", target_port: int = 5432) -> None:
        self._target = (target_host, target_port)
        with socket.socket() as probe:  # a free port, kept for every restore()
            probe.bind(("127.0.0.1", 0))
            self.port: int = probe.getsockname()[1]
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def restore(self) -> None:
        """Listen (again) and forward every new connection to the target."""
        if self._thread is not None:
            return
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self._stop.clear()
        self._thread = threading.Thread(target=self._forward, args=(listener,), name="forwarder", daemon=True)
        self._thread.start()

    def cut(self) -> None:
        """Close every connection under way and stop listening: the server is gone."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stop.set()
        thread.join()

    def _forward(self, listener: socket.socket) -> None:
        peers: dict[socket.socket, socket.socket] = {}
        with selectors.DefaultSelector() as selector:
            selector.register(listener, selectors.EVENT_READ)
            while not self._stop.is_set():
                for key, _ in selector.select(WAKE_EVERY_S):
                    sock: socket.socket = key.fileobj  # type: ignore[assignment]
                    if sock is listener:
                        self._accept(listener, selector, peers)
                    elif sock in peers and not self._pass_on(sock, peers):
                        self._close_pair(sock, selector, peers)
            for sock in list(peers):
                self._close_pair(sock, selector, peers)
            selector.unregister(listener)
            listener.close()

    def _accept(
        self,
        listener: socket.socket,
        selector: selectors.BaseSelector,
        peers: dict[socket.socket, socket.socket],
    ) -> None:
        client, _ = listener.accept()
        try:
            server = socket.create_connection(self._target)
        except OSError:
            client.close()
            return
        peers[client], peers[server] = server, client
        selector.register(client, selectors.EVENT_READ)
        selector.register(server, selectors.EVENT_READ)

    @staticmethod
    def _pass_on(sock: socket.socket, peers: dict[socket.socket, socket.socket]) -> bool:
        try:
            data = sock.recv(CHUNK)
            if not data:
                return False
            peers[sock].sendall(data)
        except OSError:
            return False
        return True

    @staticmethod
    def _close_pair(
        sock: socket.socket, selector: selectors.BaseSelector, peers: dict[socket.socket, socket.socket]
    ) -> None:
        if sock not in peers:  # both ends were closed already, through the other one
            return
        other = peers.pop(sock)
        peers.pop(other, None)
        for each in (sock, other):
            selector.unregister(each)
            with contextlib.suppress(OSError):
                each.shutdown(socket.SHUT_RDWR)  # the client sees the connection end at once
            each.close()


@contextmanager
def forwarding(target_host: str = "127.0.0.1", target_port: int = 5432) -> Iterator[LoopbackForwarder]:
    forwarder = LoopbackForwarder(target_host, target_port)
    forwarder.restore()
    try:
        yield forwarder
    finally:
        forwarder.cut()
