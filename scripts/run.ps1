# Set everything up (idempotent) and launch Case Dossier on Windows:
#   powershell -ExecutionPolicy Bypass -File scripts\run.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

if (-not (Test-Path ".venv\Scripts\python.exe")) {
    py -3 -c "import sys; sys.exit(sys.version_info < (3, 11))"
    if ($LASTEXITCODE -ne 0) { throw "Case Dossier needs Python 3.11 or newer (python.org)." }
    py -3 -m venv .venv
}
$digest = (Get-FileHash pyproject.toml -Algorithm SHA256).Hash.ToLower()
$stamp = ".venv\.case-dossier-installed"
if (-not (Test-Path $stamp) -or (Get-Content $stamp) -ne $digest) {
    .venv\Scripts\python.exe -m pip install -q --upgrade pip
    .venv\Scripts\python.exe -m pip install -q -e .
    Set-Content $stamp $digest
}
.venv\Scripts\python.exe -m desktop @args
