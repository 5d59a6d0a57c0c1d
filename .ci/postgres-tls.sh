#!/usr/bin/env bash
# The team server's TLS test setup (issue 20), idempotent: a throwaway CA and a server certificate
# for localhost / 127.0.0.1, ssl = on for cluster 15/main, and one pg_hba rule that refuses a
# connection without TLS to members of the group role siteselect_tls_only (the tests make their
# roles members of it). Nothing else of the cluster changes. Run as root; safe to run again.
set -euo pipefail

CONF=/etc/postgresql/15/main
DIR="$CONF/siteselect-tls"
HBA="$CONF/pg_hba.conf"
MARK='# siteselect team TLS test (issue 20)'

if [ ! -s "$DIR/server.crt" ] || [ ! -s "$DIR/ca.crt" ]; then
  mkdir -p "$DIR"
  tmp=$(mktemp -d)
  openssl req -x509 -new -nodes -newkey rsa:2048 -days 3650 -subj '/CN=siteselect test CA' \
    -keyout "$tmp/ca.key" -out "$tmp/ca.crt" 2>/dev/null
  openssl req -new -nodes -newkey rsa:2048 -subj '/CN=localhost' -keyout "$tmp/server.key" -out "$tmp/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' >"$tmp/ext"
  openssl x509 -req -in "$tmp/server.csr" -CA "$tmp/ca.crt" -CAkey "$tmp/ca.key" -CAcreateserial -days 3650 \
    -extfile "$tmp/ext" -out "$tmp/server.crt" 2>/dev/null
  install -m 0644 "$tmp/ca.crt" "$DIR/ca.crt"
  install -m 0644 -o postgres "$tmp/server.crt" "$DIR/server.crt"
  install -m 0600 -o postgres "$tmp/server.key" "$DIR/server.key"
  rm -rf "$tmp"
fi

cat >"$CONF/conf.d/siteselect-tls.conf" <<EOF
ssl = on
ssl_cert_file = '$DIR/server.crt'
ssl_key_file = '$DIR/server.key'
EOF

if ! grep -qF "$MARK" "$HBA"; then
  # First match wins in pg_hba.conf: the rule goes before the generic host lines.
  tmp=$(mktemp)
  {
    echo "$MARK"
    echo 'hostnossl all +siteselect_tls_only 127.0.0.1/32 reject'
    echo 'hostnossl all +siteselect_tls_only ::1/128 reject'
    cat "$HBA"
  } >"$tmp"
  install -m 0640 -o postgres -g postgres "$tmp" "$HBA"
  rm -f "$tmp"
fi

pg_ctlcluster 15 main reload
runuser -u postgres -- psql -h /var/run/postgresql -d postgres -qAtc \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'siteselect_tls_only') THEN CREATE ROLE siteselect_tls_only NOLOGIN; END IF; END \$\$;"
