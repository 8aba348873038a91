#!/usr/bin/env bash
# Makes the plant's private CA and the broker's TLS certificate with openssl (run as root on the broker host).
#   DIR/ca.key      CA private key, 0600 root: it signs broker certificates; keep a copy offline, never copy it to a station
#   DIR/ca.crt      CA certificate, 0644: copy to every station as /etc/sortstation/plant-ca.crt (Mqtt:CaFile)
#   DIR/server.key  broker key, 0640 root:<group>
#   DIR/server.crt  broker certificate for the given host names and addresses (+ localhost, 127.0.0.1)
# An existing CA is kept (stations already trust it); an existing server certificate is kept unless --renew.
# Usage: make-ca.sh DIR [--host NAME]... [--group mosquitto] [--days 1825] [--renew]
#   e.g. make-ca.sh /etc/mosquitto/sortstation --host central.plant.lan --host 192.168.10.5
set -euo pipefail

dir="" hosts=() group="" days=1825 renew=0
while (($#)); do
  case "$1" in
    --host) hosts+=("$2"); shift 2 ;;
    --group) group="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --renew) renew=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) echo "make-ca: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) dir="$1"; shift ;;
  esac
done
[ -n "$dir" ] || { echo "make-ca: give the directory, e.g. make-ca.sh /etc/mosquitto/sortstation --host central.plant.lan" >&2; exit 2; }
command -v openssl >/dev/null || { echo "make-ca: openssl is missing (apt-get install openssl)" >&2; exit 1; }
install -d -m 0750 "$dir"
umask 077

# EC P-256: small keys and fast handshakes on a Raspberry Pi.
if [ ! -s "$dir/ca.key" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days 3650 \
    -subj "/CN=SortStation plant CA/O=$(hostname)" -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
  echo "make-ca: new CA $dir/ca.crt (valid 10 years)"
else
  echo "make-ca: CA kept ($dir/ca.crt)"
fi

if [ ! -s "$dir/server.crt" ] || ((renew)); then
  san="DNS:localhost,IP:127.0.0.1,DNS:$(hostname)"
  for h in "${hosts[@]}"; do
    if [[ "$h" =~ ^[0-9.]+$ || "$h" == *:* ]]; then san+=",IP:$h"; else san+=",DNS:$h"; fi
  done
  ext="$(mktemp)"
  trap 'rm -f "$ext" "$dir/server.csr"' EXIT
  printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature\nbasicConstraints=CA:FALSE\n' "$san" > "$ext"
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -subj "/CN=${hosts[0]:-$(hostname)}" \
    -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -sha256 \
    -days "$days" -extfile "$ext" -out "$dir/server.crt" 2>/dev/null
  echo "make-ca: broker certificate $dir/server.crt for $san (valid $days days)"
else
  echo "make-ca: broker certificate kept ($dir/server.crt; --renew makes a new one)"
fi

chmod 0600 "$dir/ca.key"
chmod 0644 "$dir/ca.crt" "$dir/server.crt"
chmod 0640 "$dir/server.key"
if [ -n "$group" ]; then
  chgrp "$group" "$dir" "$dir/server.key"
fi
