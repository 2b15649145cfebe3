#!/usr/bin/env bash
# Bootstraps and runs the build program (build/_build.csproj): ./build.sh [targets] [options]; ./build.sh --help.
# Uses the dotnet on PATH when it satisfies global.json; otherwise installs that SDK into artifacts/dotnet-sdk
# with the official dotnet-install script (this needs network access).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD_PROJECT_FILE="$SCRIPT_DIR/build/_build.csproj"
LOCAL_SDK_DIR="$SCRIPT_DIR/artifacts/dotnet-sdk"
DOTNET_INSTALL_URL="https://dot.net/v1/dotnet-install.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

cd "$SCRIPT_DIR"

# `dotnet --version` fails inside the repository when no installed SDK satisfies global.json.
if command -v dotnet >/dev/null 2>&1 && dotnet --version >/dev/null 2>&1; then
    DOTNET_EXE=$(command -v dotnet)
elif [[ -x "$LOCAL_SDK_DIR/dotnet" ]] && "$LOCAL_SDK_DIR/dotnet" --version >/dev/null 2>&1; then
    DOTNET_EXE="$LOCAL_SDK_DIR/dotnet"
else
    SDK_VERSION=$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$SCRIPT_DIR/global.json" | head -n 1)
    echo "No .NET SDK satisfying global.json ($SDK_VERSION) on PATH; installing it into $LOCAL_SDK_DIR."
    mkdir -p "$LOCAL_SDK_DIR"
    INSTALL_SCRIPT="$LOCAL_SDK_DIR/dotnet-install.sh"
    if command -v curl >/dev/null 2>&1; then
        curl -fsSL "$DOTNET_INSTALL_URL" -o "$INSTALL_SCRIPT"
    else
        wget -q "$DOTNET_INSTALL_URL" -O "$INSTALL_SCRIPT"
    fi
    bash "$INSTALL_SCRIPT" --jsonfile "$SCRIPT_DIR/global.json" --install-dir "$LOCAL_SDK_DIR" --no-path
    DOTNET_EXE="$LOCAL_SDK_DIR/dotnet"
fi

if [[ "$DOTNET_EXE" == "$LOCAL_SDK_DIR/dotnet" ]]; then
    export DOTNET_ROOT="$LOCAL_SDK_DIR"
    export PATH="$LOCAL_SDK_DIR:$PATH"
fi

echo ".NET SDK $("$DOTNET_EXE" --version) ($DOTNET_EXE)"

# Build the build program quietly: its output is shown only when it fails.
if ! BUILD_OUTPUT=$("$DOTNET_EXE" build "$BUILD_PROJECT_FILE" -nologo -verbosity:quiet 2>&1); then
    echo "$BUILD_OUTPUT"
    echo "The build program ($BUILD_PROJECT_FILE) does not compile." >&2
    exit 1
fi
"$DOTNET_EXE" run --project "$BUILD_PROJECT_FILE" --no-build -- "$@"
