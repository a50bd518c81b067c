; Recovery Planner - Windows installer (NSIS 3, Unicode). Per-user: no administrator rights needed.
;
; Built by packaging/windows/build.ps1; compiled (against the Linux bundle) by packaging/ci_check.sh.
;   makensis /DAPPINFO=<appinfo.nsh> /DBUNDLE_DIR=<dist\RecoveryPlanner> /DICON=<recovery-planner.ico>
;            /DOUT_DIR=<folder for the setup .exe> packaging\windows\installer.nsi
; Optional: /DEXE_SUFFIX=  (empty; only to compile against a non-Windows bundle in CI)
;           /DCOMPRESSOR=zlib|none  (faster, bigger; default lzma. The CI compile check uses none: it
;                                    proves the script, not the compression, and LZMA takes minutes)
;
; What it does
;   - installs the one-folder bundle into %LOCALAPPDATA%\Programs\Recovery Planner (user can change it)
;   - Start-menu shortcut "Recovery Planner" (the windowed executable)
;   - registers the uninstaller under HKCU\...\Uninstall, so it shows in Apps & Features with version,
;     publisher, icon and size
;   - the uninstaller removes only the program files it installed and the shortcut. It NEVER removes the
;     user's data: plans, check-ins and settings live in the user's data folder, outside the install folder.

Unicode true
ManifestDPIAware true
ManifestSupportedOS all

!ifndef APPINFO
  !error "Pass /DAPPINFO=<file>; make it with: python packaging/appinfo.py nsh <file>"
!endif
!include "${APPINFO}"
!ifndef BUNDLE_DIR
  !error "Pass /DBUNDLE_DIR=<the PyInstaller one-folder bundle, e.g. packaging\build\dist\RecoveryPlanner>"
!endif
!ifndef ICON
  !error "Pass /DICON=<recovery-planner.ico>; make it with: python packaging/make_icons.py"
!endif
!ifndef OUT_DIR
  !define OUT_DIR "."
!endif
!ifndef EXE_SUFFIX
  !define EXE_SUFFIX ".exe"
!endif
!ifndef COMPRESSOR
  !define COMPRESSOR "lzma"
!endif
; Fail at compile time if the bundle is not what the spec produces.
!if ! /FileExists "${BUNDLE_DIR}\${GUI_EXE}${EXE_SUFFIX}"
  !error "${BUNDLE_DIR}\${GUI_EXE}${EXE_SUFFIX} not found: build the bundle first (pyinstaller packaging\recovery_planner.spec)"
!endif
!if ! /FileExists "${BUNDLE_DIR}\${CLI_EXE}${EXE_SUFFIX}"
  !error "${BUNDLE_DIR}\${CLI_EXE}${EXE_SUFFIX} not found: build the bundle first"
!endif
!if ! /FileExists "${BUNDLE_DIR}\_internal\recovery_planner\resources\*.*"
  !error "${BUNDLE_DIR}\_internal\recovery_planner\resources is missing: the spec must bundle recovery_planner/resources/"
!endif

!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${WIN_APP_ID}"
!define SHORTCUT "$SMPROGRAMS\${APP_NAME}.lnk"

!if "${COMPRESSOR}" == "none"
  SetCompress off
!else
  SetCompressor /SOLID ${COMPRESSOR}
!endif
Name "${APP_NAME}"
OutFile "${OUT_DIR}\RecoveryPlanner-${VERSION}-Setup.exe"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} Setup"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${COPYRIGHT}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APP_NAME}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APP_NAME} will be removed from your computer. Your athletes, check-ins and plans are kept (they are stored in your data folder, not in the program folder)."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

; Refuse to continue while the program is running: its files would be locked and left half-replaced.
!macro _RP_CHECK_NOT_RUNNING ID
  ${If} ${FileExists} "$INSTDIR\${GUI_EXE}.exe"
    rp_retry_${ID}:
    ClearErrors
    FileOpen $0 "$INSTDIR\${GUI_EXE}.exe" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_NAME} is running. Close it, then choose Retry." /SD IDCANCEL IDRETRY rp_retry_${ID}
      Abort
    ${EndIf}
    FileClose $0
  ${EndIf}
!macroend

Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} 17763
    MessageBox MB_OK|MB_ICONSTOP "${APP_NAME} needs 64-bit Windows 10 (version 1809) or later." /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

Section "Install"
  SetShellVarContext current
  !insertmacro _RP_CHECK_NOT_RUNNING install
  SetOutPath "$INSTDIR"
  ; Upgrade: drop the previous version's libraries so no stale file survives. Only when this folder holds
  ; our program (never a folder the user merely pointed us at).
  ${If} ${FileExists} "$INSTDIR\${GUI_EXE}.exe"
    RMDir /r "$INSTDIR\_internal"
  ${EndIf}
  File /r "${BUNDLE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall ${APP_NAME}.exe"

  CreateShortcut "${SHORTCUT}" "$INSTDIR\${GUI_EXE}.exe" "" "$INSTDIR\${GUI_EXE}.exe" 0 \
    SW_SHOWNORMAL "" "${APP_NAME}: recovery plans for runners"

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}.exe,0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\Uninstall ${APP_NAME}.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall ${APP_NAME}.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

; Removes exactly what "Install" created. The install folder itself is removed only if it is then empty
; (RMDir without /r), so nothing else in it - and never the user's data folder - is deleted.
Section "Uninstall"
  SetShellVarContext current
  !insertmacro _RP_CHECK_NOT_RUNNING uninstall
  Delete "${SHORTCUT}"
  Delete "$INSTDIR\${GUI_EXE}.exe"
  Delete "$INSTDIR\${CLI_EXE}.exe"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\Uninstall ${APP_NAME}.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd
