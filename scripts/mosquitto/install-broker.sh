# Sourced by scripts/install.sh --broker (uses its $repo, $root, $broker_port, $broker_hosts): sets up the
# fleet's mosquitto as docs/security.md describes. Idempotent: the CA, the server certificate, the password
# file, central's account and an edited ACL are kept; the shipped sortstation.conf is (re)written.
broker_dir=/etc/mosquitto/sortstation
group=mosquitto
if [ -z "$root" ] && ! command -v mosquitto_passwd >/dev/null; then
  echo "install: installing mosquitto"
  apt-get install -y -qq --no-install-recommends mosquitto openssl >/dev/null
fi
command -v mosquitto_passwd >/dev/null || { echo "install: mosquitto_passwd not found: apt-get install mosquitto" >&2; exit 1; }
# In a staging root the owners are set by the package that installs it; here only on the real system.
if [ -n "$root" ] || ! getent group "$group" >/dev/null; then group=""; fi

# setgid: files created later (stations add rewrites passwd) inherit the group the broker reads them through.
install -d -m 2750 "$root$broker_dir"
install -d -m 0755 "$root/etc/mosquitto/conf.d"
ca_args=("$root$broker_dir")
for h in "${broker_hosts[@]}"; do ca_args+=(--host "$h"); done
[ -n "$group" ] && ca_args+=(--group "$group")
bash "$repo/scripts/mosquitto/make-ca.sh" "${ca_args[@]}" | sed 's/^make-ca/install/'

if [ ! -e "$root$broker_dir/acl" ]; then
  install -m 0640 "$repo/scripts/mosquitto/sortstation.acl" "$root$broker_dir/acl"
elif ! cmp -s "$repo/scripts/mosquitto/sortstation.acl" "$root$broker_dir/acl"; then
  install -m 0640 "$repo/scripts/mosquitto/sortstation.acl" "$root$broker_dir/acl.dist"
  echo "install: $broker_dir/acl kept (edited); the shipped one is acl.dist"
fi
[ -e "$root$broker_dir/passwd" ] || install -m 0640 /dev/null "$root$broker_dir/passwd"
if [ -n "$group" ]; then
  chgrp "$group" "$root$broker_dir" "$root$broker_dir/acl" "$root$broker_dir/passwd"
fi

# Central's account: a random password, given to mosquitto_passwd on stdin (never on a command line).
if ! grep -q '^central:' "$root$broker_dir/passwd"; then
  password="$(openssl rand -base64 32 | tr -d '\n=')"
  printf '%s\n%s\n' "$password" "$password" | mosquitto_passwd "$root$broker_dir/passwd" central >/dev/null
  install -m 0600 /dev/null "$root/etc/sortstation/central-mqtt-password"
  printf '%s\n' "$password" > "$root/etc/sortstation/central-mqtt-password"
  unset password
  if [ -z "$root" ]; then chown sortstation-central:sortstation-central /etc/sortstation/central-mqtt-password; fi
  echo "install: broker account 'central' created; its password is in /etc/sortstation/central-mqtt-password (0600)"
fi

# The CA the stations and central check the broker against (public).
install -m 0644 "$root$broker_dir/ca.crt" "$root/etc/sortstation/plant-ca.crt"
sed -e "s#{{PORT}}#$broker_port#g" -e "s#{{DIR}}#$broker_dir#g" "$repo/scripts/mosquitto/sortstation.conf" > "$root/etc/mosquitto/conf.d/sortstation.conf"
chmod 0644 "$root/etc/mosquitto/conf.d/sortstation.conf"
echo "install: mosquitto: TLS on port $broker_port, passwords, ACL ($broker_dir); add stations with: sudo sortstation-central stations add STATION-ID"
