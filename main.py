"""AfterSales Desk (售后工作台): start here.

python main.py                 the desktop app (the demo shop if none is configured)
python main.py sandbox …       the sandbox store alone (see --help)
python main.py sync …          the sync loop without a window (see --help)
python main.py shared-database-setup …   set a shared PostgreSQL database up for the desks
python main.py sync-child      the desk's own sync process (app/sync/child.py; the desk starts it)

A frozen build (`tasks.py package`) is the same program: `AfterSalesDesk sandbox …` and so on
(app/core/own_program.py gives the command line of a role).
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "sandbox":
        from app.sandbox.cli import run

        return run(argv[1:])
    if command == "shared-database-setup":
        from app.shared_database_cli import run

        return run(argv[1:])
    if command == "sync-child":
        from app.sync.child import main as sync_child

        return sync_child()
    if command == "sync":
        from app.sync.cli import run

        return run(argv[1:])
    from app.desktop import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
