#!/usr/bin/env bash
# Makes sure the machine has what the suite drives for real: Chromium (widgets in the emulator's
# portal page), Dovecot (IMAP/LMTP for bank replies), LibreOffice (document previews, .docx → PDF in
# tests) and a running PostgreSQL on 127.0.0.1:5432.
# It installs missing Debian packages when it can (root + apt-get); otherwise it stops with the
# exact command to run. It never lets a test skip silently.
set -euo pipefail

PACKAGES=(chromium dovecot-imapd dovecot-lmtpd fonts-liberation2 libreoffice-writer-nogui poppler-utils)
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd dovecot-lmtpd)
[ -d /usr/share/fonts/truetype/liberation2 ] || need+=(fonts-liberation2)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
# pdftotext reads back the PDFs LibreOffice makes of filled documents (test/docx-libreoffice.test.ts).
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)

if [ ${#need[@]} -gt 0 ]; then
  cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${PACKAGES[*]}"
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "[system-deps] installing: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
  else
    echo "[system-deps] missing Debian packages: ${need[*]}" >&2
    echo "[system-deps] run as root:  $cmd" >&2
    exit 1
  fi
fi

# PostgreSQL: the db-postgres project needs it. Start the machine's cluster if it is down.
PGURL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
if ! pg_isready -q -d "$PGURL" 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "[system-deps] starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 1 30); do pg_isready -q -d "$PGURL" && break; sleep 1; done
  fi
fi
if ! pg_isready -q -d "$PGURL" 2>/dev/null; then
  echo "[system-deps] PostgreSQL is not reachable at $PGURL" >&2
  echo "[system-deps] start it:  pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
  echo "[system-deps] or point TEST_DATABASE_URL at a server you can use." >&2
  exit 1
fi
echo "[system-deps] ok: chromium, dovecot, libreoffice, pdftotext, PostgreSQL ($PGURL)"
