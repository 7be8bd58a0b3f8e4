"""AfterSales Desk (售后工作台): start here.

python main.py                 the desktop app (the demo shop if none is configured)
python main.py sandbox …       the sandbox store alone (see --help)
python main.py sync …          the sync loop without a window (see --help)
python main.py shared-database-setup …   set a shared PostgreSQL database up for the desks
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
    if command == "sync":
        from app.sync.cli import run

        return run(argv[1:])
    from app.desktop import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
