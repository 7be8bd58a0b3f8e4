"""The demo shop's credentials: what a fresh install and the sandbox share.

Owns the self-use app key/secret and the shop the sandbox pretends to be, so the
desk can connect to a locally started sandbox with no setup.
"""

from __future__ import annotations

DEMO_APP_KEY = "7000000000000000001"
DEMO_APP_SECRET = "sandbox-secret"
DEMO_SHOP_ID = "1234567"
DEMO_SHOP_NAME = "小林的生活好物店"
