"""Set up and run AfterSales Desk with nothing but Python 3.11+ installed.

    python3 tasks.py app      # set up, then launch the app (demo shop if none is configured)
    python3 tasks.py test     # set up, then run the whole test suite and the frozen desk's self-test
    python3 tasks.py package  # set up, then freeze the desk into dist/ (PyInstaller, one folder)
    python3 tasks.py bench    # set up, then run the benchmarks (python -m tests.benchmarks)
    python3 tasks.py release --notes "…"   # sign and write a release of dist/ (tools/release.py)

Owns the project's set-up: a virtual environment in `.venv` with the packages of
pyproject.toml (reinstalled only when pyproject.toml changes), and on Debian/Ubuntu
the system libraries Qt's wheels need, installed with apt-get when running as root
(CI) or named for the person to install otherwise; and the frozen build (`package`, from
packaging/aftersales.spec), which `test` also makes and self-tests beside the suite
(`test --no-frozen` leaves it out). Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import threading
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".aftersales-setup"
DEFAULT_TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/test"
SPEC = ROOT / "packaging" / "aftersales.spec"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
FROZEN_CHECK_LOG = BUILD / "frozen-check.log"

# DESKTOP-TESTING.md: what Qt needs offscreen, the CJK font, and what a real window needs.
DEBIAN_QT_OFFSCREEN = ["libglib2.0-0", "libgl1", "libegl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3"]
DEBIAN_CJK_FONT = ["fonts-wqy-microhei"]
# The tests read printed PDFs back (pdftotext, pdftoppm) to check what reached the page.
DEBIAN_TEST_TOOLS = ["poppler-utils"]
# tests/test_windows_installer.py compiles the Windows installer with Debian's makensis.
DEBIAN_INSTALLER_TOOLS = ["nsis"]
DEBIAN_QT_WINDOW = [
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
]


def say(text: str) -> None:
    print(f"[tasks] {text}", flush=True)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_python_packages() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if venv_python().exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not venv_python().exists():
        ensure_venv_support()
        say("creating the virtual environment in .venv")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    say("installing Python packages (first run only, about a minute)")
    subprocess.run(
        [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        + ["-e", ".[test,package]"],
        cwd=ROOT,
        check=True,
    )
    STAMP.write_text(wanted)


def ensure_venv_support() -> None:
    """Debian and Ubuntu ship Python without `ensurepip` until python3-venv is installed."""
    try:
        import ensurepip  # noqa: F401
    except ImportError:
        if sys.platform.startswith("linux") and shutil.which("apt-get") and os.geteuid() == 0:
            say("installing python3-venv (this Python cannot create virtual environments without it)")
            version = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
            environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
            subprocess.run(
                ["apt-get", "update", "-q"], check=True, env=environment, stdout=subprocess.DEVNULL
            )
            subprocess.run(
                ["apt-get", "install", "-y", "-q", version],
                check=True,
                env=environment,
                stdout=subprocess.DEVNULL,
            )
            return
        raise SystemExit(
            "[tasks] this Python cannot create virtual environments; on Debian or Ubuntu "
            "install python3-venv (sudo apt-get install python3-venv) and run this again"
        ) from None


def missing_debian_packages(packages: list[str]) -> list[str]:
    missing = []
    for package in packages:
        probe = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
        if "install ok installed" not in probe.stdout:
            missing.append(package)
    return missing


def ensure_system_libraries(with_window: bool, for_tests: bool = False) -> None:
    """On Debian-like Linux, make sure Qt's shared libraries and a CJK font are there."""
    if not sys.platform.startswith("linux") or shutil.which("dpkg-query") is None:
        return
    wanted = DEBIAN_QT_OFFSCREEN + DEBIAN_CJK_FONT + (DEBIAN_QT_WINDOW if with_window else [])
    wanted += DEBIAN_TEST_TOOLS + DEBIAN_INSTALLER_TOOLS if for_tests else []
    missing = missing_debian_packages(wanted)
    if not missing:
        return
    command = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing]
    if os.geteuid() != 0:
        say("Qt needs these system packages; install them, then run this again:")
        say("  sudo apt-get update && sudo " + " ".join(command))
        return
    say("installing system libraries for Qt: " + " ".join(missing))
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-q"], check=True, env=environment, stdout=subprocess.DEVNULL)
    subprocess.run(command, check=True, env=environment, stdout=subprocess.DEVNULL)


def frozen_program() -> Path:
    """The frozen desk's executable, as `package` leaves it for this platform."""
    if sys.platform == "darwin":
        return DIST / "AfterSalesDesk.app" / "Contents" / "MacOS" / "AfterSalesDesk"
    return DIST / "AfterSalesDesk" / ("AfterSalesDesk.exe" if os.name == "nt" else "AfterSalesDesk")


def niced() -> list[str]:
    """What to put before a command so that it gives way to the others (where `nice` exists)."""
    return ["nice", "-n", "10"] if shutil.which("nice") else []


