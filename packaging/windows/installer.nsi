; AfterSales Desk (售后工作台): the Windows installer.
;
; Built by packaging/windows/windows_build.py, which passes:
;   VERSION   the release, e.g. 0.1.0 (app/version.py)     VERSION4  the same as four numbers, 0.1.0.0
;   SOURCE    the built folder (dist/AfterSalesDesk)         OUTFILE   the installer to write
;   ICON      packaging/icons/aftersales-desk.ico            COMPRESSOR  "/SOLID lzma" (default), "zlib", or
;                                                            "off" (no compression: the quick compile check)
; and -INPUTCHARSET UTF8, because this file holds Chinese.
;
; Per user, no administrator: the program goes to %LOCALAPPDATA%\Programs\AfterSalesDesk,
; which the person may write, so the desk's own updates can replace it without asking
; for rights. The data (database, settings, logs) lives apart, in %LOCALAPPDATA%\AfterSalesDesk
; (platformdirs' user data folder, app/config.py), so installing a new version never touches it,
; and the uninstaller keeps it unless the person ticks "Also remove my data".

Unicode true
!include "MUI2.nsh"
!include "FileFunc.nsh"

!ifndef VERSION | VERSION4 | SOURCE | OUTFILE | ICON
  !error "build with packaging/windows/windows_build.py (it passes VERSION, VERSION4, SOURCE, OUTFILE, ICON)"
!endif
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif

!define APP_ID "AfterSalesDesk"
!define EXE "AfterSalesDesk.exe"
!define DATA_DIR "$LOCALAPPDATA\AfterSalesDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define SHORTCUT_EN "$SMPROGRAMS\AfterSales Desk.lnk"
!define SHORTCUT_ZH "$SMPROGRAMS\售后工作台.lnk"

Name "$(AppName)"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel user
!if "${COMPRESSOR}" == "off"
  SetCompress off
!else
  SetCompressor ${COMPRESSOR}
!endif
ManifestDPIAware true
ShowInstDetails nevershow
ShowUninstDetails nevershow

; The installer's own version resource (Properties → Details), in both languages.
VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=1033 "ProductName" "AfterSales Desk"
VIAddVersionKey /LANG=1033 "FileDescription" "AfterSales Desk installer"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "CompanyName" "AfterSales Desk"
VIAddVersionKey /LANG=1033 "LegalCopyright" "© AfterSales Desk"
VIAddVersionKey /LANG=2052 "ProductName" "售后工作台"
VIAddVersionKey /LANG=2052 "FileDescription" "售后工作台安装程序"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "CompanyName" "AfterSales Desk"
VIAddVersionKey /LANG=2052 "LegalCopyright" "© AfterSales Desk"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_UNCOMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The installer speaks the system's language when it is one of these (Chinese first: most users).
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString AppName ${LANG_ENGLISH} "AfterSales Desk"
LangString AppName ${LANG_SIMPCHINESE} "售后工作台"
LangString ProgramSection ${LANG_ENGLISH} "AfterSales Desk (the program)"
LangString ProgramSection ${LANG_SIMPCHINESE} "售后工作台（程序）"
LangString DataSection ${LANG_ENGLISH} "Also remove my data (the shop's database, settings and logs)"
LangString DataSection ${LANG_SIMPCHINESE} "同时删除我的数据（店铺数据库、设置和日志）"

Section "!$(ProgramSection)" ProgramFiles
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; A new version's files replace the old ones whole: files the old version had and the new
  ; one does not would otherwise be loaded beside the new ones.
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  Delete "${SHORTCUT_EN}"
  Delete "${SHORTCUT_ZH}"
  CreateShortCut "$SMPROGRAMS\$(AppName).lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; Apps & features (Add or remove programs), for this user only.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "$(AppName)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "AfterSales Desk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "un.$(ProgramSection)" UninstallProgram
  SectionIn RO
  SetShellVarContext current
  Delete "${SHORTCUT_EN}"
  Delete "${SHORTCUT_ZH}"
  ; Only what the installer put there: the folder may have been chosen by hand.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd

; Not ticked unless the person ticks it: the data is the shop's work (and unsent decisions).
Section /o "un.$(DataSection)" UninstallData
  SetShellVarContext current
  RMDir /r "${DATA_DIR}"
SectionEnd
