#!/usr/bin/env bash
# Removes SortStation's services and binaries (run as root). Configuration (/etc/sortstation), state
# (/var/lib/sortstation: the outbox with weighings not yet delivered, logs) and the users are kept
# unless --purge is given.
# Usage: sudo scripts/uninstall.sh [--purge] [--root DIR]
set -euo pipefail

purge=0 root=""
while (($#)); do
  case "$1" in
    --purge) purge=1; shift ;;
    --root) root="$(realpath -m "$2")"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "uninstall: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$root" ] || [ "$(id -u)" -eq 0 ] || { echo "uninstall: run as root (sudo $0)" >&2; exit 1; }

units=(sortstation.service sortstation-central.service)
if [ -z "$root" ] && [ -d /run/systemd/system ]; then
  for unit in "${units[@]}"; do
    systemctl disable --now "$unit" >/dev/null 2>&1 || true
  done
fi
for unit in "${units[@]}"; do
  rm -f "$root/etc/systemd/system/$unit"
done
[ -z "$root" ] && [ -d /run/systemd/system ] && systemctl daemon-reload

rm -rf "$root/opt/sortstation" "$root/opt/sortstation-central"
echo "uninstall: services and /opt/sortstation* removed"

if ((purge)); then
  rm -rf "$root/etc/sortstation" "$root/var/lib/sortstation" "$root/var/lib/sortstation-central"
  # The fleet's broker set-up of install.sh --broker (its CA: every station would need a new one).
  rm -rf "$root/etc/mosquitto/conf.d/sortstation.conf" "$root/etc/mosquitto/sortstation"
  rm -f "$root/usr/lib/sysusers.d/sortstation.conf"
  if [ -z "$root" ]; then
    for user in sortstation sortstation-central; do
      id "$user" >/dev/null 2>&1 && userdel "$user"
    done
  fi
  echo "uninstall: purged configuration, state (including undelivered weighings), the broker's SortStation set-up and users"
else
  echo "uninstall: kept /etc/sortstation, /var/lib/sortstation and the users (--purge removes them)"
fi
