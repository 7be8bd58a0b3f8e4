"""The Windows installer and the .exe's version resource, checked on Linux.

Debian's makensis compiles packaging/windows/installer.nsi exactly as Windows' does, over
the Linux build's files (dist/AfterSalesDesk, from `python3 tasks.py package`) or, before
a build exists, over a stand-in folder of the same shape. What only Windows can do
(run the installer) is left to the release workflow.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest

from app import config
from app.version import VERSION
from tests.packaging_files import ROOT, load_script

windows_build = load_script("packaging/windows/windows_build.py")
SCRIPT_TEXT = (ROOT / "packaging" / "windows" / "installer.nsi").read_text(encoding="utf-8")
BUILD = ROOT / "dist" / "AfterSalesDesk"
MAKENSIS = shutil.which("makensis")
NO_MAKENSIS = (
    "makensis is not installed, so the installer script cannot be compiled here "
    "(Debian: apt-get install nsis; `python3 tasks.py test` installs it when run as root)"
)


def nsis_define(name: str) -> str:
    match = re.search(rf'^!define {name} "([^"]*)"', SCRIPT_TEXT, re.MULTILINE)
    assert match is not None, f"installer.nsi defines no {name}"
    return match.group(1)


def built_folder() -> Path | None:
    """The Linux build if one is there (its executable written last, so it is whole)."""
    return BUILD if (BUILD / "AfterSalesDesk").exists() or (BUILD / "AfterSalesDesk.exe").exists() else None


def stand_in_build(folder: Path) -> Path:
    """A folder shaped like a one-folder build: the executable, and _internal/ with its parts."""
    (folder / "_internal" / "resources" / "icons").mkdir(parents=True)
    (folder / "_internal" / "app" / "migrations").mkdir(parents=True)
    (folder / "AfterSalesDesk.exe").write_bytes(b"MZ" + bytes(4096))
    (folder / "_internal" / "python311.dll").write_bytes(bytes(8192))
    (folder / "_internal" / "resources" / "style.qss").write_text("QWidget {}\n", encoding="utf-8")
    icon = ROOT / "resources" / "icons" / "aftersales-desk-256.png"
    shutil.copy(icon, folder / "_internal" / "resources" / "icons")
    (folder / "_internal" / "app" / "migrations" / "env.py").write_text("# migrations\n", encoding="utf-8")
    return folder


def folder_bytes(folder: Path) -> int:
    """The bytes of the folder's files. Not its symbolic links: a Linux build has some (a
    library's other names), makensis passes them by, and a Windows build has none."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


@pytest.mark.slow
@pytest.mark.skipif(MAKENSIS is None, reason=NO_MAKENSIS)
def test_makensis_compiles_the_installer_over_the_builds_files(tmp_path: Path) -> None:
    assert MAKENSIS is not None
    source = built_folder() or stand_in_build(tmp_path / "AfterSalesDesk")
    installer = tmp_path / f"AfterSalesDesk-{VERSION}-setup.exe"
    # Uncompressed: the check is that the script compiles over these files, not how small they pack.
    command = windows_build.makensis_command(MAKENSIS, source, installer, VERSION, compressor="off")
    completed = subprocess.run(command, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert installer.read_bytes()[:2] == b"MZ", "a Windows program"
    assert installer.stat().st_size >= folder_bytes(source), "every file of the build is inside"
    installer.unlink()  # a real build makes it hundreds of megabytes


def test_the_installer_needs_no_administrator_and_installs_for_this_person_only() -> None:
    assert re.search(r"^RequestExecutionLevel user$", SCRIPT_TEXT, re.MULTILINE)
    assert re.search(r'^InstallDir "\$LOCALAPPDATA\\Programs\\\$\{APP_ID\}"$', SCRIPT_TEXT, re.MULTILINE)
    assert "HKLM" not in SCRIPT_TEXT, "the machine-wide registry needs an administrator"


def test_the_installer_makes_a_start_menu_entry_and_speaks_chinese_and_english() -> None:
    assert re.search(r'^\s*CreateShortCut "\$SMPROGRAMS\\', SCRIPT_TEXT, re.MULTILINE)
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in SCRIPT_TEXT
    assert '!insertmacro MUI_LANGUAGE "English"' in SCRIPT_TEXT


def test_the_uninstaller_removes_the_data_folder_only_when_the_person_ticks_it() -> None:
    data_section = re.search(r'^Section (/o )?"un\.\$\(DataSection\)"', SCRIPT_TEXT, re.MULTILINE)
    assert data_section is not None, "the uninstaller offers to remove the data"
    assert data_section.group(1) == "/o ", "unticked unless the person ticks it"
    program_section = SCRIPT_TEXT.split('"un.$(ProgramSection)"', 1)[1].split("SectionEnd", 1)[0]
    assert "DATA_DIR" not in program_section, "removing the program leaves the data alone"


def test_the_data_folder_the_uninstaller_offers_to_remove_is_the_one_the_desk_uses_on_windows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    local_app_data = tmp_path / "AppData" / "Local"
    monkeypatch.delenv(config.HOME_ENV, raising=False)
    # platformdirs as it answers on Windows, with %LOCALAPPDATA% at local_app_data.
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    folders = {"CSIDL_LOCAL_APPDATA": str(local_app_data)}
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    in_script = nsis_define("DATA_DIR").replace("$LOCALAPPDATA", str(local_app_data)).replace("\\", os.sep)
    assert config.data_dir() == Path(in_script)


def test_the_exe_names_its_product_and_version_in_english_and_chinese(tmp_path: Path) -> None:
    written = windows_build.write_version_info("1.4.0rc2", tmp_path / "version_info.txt")
    text = written.read_text(encoding="utf-8")
    assert text.isascii(), "read the same whatever code page reads it"
    strings: dict[str, dict[str, str]] = {}
    fixed: dict[str, object] = {}

    def string_table(language: str, rows: list[tuple[str, str]]) -> None:
        strings[language] = dict(rows)

    # PyInstaller reads this file with eval() over its own classes; these stand in for them.
    names = {
        "VSVersionInfo": lambda **parts: parts,
        "FixedFileInfo": lambda **parts: fixed.update(parts),
        "StringFileInfo": lambda tables: tables,
        "StringTable": string_table,
        "StringStruct": lambda key, value: (key, value),
        "VarFileInfo": lambda items: items,
        "VarStruct": lambda key, value: (key, value),
    }
    eval(text, names)  # noqa: S307 - our own generated file, as PyInstaller reads it
    assert fixed["filevers"] == fixed["prodvers"] == (1, 4, 0, 0)
    assert strings["040904B0"]["ProductName"] == "AfterSales Desk"
    assert strings["080404B0"]["ProductName"] == "售后工作台"
    assert strings["040904B0"]["ProductVersion"] == "1.4.0rc2"
    assert strings["040904B0"]["OriginalFilename"] == "AfterSalesDesk.exe"


def test_a_version_becomes_the_four_numbers_windows_shows() -> None:
    assert windows_build.version_numbers("0.1.0") == (0, 1, 0, 0)
    assert windows_build.version_numbers("2") == (2, 0, 0, 0)
    assert windows_build.version_numbers("1.2.3.4.5") == (1, 2, 3, 4)
    with pytest.raises(ValueError):
        windows_build.version_numbers("next")
