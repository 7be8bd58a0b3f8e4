"""Setting a workstation up: the shop, its connection, the shared database."""
