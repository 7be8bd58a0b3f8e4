"""What the Windows build needs besides the PyInstaller spec: the .exe's version resource and the installer.

    python packaging/windows/windows_build.py installer [--source dist/AfterSalesDesk] [--out FILE]

Owns the version resource PyInstaller writes into AfterSalesDesk.exe (`write_version_info`,
called by the spec) and the makensis command that compiles installer.nsi over a built
folder (`makensis_command`, used by CI and by tests/test_windows_installer.py on Linux,
where Debian's makensis builds the same installer). The version comes from app/version.py,
read by path: this script runs before, and apart from, the app's packages.

No .manifest of our own: PyInstaller's (run as invoker, never elevated; common controls)
is what the desk needs, and Qt 6 declares per-monitor DPI awareness itself at start, which a
manifest's setting would contradict.

Standard library only.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).resolve().parent / "installer.nsi"
ICON = ROOT / "packaging" / "icons" / "aftersales-desk.ico"
PRODUCT_NAME = "AfterSales Desk"
PRODUCT_NAME_ZH = "售后工作台"
EXE_NAME = "AfterSalesDesk.exe"
# Windows' version resources hold four numbers; a release like "1.2.0rc1" shows as 1.2.0.0.
VERSION_PARTS = 4


def app_version() -> str:
    """app/version.py's VERSION, read without importing the app."""
    text = (ROOT / "app" / "version.py").read_text(encoding="utf-8")
    match = re.search(r'^VERSION\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise SystemExit('app/version.py has no VERSION = "…" line')
    return match.group(1)


def version_numbers(version: str) -> tuple[int, ...]:
    """The leading numbers of a version, padded to four: "1.2" -> (1, 2, 0, 0)."""
    match = re.match(r"\d+(\.\d+)*", version)
    if match is None:
        raise ValueError(f"the version {version!r} does not start with a number")
    numbers = [int(part) for part in match.group(0).split(".")][:VERSION_PARTS]
    return tuple(numbers + [0] * (VERSION_PARTS - len(numbers)))


def version_info_text(version: str) -> str:
    """PyInstaller's version resource (the text `EXE(version=…)` reads), in English and Chinese.

    Explorer's Properties → Details shows it, and antivirus products weigh an .exe that
    names its product and version as less suspect than one that names nothing.
    """
    numbers = version_numbers(version)

    def table(language: str, description: str) -> str:
        strings = {
            "CompanyName": PRODUCT_NAME,
            "FileDescription": description,
            "FileVersion": version,
            "InternalName": "AfterSalesDesk",
            "LegalCopyright": f"© {PRODUCT_NAME}",
            "OriginalFilename": EXE_NAME,
            "ProductName": description,
            "ProductVersion": version,
        }
        # ascii() writes the Chinese as \u escapes: the file is then plain ASCII, whatever reads it.
        rows = ",\n          ".join(
            f"StringStruct({key!r}, {ascii(value)})" for key, value in strings.items()
        )
        return f"StringTable(\n        {language!r},\n        [\n          {rows}\n        ])"

    return f"""# Written by packaging/windows/windows_build.py from app/version.py; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      {table("040904B0", PRODUCT_NAME)},
      {table("080404B0", PRODUCT_NAME_ZH)}
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200, 2052, 1200])])
  ]
)
"""


def write_version_info(version: str, path: Path) -> Path:
    """Write the version resource for `version` to `path` and return the path (for the spec)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_info_text(version), encoding="utf-8")
    return path


def makensis_command(
    makensis: str, source: Path, out_file: Path, version: str, compressor: str = "/SOLID lzma"
) -> list[str]:
    """The makensis command line that builds the installer of the folder `source` into `out_file`.

    `compressor` is NSIS's SetCompressor argument: releases use solid LZMA (the smallest
    download); "off" stores the files as they are, for the quick compile check on Linux.
    """
    return [
        makensis,
        "-V2",  # warnings and errors only
        "-INPUTCHARSET",
        "UTF8",  # the script holds Chinese; without this makensis reads it in the system's code page
        f"-DVERSION={version}",
        "-DVERSION4=" + ".".join(str(number) for number in version_numbers(version)),
        f"-DSOURCE={source}",
        f"-DOUTFILE={out_file}",
        f"-DICON={ICON}",
        f"-DCOMPRESSOR={compressor}",
        str(SCRIPT),
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    installer = commands.add_parser("installer", help="compile the NSIS installer over a built folder")
    installer.add_argument("--source", type=Path, default=ROOT / "dist" / "AfterSalesDesk")
    installer.add_argument("--out", type=Path, default=None)
    installer.add_argument("--compressor", default="/SOLID lzma")
    version_info = commands.add_parser("version-info", help="write the .exe's version resource file")
    version_info.add_argument("out", type=Path)
    arguments = parser.parse_args(argv)
    version = app_version()
    if arguments.command == "version-info":
        print(write_version_info(version, arguments.out))
        return 0
    makensis = shutil.which("makensis")
    if makensis is None:
        print("makensis is not installed (Windows: choco install nsis; Debian: apt-get install nsis)")
        return 1
    if not arguments.source.is_dir():
        print(f"{arguments.source} does not exist: build it first with `python tasks.py package`")
        return 1
    out = arguments.out or ROOT / "dist" / f"AfterSalesDesk-{version}-setup.exe"
    command = makensis_command(makensis, arguments.source, out, version, arguments.compressor)
    completed = subprocess.run(command)
    if completed.returncode == 0:
        print(out)
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
