#!/usr/bin/env bash
# Installs SortStation as a systemd service on Debian / Raspberry Pi OS (run as root):
#   1. dotnet publish, self-contained for this machine (linux-arm64 on a Pi, linux-x64 on a PC),
#      or take an already published folder (--from DIR, e.g. cross-published on a PC and copied over);
#   2. the binary and its defaults (appsettings.json) to /opt/sortstation, replacing the previous version;
#   3. /etc/sortstation/sortstation.json from a template only when absent: a technician's edits are kept;
#   4. the system user (systemd-sysusers: sortstation in groups gpio and video);
#   5. the unit, enabled and (re)started;
#   6. with --broker: the fleet's mosquitto (docs/security.md): the shipped scripts/mosquitto/sortstation.conf
#      (TLS on --broker-port, passwords, no anonymous access, the ACL that keeps each station to its own
#      topics), a private CA and server certificate (make-ca.sh), central's broker account.
# Usage: sudo scripts/install.sh [--from DIR] [--central [--central-from DIR]] [--broker [--broker-host NAME]...
#                                [--broker-port 8883]] [--no-start] [--root DIR]
#   --central   also install sortstation-central (/opt/sortstation-central, sortstation-central.service,
#               /etc/sortstation/central.json once); published here, or taken from --central-from DIR
#   --broker    also set up mosquitto for the fleet on this host; --broker-host adds a name or address the
#               stations dial to the server certificate (this host's name, localhost and 127.0.0.1 are always in)
#   --no-start  install and enable, but do not (re)start
#   --root DIR  install below DIR instead of / (packaging, tests); systemctl is not called
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
from="" central=0 central_from="" start=1 root="" broker=0 broker_port=8883 broker_hosts=()
while (($#)); do
  case "$1" in
    --from) from="$2"; shift 2 ;;
    --central) central=1; shift ;;
    --central-from) central=1; central_from="$2"; shift 2 ;;
    --broker) broker=1; shift ;;
    --broker-host) broker=1; broker_hosts+=("$2"); shift 2 ;;
    --broker-port) broker=1; broker_port="$2"; shift 2 ;;
    --no-start) start=0; shift ;;
    --root) root="$(realpath -m "$2")"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "install: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$root" ] || [ "$(id -u)" -eq 0 ] || { echo "install: run as root (sudo $0)" >&2; exit 1; }

case "$(uname -m)" in
  aarch64|arm64) rid=linux-arm64 ;;
  x86_64|amd64) rid=linux-x64 ;;
  *) echo "install: unsupported architecture $(uname -m); SortStation ships for linux-arm64 and linux-x64" >&2; exit 1 ;;
esac

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

# publish PROJECT OUT: self-contained, so the target needs no .NET runtime.
publish() {
  echo "install: dotnet publish $1 -c Release -r $rid --self-contained"
  dotnet publish "$repo/src/$1" -c Release -r "$rid" --self-contained -p:DebugType=none -o "$2" -v quiet -nologo
}

# place SRC DEST: the new version beside the old one, then swapped in, so a failed copy leaves the old one.
place() {
  local dest="$root$2"
  mkdir -p "$(dirname "$dest")"
  rm -rf "$dest.new"
  cp -a "$1" "$dest.new"
  cp "$repo/README.md" "$dest.new/README.md"
  chmod -R u=rwX,go=rX "$dest.new"
  rm -rf "$dest.old"
  [ -e "$dest" ] && mv "$dest" "$dest.old"
  mv "$dest.new" "$dest"
  rm -rf "$dest.old"
  echo "install: $2 ($(du -sh "$dest" | cut -f1))"
}

if [ -n "$from" ]; then
  [ -x "$from/sortstation" ] || { echo "install: $from/sortstation not found; publish with: dotnet publish src/SortStation -c Release -r $rid --self-contained -o DIR" >&2; exit 1; }
  cp -a "$from" "$stage/station"
else
  command -v dotnet >/dev/null || { echo "install: the .NET 10 SDK is needed to publish, or give --from DIR" >&2; exit 1; }
  publish SortStation "$stage/station"
fi
if ((central)); then
  if [ -n "$central_from" ]; then
    [ -x "$central_from/sortstation-central" ] || { echo "install: $central_from/sortstation-central not found" >&2; exit 1; }
    cp -a "$central_from" "$stage/central"
  else
    command -v dotnet >/dev/null || { echo "install: the .NET 10 SDK is needed to publish central, or give --central-from DIR" >&2; exit 1; }
    publish SortStation.Central.Host "$stage/central"
  fi
fi

place "$stage/station" /opt/sortstation
if ((central)); then
  place "$stage/central" /opt/sortstation-central
fi

# OpenCvSharp's native library: bundled on linux-x64; on a Pi it comes from the system (README, technician section).
if [ "$rid" = linux-arm64 ] && [ ! -e "$root/opt/sortstation/libOpenCvSharpExtern.so" ] \
   && ! ldconfig -p 2>/dev/null | grep -q libOpenCvSharpExtern.so; then
  echo "install: WARNING libOpenCvSharpExtern.so not found: the camera cannot start. See README.md, 'Technician: install and operate', OpenCV on the Pi." >&2
fi

# Configuration: the shipped defaults live beside the binary; this site's file is created once, never overwritten.
install -d -m 0755 "$root/etc/sortstation"
if [ -e "$root/etc/sortstation/sortstation.json" ]; then
  echo "install: /etc/sortstation/sortstation.json kept (technician's settings)"
else
  install -m 0644 "$repo/systemd/sortstation.json" "$root/etc/sortstation/sortstation.json"
  echo "install: /etc/sortstation/sortstation.json created from the template: set Station:Id and Mqtt:Broker"
fi

if ((central)); then
  if [ -e "$root/etc/sortstation/central.json" ]; then
    echo "install: /etc/sortstation/central.json kept (technician's settings)"
  else
    install -m 0644 "$repo/systemd/central.json" "$root/etc/sortstation/central.json"
    echo "install: /etc/sortstation/central.json created: TLS broker, registered stations only (docs/security.md)"
  fi
fi

# The system user and the units.
install -D -m 0644 "$repo/systemd/sysusers.d/sortstation.conf" "$root/usr/lib/sysusers.d/sortstation.conf"
units=(sortstation.service)
((central)) && units+=(sortstation-central.service)
for unit in "${units[@]}"; do
  install -D -m 0644 "$repo/systemd/$unit" "$root/etc/systemd/system/$unit"
done

if [ -n "$root" ]; then
  systemd-sysusers --root="$root" "$root/usr/lib/sysusers.d/sortstation.conf" 2>/dev/null || true
else
  systemd-sysusers /usr/lib/sysusers.d/sortstation.conf
fi
if ((broker)); then
  # shellcheck source=mosquitto/install-broker.sh
  source "$repo/scripts/mosquitto/install-broker.sh"
fi
if [ -n "$root" ]; then
  echo "install: installed below $root (no systemctl)"
  exit 0
fi

if [ ! -d /run/systemd/system ]; then
  echo "install: systemd is not running here; units installed but not enabled"
  exit 0
fi
systemctl daemon-reload
((broker)) && units=(mosquitto.service "${units[@]}")
for unit in "${units[@]}"; do
  systemctl enable "$unit" >/dev/null
  if ((start)); then
    systemctl restart "$unit" || { echo "install: $unit did not start: journalctl -u ${unit%.service} (exit 2 = configuration, it names the key)" >&2; continue; }
    echo "install: $unit enabled and (re)started — journalctl -u ${unit%.service} -f"
  else
    echo "install: $unit enabled (start: systemctl start ${unit%.service})"
  fi
done
