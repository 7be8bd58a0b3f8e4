"""Where a platform's rule sets are: the files, in either layout.

Owns finding the rule-set files of a platform: the history folder
(`resources/rules/<platform>/<name>.json`) and the single `resources/rules/<platform>.json` of
before the history, read together (`rule_files`); whose a file is (`platform_of_file`); and the
newest file of each platform (`RULE_FILES`, Douyin's `DEFAULT_RULES_FILE`), for the readers of one
set. Parsing is `rules.py`; which set was in force when is `rule_history/`.
"""

from __future__ import annotations

import json
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rules"
# A shop's platform (app/shop.py's names); Douyin's rules are the default.
PLATFORMS = ("douyin", "tiktok")


def rule_files(platform: str, rules_dir: Path = RULES_DIR) -> tuple[Path, ...]:
    """Every rule-set file of `platform`, in either layout: the history folder
    (`<platform>/<name>.json`) and the single file of before it (`<platform>.json`)."""
    folder = sorted((rules_dir / platform).glob("*.json"))
    single = rules_dir / f"{platform}.json"
    return (*folder, *((single,) if single.is_file() else ()))


def _newest_file(platform: str) -> Path:
    """The file of the platform's newest set (by its effective date), for the tests and the
    one-file readers of before the history."""
    files = rule_files(platform)
    return max(files, key=lambda path: str(json.loads(path.read_text(encoding="utf-8"))["effective"]))


DEFAULT_RULES_FILE = _newest_file("douyin")
# A shop's platform -> the file of its newest rule set.
RULE_FILES = {platform: _newest_file(platform) for platform in PLATFORMS}


def platform_of_file(path: Path) -> str:
    """Whose rule set the file is: its folder's name (resources/rules/<platform>/<name>.json),
    else its own name (the one-file layout, resources/rules/<platform>.json); Douyin's else."""
    for name in (path.parent.name, path.stem):
        if name in PLATFORMS:
            return name
    return "douyin"
