#!/usr/bin/env bash
# Installs what SortStation needs besides the .NET SDK on Debian/Raspberry Pi OS:
#   libgtk-3-0   OpenCvSharp's native library (libOpenCvSharpExtern.so) links against it
#   mosquitto    real MQTT broker for the telemetry and central tests (the demo embeds its own)
#   openssl      test certificate authority for the TLS tests
#   postgresql   the central service's fleet database, tested when it can start
#   chromium     the web console's browser tests (Playwright drives it; no browser is downloaded)
#   fonts-dejavu-core  the font the console's charts are measured in (ScottPlot SVG)
#   libicu72     number and date formats for English and Bahasa Indonesia in the console
#   wrk          the console's load benchmark (bench/SortStation.Central.Web.Bench)
# Idempotent: packages already present are not touched and apt is not updated.
set -euo pipefail

packages=(libgtk-3-0 mosquitto mosquitto-clients openssl postgresql chromium fonts-dejavu-core libicu72 wrk)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts mosquitto on :1883 when it is installed; the tests run their own brokers on free ports.
  $sudo systemctl disable --now mosquitto >/dev/null 2>&1 || true
fi

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (https://learn.microsoft.com/dotnet/core/install/linux-debian)"; exit 1; }
echo "setup: ok (.NET SDK $(dotnet --version), $(mosquitto -h 2>/dev/null | head -1))"