def package(output: int | None = None, prefix: list[str] | None = None) -> int:
    """Freeze the desk into dist/; 0 when built. PyInstaller writes into build/ first and the
    finished folder then replaces dist/'s by a rename, so nothing ever reads a half-written
    build (the installer test compiles over dist/ while the suite runs) and a failed build
    leaves the last good one."""
    staging, previous = BUILD / "frozen-staging", BUILD / "frozen-previous"
    for folder in (staging, previous):
        shutil.rmtree(folder, ignore_errors=True)
    command = [*(prefix or []), str(venv_python()), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(staging), "--workpath", str(BUILD / "pyinstaller"), str(SPEC)]
    code = subprocess.run(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT).returncode
    if code != 0:
        return code
    DIST.mkdir(exist_ok=True)
    previous.mkdir(parents=True)
    for built in staging.iterdir():
        if (DIST / built.name).exists():
            (DIST / built.name).rename(previous / built.name)  # removed by the next build
        built.rename(DIST / built.name)
    return 0


class FrozenCheck:
    """`package` then the frozen desk's `--self-test`, on a thread beside the test suite: the
    build is mostly one process on one core and the self-test mostly waits, so beside the
    suite they add little to its time (after it, the build alone would add two minutes).
    Niced, so the suite's own processes come first. Everything they print goes to a log."""

    def __init__(self) -> None:
        self.failure: str | None = None
        self.self_test_output = ""
        self._thread = threading.Thread(target=self._run, name="frozen-check", daemon=True)

    def start(self) -> None:
        BUILD.mkdir(exist_ok=True)
        say(f"freezing the desk beside the tests (PyInstaller; log: {FROZEN_CHECK_LOG.relative_to(ROOT)})")
        self._thread.start()

    def wait(self) -> bool:
        if self._thread.is_alive():
            say("waiting for the frozen desk's build and self-test to finish")
        self._thread.join()
        return self.failure is None

    def _run(self) -> None:
        started = time.monotonic()
        with FROZEN_CHECK_LOG.open("w", encoding="utf-8") as log:
            try:
                code = package(output=log.fileno(), prefix=niced())
            except OSError as error:
                self.failure = f"the frozen desk could not be built: {error}"
                return
            if code != 0:
                self.failure = f"the frozen desk could not be built (PyInstaller exit code {code})"
                return
            log.write(f"built in {time.monotonic() - started:.0f} s\n")
            log.flush()
            try:
                test = subprocess.run(
                    [*niced(), str(frozen_program()), "--self-test"],
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                    timeout=900,
                )
            except (OSError, subprocess.TimeoutExpired) as error:
                self.failure = f"the frozen desk's self-test could not run to its end: {error}"
                return
            self.self_test_output = test.stdout + test.stderr
            log.write(self.self_test_output)
            if test.returncode != 0:
                self.failure = f"the frozen desk's self-test failed (exit code {test.returncode})"

    def report(self) -> None:
        if self.failure is None:
            say(f"the frozen desk {frozen_program().relative_to(ROOT)} was built; its self-test:")
            for line in self.self_test_output.splitlines():
                print(f"    {line}")
            return
        say(f"FAILED: {self.failure}. The end of {FROZEN_CHECK_LOG.relative_to(ROOT)}:")
        lines = FROZEN_CHECK_LOG.read_text(encoding="utf-8", errors="replace").splitlines()
        for line in lines[-40:]:
            print(f"    {line}")


def run_tests(extra: list[str]) -> int:
    frozen = None
    if "--no-frozen" in extra:
        extra = [arg for arg in extra if arg != "--no-frozen"]
    else:
        frozen = FrozenCheck()
        frozen.start()
    environment = {**os.environ}
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    environment.setdefault("AFTERSALES_TEST_DATABASE_URL", DEFAULT_TEST_DATABASE_URL)
    # One worker per core (pytest-xdist); every worker has its own databases and data
    # folders, so the tests need not know. `-n 0` on the command line runs them in one process.
    parallel = [] if any(arg == "-n" or arg.startswith("-n") for arg in extra) else ["-n", "auto"]
    # The slowest tests, printed at the end: the suite must stay under ten minutes on two cores.
    durations = [] if any(arg.startswith("--durations") for arg in extra) else ["--durations=20"]
    command = [str(venv_python()), "-m", "pytest", *parallel, *durations, *extra]
    code = subprocess.run(command, cwd=ROOT, env=environment).returncode
    if code == 5:
        say("pytest collected no tests: that is a failure")
        code = 1
    if frozen is not None:
        frozen_passed = frozen.wait()
        frozen.report()
        code = code or (0 if frozen_passed else 1)
    return code


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs before anything checks
        say(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
        return 1
    if not argv or argv[0] not in ("app", "test", "bench", "release", "package"):
        print(__doc__)
        return 2
    task, extra = argv[0], argv[1:]
    ensure_system_libraries(with_window=task == "app", for_tests=task == "test")
    ensure_python_packages()
    if task == "test":
        return run_tests(extra)
    if task == "package":
        say("freezing the desk into dist/ (PyInstaller, a few minutes)")
        code = package()
        if code != 0:
            say(f"FAILED: the frozen desk could not be built (PyInstaller exit code {code}); see above")
            return code
        say(f"built: {frozen_program().relative_to(ROOT)}")
        return 0
    if task == "bench":
        return subprocess.run([str(venv_python()), "-m", "tests.benchmarks", *extra], cwd=ROOT).returncode
    if task == "release":
        return subprocess.run([str(venv_python()), "-m", "tools.release", *extra], cwd=ROOT).returncode
    return subprocess.run([str(venv_python()), "main.py", *extra], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
