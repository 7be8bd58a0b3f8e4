"""`python main.py shared-database-setup`: set a shared PostgreSQL database up for the desks.

Owns the command the shop's administrator (or the owner) runs once, and again after each
update of AfterSales Desk: as the database's owner role it brings the schema up to date
and creates or updates the role the desks connect as (app/services/setup/desk_role.py says
why the desks must not use the owner's). The desk role's password comes from
AFTERSALES_DESK_PASSWORD or is asked for; it is never printed. Exit code 0 when done,
2 when a person must act (the words say what).
"""

from __future__ import annotations

import argparse
import getpass
import os

from app.services.setup.desk_role import DeskRoleRefused, set_up_desk_role
from app.services.setup.shop_database import classify_error, shown_url

PASSWORD_ENV = "AFTERSALES_DESK_PASSWORD"
EXIT_OK, EXIT_NEEDS_PERSON = 0, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py shared-database-setup", description=__doc__.splitlines()[0]
    )
    parser.add_argument("owner_url", help="the database as its owner: postgresql://owner@server:5432/shop")
    parser.add_argument("--desk-user", default="aftersales_desk", help="the role the desks sign in as")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    password = os.environ.get(PASSWORD_ENV) or getpass.getpass(
        f"Password for the desks' user {args.desk_user}: "
    )
    if not password:
        print("The desks' user needs a password.")
        return EXIT_NEEDS_PERSON
    try:
        set_up_desk_role(args.owner_url, args.desk_user, password)
    except DeskRoleRefused as refused:
        print(str(refused))
        return EXIT_NEEDS_PERSON
    except Exception as error:  # every failure in words, never a traceback
        print(f"{shown_url(args.owner_url)}: {classify_error(error).message.format(detail=error)}")
        return EXIT_NEEDS_PERSON
    print(
        f"Set up. On every desk, Settings → Shop database: this server and database, "
        f"user {args.desk_user} and its password."
    )
    return EXIT_OK
