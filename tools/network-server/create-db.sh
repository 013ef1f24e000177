#!/usr/bin/env bash
# Creates the network server's SQLite database: Kamailio's own tables from the
# packaged create scripts, then this project's tables (schema.sql).
# Usage: create-db.sh DB_PATH
set -euo pipefail

db="${1:?usage: create-db.sh DB_PATH}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kam_sql="${KAMAILIO_SQL_DIR:-/usr/share/kamailio/db_sqlite}"

if [[ -e "$db" ]]; then
    echo "create-db: $db already exists" >&2
    exit 1
fi
mkdir -p "$(dirname "$db")"

tmp="$db.creating"
rm -f "$tmp"
{
    echo "BEGIN;"
    for part in standard auth_db usrloc acc dialog; do
        cat "$kam_sql/$part-create.sql"
    done
    cat "$here/schema.sql"
    echo "COMMIT;"
} | sqlite3 -bail "$tmp"
# WAL once in the file: readers (sqlops, auth_db) never block the usrloc timer writer.
sqlite3 "$tmp" 'PRAGMA journal_mode=WAL;' >/dev/null
mv "$tmp" "$db"
