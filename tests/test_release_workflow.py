"""The release workflow (.github/workflows/release.yml), which runs on hosted Windows and macOS runners.

It cannot run here, so these tests check that it says what it should: a job per
system that freezes the desk, self-tests the build, makes the installer, uploads it,
and signs only when the signing secrets are there, saying so in a notice when they are
not. With PyYAML (not a dependency of the project) the file is parsed as YAML; without
it, the jobs are read from the text.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.packaging_files import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
TEXT = WORKFLOW.read_text(encoding="utf-8")


def jobs_as_text() -> dict[str, str]:
    """Each job's block of lines: what lies between `  name:` and the next job under `jobs:`."""
    body = TEXT.split("\njobs:\n", 1)[1]
    starts = list(re.finditer(r"^  ([A-Za-z0-9_-]+):\s*$", body, re.MULTILINE))
    ends = [match.start() for match in starts[1:]] + [len(body)]
    return {match.group(1): body[match.end() : end] for match, end in zip(starts, ends, strict=True)}


def parsed_jobs() -> dict[str, Any] | None:
    try:
        import yaml  # type: ignore[import-untyped]
    except ImportError:
        return None
    return yaml.safe_load(TEXT)["jobs"]


JOBS = jobs_as_text()


def test_there_is_a_job_for_windows_and_one_for_macos_on_hosted_runners() -> None:
    assert set(JOBS) == {"windows", "macos"}
    assert re.search(r"runs-on: windows-", JOBS["windows"])
    assert re.search(r"runs-on: macos-", JOBS["macos"])


@pytest.mark.parametrize("job", ["windows", "macos"])
def test_each_job_builds_self_tests_and_uploads_in_that_order(job: str) -> None:
    text = JOBS[job]
    build = text.index("python tasks.py package")
    self_test = text.index("--self-test")
    upload = text.index("actions/upload-artifact@")
    assert build < self_test < upload
    assert "if-no-files-found: error" in text, "a job that made nothing fails"


def test_windows_makes_the_nsis_installer_and_macos_the_disk_image() -> None:
    assert "packaging/windows/windows_build.py installer" in JOBS["windows"]
    assert "dmgbuild -s packaging/macos/dmg_settings.py" in JOBS["macos"]
    assert "--entitlements packaging/macos/entitlements.plist" in JOBS["macos"]


@pytest.mark.parametrize(
    ("job", "secret", "tools"),
    [
        ("windows", "WINDOWS_CERTIFICATE", ["signtool"]),
        ("macos", "MACOS_CERTIFICATE", ["codesign", "xcrun notarytool", "xcrun stapler"]),
    ],
)
def test_signing_runs_with_the_secrets_and_says_so_in_a_notice_without_them(
    job: str, secret: str, tools: list[str]
) -> None:
    text = JOBS[job]
    assert f"${{{{ secrets.{secret} }}}}" in text
    assert all(tool in text for tool in tools)
    notices = re.findall(r'echo "::notice::([^"]+)"', text)
    assert notices and all("not" in notice for notice in notices), "each skip says what was not done"
    # Every step that signs first checks the secret, and leaves with success when it is missing.
    for step in text.split("- name: ")[1:]:
        if any(tool in step for tool in tools):
            assert "::notice::" in step and "exit 0" in step, step.splitlines()[0]


def test_the_file_parses_as_yaml_with_the_same_jobs() -> None:
    jobs = parsed_jobs()
    if jobs is None:
        pytest.skip("PyYAML is not installed; the jobs were read from the text above")
    assert set(jobs) == {"windows", "macos"}
    for job in jobs.values():
        steps = job["steps"]
        assert steps[0]["uses"].startswith("actions/checkout@")
        assert all(("run" in step) != ("uses" in step) for step in steps), "a step runs or uses, not both"
