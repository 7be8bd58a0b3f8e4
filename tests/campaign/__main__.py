"""`python -m tests.campaign`: the standing fault campaign against the outbox's exactly-once promise.

Randomized rounds on a small sandbox shop (one store process for the whole run): the
desk queues refund decisions and shipments through the app's services, the platform
lives on and its clock moves past deadlines (so it decides on its own and decisions
meet real conflicts), faults are injected (lost answers, 5xx, latency, spoiled
answers, rate limits, expired tokens…), and a pusher process running the sync is
killed with SIGKILL at a random moment — on SQLite, and on PostgreSQL where sessions
are also cut by the server and the lease holder is killed while another pusher waits.
Then everything still queued is pushed, and the outbox (what the desk believes) is
compared with the platform's ledger (what it applied, and how many times).

    python -m tests.campaign [--kills N] [--minutes M] [--seed S] [--backend sqlite|postgresql|both]

Progress goes to stderr; the last line of stdout is one JSON object:
{"kills", "operations", "lost", "duplicated", "needs_attention", "misattributed"}
(see tests/campaign/verdict.py for what each counts). The exit code is 0 when nothing
was lost, duplicated or misattributed, else 1. Findings are written, one JSON object a
line, to findings.jsonl in the campaign's working folder, which is then kept.
PostgreSQL: AFTERSALES_TEST_DATABASE_URL names the server (default
postgresql://postgres@127.0.0.1:5432/test); the campaign creates a database of its own
there and drops it at the end. All traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from tests.campaign.databases import Backend, postgresql_backend, sqlite_backend
from tests.campaign.platform_side import sandbox_store
from tests.campaign.run import Campaign
from tests.campaign.verdict import Tally

BACKENDS = {"sqlite": ("sqlite",), "postgresql": ("postgresql",), "both": ("sqlite", "postgresql")}


def say(line: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {line}", file=sys.stderr, flush=True)


def make_backend(name: str, workdir: Path) -> Backend:
    return sqlite_backend(workdir) if name == "sqlite" else postgresql_backend()


def campaign(backends: tuple[str, ...], *, kills: int, minutes: float, seed: int, workdir: Path) -> Tally:
    """The whole campaign, the kills and the time shared out evenly between the databases."""
    total = Tally()
    started = time.monotonic()
    with sandbox_store(workdir, seed) as platform:
        say(f"sandbox store at {platform.url}; working folder {workdir}")
        for index, name in enumerate(backends):
            left = len(backends) - index
            kills_here = -(-(kills - total.kills) // left)
            seconds_here = (minutes * 60 - (time.monotonic() - started)) / left
            backend = make_backend(name, workdir)
            try:
                say(f"[{name}] {kills_here} kills within {seconds_here:.0f} s, seed {seed}")
                total.add(Campaign(backend, platform, workdir, seed, say).run(kills_here, seconds_here))
            finally:
                backend.drop()
    return total


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.campaign", description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200, help="stop after this many kills (all databases)")
    parser.add_argument("--minutes", type=float, default=30.0, help="time budget (all databases)")
    parser.add_argument("--seed", type=int, default=None, help="default: from the clock (printed)")
    parser.add_argument("--backend", choices=sorted(BACKENDS), default="both")
    parser.add_argument("--keep", action="store_true", help="keep the working folder even without findings")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time()) % 100_000
    workdir = Path(tempfile.mkdtemp(prefix="aftersales-campaign-"))
    started = time.monotonic()
    total = campaign(
        BACKENDS[args.backend], kills=args.kills, minutes=args.minutes, seed=seed, workdir=workdir
    )
    if total.findings:
        with (workdir / "findings.jsonl").open("w") as findings:
            for finding in total.findings:
                findings.write(json.dumps(finding, ensure_ascii=False) + "\n")
        for finding in total.findings[:20]:
            operation = finding.get("operation", {})
            shown = json.dumps(operation, ensure_ascii=False)
            say(f"finding [{finding['backend']}] {finding['problem']}: {shown}")
        say(f"{len(total.findings)} findings in {workdir / 'findings.jsonl'}")
    elif not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    say(
        f"campaign seed {seed}: {total.kills} kills, {total.cuts} sessions cut, "
        f"{total.operations} operations in {time.monotonic() - started:.0f} s; "
        f"killed {dict(total.kills_by_moment.most_common())}"
    )
    summary = total.summary()
    print(json.dumps(summary), flush=True)
    return 1 if summary["lost"] or summary["duplicated"] or summary["misattributed"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
