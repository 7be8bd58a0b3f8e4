"""The sandbox store: a local shop platform speaking the Douyin dialect on 127.0.0.1.

Stands alone: besides the standard library it imports only `app.platforms.douyin.signing` and
`app.platforms.douyin.codes`. Start it with `SandboxServer` (server.py) or `python main.py sandbox`
(cli.py). Modules, from the wire inwards: httpd (HTTP/1.1 server, routing, faults
applied to answers), dialect (envelope, signature/timestamp checks, rate limit),
tokens and handlers (the routes), control (/_sandbox/ surface), faults, platform
(the platform's own actions and live traffic), lifecycle (state transitions),
generator (90 days of history), buyers (new orders and requests), catalogue,
clock, store (SQLite), evidence (PNG images), demo (credentials).
"""
