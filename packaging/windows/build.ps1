<#
.SYNOPSIS
  Build the Windows app and its installer: packaging\build\installer\RecoveryPlanner-<version>-Setup.exe

.DESCRIPTION
  Run on Windows 10/11 x64 from any folder, with a 64-bit Python 3.11 that has the project and its
  packaging extra installed:   python -m pip install ".[packaging]"
  NSIS 3 must be installed (makensis on PATH or in Program Files; `choco install nsis` or the NSIS
  installer from nsis.sourceforge.io).

  Steps:
    1. render the icons from resources\icon.svg           (packaging\make_icons.py)
    2. build the one-folder bundle                         (packaging\recovery_planner.spec)
    3. smoke-check it: both executables start the GUI, the bundled `plan` command matches the source run
       (packaging\smoke.py; -SkipSmoke to skip)
    4. compile the installer, LZMA-compressed              (packaging\windows\installer.nsi)
    5. optional Authenticode signing when -SignCommand is given: both executables before packing, the
       uninstaller and the installer from inside makensis (!uninstfinalize / !finalize)

.PARAMETER Python
  The Python to build with (default: python on PATH).
.PARAMETER SignCommand
  A command line that signs one file, with {file} where the path goes, e.g.
  'signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /a "{file}"'. Unsigned when empty.
#>
param(
    [string]$Python = "python",
    [string]$SignCommand = $env:RP_WINDOWS_SIGN_COMMAND,
    [switch]$SkipSmoke
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$Build = Join-Path $Root "packaging\build"
$Bundle = Join-Path $Build "dist\RecoveryPlanner"
$OutDir = Join-Path $Build "installer"
Set-Location $Root

function Step([string]$What) { Write-Host "== build.ps1: $What" }
function Check([string]$What) { if ($LASTEXITCODE -ne 0) { throw "build.ps1: $What failed (exit code $LASTEXITCODE)" } }
function Sign([string]$File) {
    if (-not $SignCommand) { return }
    $cmd = $SignCommand.Replace("{file}", $File)
    Write-Host "signing $File"
    cmd /c $cmd; Check "signing $File"
}

$Version = (& $Python packaging\appinfo.py version).Trim(); Check "reading the version"
Step "Recovery Planner $Version"

Step "icons and third-party notices"
& $Python packaging\make_icons.py; Check "make_icons.py"
& $Python packaging\make_notices.py --check; Check "make_notices.py"

Step "PyInstaller bundle"
& $Python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath (Join-Path $Build "dist") --workpath (Join-Path $Build "work") packaging\recovery_planner.spec
Check "PyInstaller"

if (-not $SkipSmoke) {
    Step "smoke check"
    # Hosted runners are noisy: the 1.5x start-time gate is enforced by the Linux CI; here it only
    # catches a pathological slowdown.
    & $Python packaging\smoke.py $Bundle --native --runs 3 --max-ratio 3 --max-cli-ratio 4; Check "smoke check"
}

Sign (Join-Path $Bundle "Recovery Planner.exe")
Sign (Join-Path $Bundle "recovery-planner.exe")

Step "installer"
$found = Get-Command makensis -ErrorAction SilentlyContinue
$makensis = if ($found) { $found.Source } else { $null }
if (-not $makensis) {
    foreach ($dir in @(${env:ProgramFiles(x86)}, $env:ProgramFiles)) {
        if ($dir -and (Test-Path (Join-Path $dir "NSIS\makensis.exe"))) { $makensis = Join-Path $dir "NSIS\makensis.exe"; break }
    }
}
if (-not $makensis) { throw "build.ps1: makensis not found; install NSIS 3 (choco install nsis)" }
$AppInfo = Join-Path $Build "appinfo.nsh"
& $Python packaging\appinfo.py nsh $AppInfo; Check "appinfo.py"
New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
# The same command signs the uninstaller (before makensis packs it into the setup) and the setup itself, through
# the installer script's !uninstfinalize / !finalize hooks (%1 is NSIS's placeholder for the file).
$NsisArgs = @("-V2", "/DAPPINFO=$AppInfo", "/DBUNDLE_DIR=$Bundle",
    "/DICON=$(Join-Path $Build 'icons\recovery-planner.ico')", "/DOUT_DIR=$OutDir")
if ($SignCommand) { $NsisArgs += "/DSIGN_COMMAND=$($SignCommand.Replace('{file}', '%1'))" }
& $makensis @NsisArgs packaging\windows\installer.nsi
Check "makensis"

$Setup = Join-Path $OutDir "RecoveryPlanner-$Version-Setup.exe"
if (-not (Test-Path $Setup)) { throw "build.ps1: $Setup was not produced" }
$mb = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
Step "done: $Setup ($mb MB)"
