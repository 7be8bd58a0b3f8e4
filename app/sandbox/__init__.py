"""The sandbox store: a local shop platform on 127.0.0.1, the platform's stand-in.

Stands alone: it imports nothing of the app but the core and the demo shop's
credentials (app/demo_shop.py), and nothing of the app but main.py imports it, so it
can disagree with the client and the sync never loads it. Start it with
`SandboxServer` (server.py) or `python main.py sandbox` (cli.py).

This package is the core every platform's dialect shares: httpd (HTTP/1.1 server,
routing, the network's faults), control (the /_sandbox/ surface), faults (the queue of
injected faults), ratelimit, clock (simulation time, the shop's calendar), catalogue
(what the shop sells, carriers, reasons), evidence (PNG images), dialects (what a
dialect gives the core) and server. Each platform's dialect is a package beside them:
douyin/ and tiktok/ (each its own code tables, signature check, routes, store and simulation).
"""
