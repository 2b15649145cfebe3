@echo off
:: Bootstraps and runs the build program (build\_build.csproj): build.cmd [targets] [options]; build.cmd --help.
:: Uses the dotnet on PATH when it satisfies global.json; otherwise installs that SDK into artifacts\dotnet-sdk
:: with the official dotnet-install script (this needs network access).
setlocal
set "SCRIPT_DIR=%~dp0"
set "BUILD_PROJECT_FILE=%SCRIPT_DIR%build\_build.csproj"
set "LOCAL_SDK_DIR=%SCRIPT_DIR%artifacts\dotnet-sdk"
set "DOTNET_INSTALL_URL=https://dot.net/v1/dotnet-install.ps1"
set "BUILD_OUTPUT=%TEMP%\cheeger-build-%RANDOM%.txt"

set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
set DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

pushd "%SCRIPT_DIR%"

:: `dotnet --version` fails inside the repository when no installed SDK satisfies global.json.
set "DOTNET_EXE="
where dotnet >nul 2>&1 && dotnet --version >nul 2>&1 && set "DOTNET_EXE=dotnet"
if not defined DOTNET_EXE if exist "%LOCAL_SDK_DIR%\dotnet.exe" "%LOCAL_SDK_DIR%\dotnet.exe" --version >nul 2>&1 && set "DOTNET_EXE=%LOCAL_SDK_DIR%\dotnet.exe"
if not defined DOTNET_EXE (
    echo No .NET SDK satisfying global.json on PATH; installing it into %LOCAL_SDK_DIR%.
    powershell -NoProfile -ExecutionPolicy Bypass -Command "$ErrorActionPreference = 'Stop'; New-Item -ItemType Directory -Force -Path '%LOCAL_SDK_DIR%' | Out-Null; [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12; Invoke-WebRequest '%DOTNET_INSTALL_URL%' -OutFile '%LOCAL_SDK_DIR%\dotnet-install.ps1' -UseBasicParsing; & '%LOCAL_SDK_DIR%\dotnet-install.ps1' -JSonFile '%SCRIPT_DIR%global.json' -InstallDir '%LOCAL_SDK_DIR%' -NoPath"
    if errorlevel 1 goto fail
    set "DOTNET_EXE=%LOCAL_SDK_DIR%\dotnet.exe"
)
if /i "%DOTNET_EXE%"=="%LOCAL_SDK_DIR%\dotnet.exe" (
    set "DOTNET_ROOT=%LOCAL_SDK_DIR%"
    set "PATH=%LOCAL_SDK_DIR%;%PATH%"
)

echo .NET SDK (%DOTNET_EXE%):
"%DOTNET_EXE%" --version

:: Build the build program quietly: its output is shown only when it fails.
"%DOTNET_EXE%" build "%BUILD_PROJECT_FILE%" -nologo -verbosity:quiet > "%BUILD_OUTPUT%" 2>&1
if errorlevel 1 (
    type "%BUILD_OUTPUT%"
    del "%BUILD_OUTPUT%" >nul 2>&1
    echo The build program ^(%BUILD_PROJECT_FILE%^) does not compile. 1>&2
    goto fail
)
del "%BUILD_OUTPUT%" >nul 2>&1

"%DOTNET_EXE%" run --project "%BUILD_PROJECT_FILE%" --no-build -- %*
set "EXIT_CODE=%ERRORLEVEL%"
popd
exit /b %EXIT_CODE%

:fail
popd
exit /b 1
