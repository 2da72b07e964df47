#!/usr/bin/env bash
# A local doccano 1.8.4 server for the annotation loop and for the round-trip test.
#
#   scripts/doccano.sh install        create (or reuse) the server's own venv; prints its path
#   scripts/doccano.sh serve PORT     init the database, create the user, serve on 127.0.0.1:PORT
#                                     with gunicorn plus the celery worker (`doccano task`);
#                                     runs in the foreground, Ctrl-C (or SIGTERM) stops both
#
# doccano needs its own venv (Python 3.11; its pins clash with spaCy's). It is cached outside the
# checkout in $ATTRIB_DOCCANO_VENV (default ~/.cache/attrib/doccano-venv) and reused when it works.
# `serve` reads DOCCANO_USERNAME / DOCCANO_PASSWORD (the account it creates) and DOCCANO_HOME
# (database and uploads; default ~/doccano) from the environment.
set -euo pipefail

VENV="${ATTRIB_DOCCANO_VENV:-$HOME/.cache/attrib/doccano-venv}"
PY="${ATTRIB_DOCCANO_PYTHON:-python3.11}"
SPEC=(doccano==1.8.4 "marshmallow<4" "numpy<2")

works() { [ -x "$VENV/bin/doccano" ] && "$VENV/bin/python" -c "import backend, gunicorn, celery" 2>/dev/null; }

install() {
    if works; then echo "$VENV"; return 0; fi
    mkdir -p "$(dirname "$VENV")"
    # Two test runs starting at once must not build the same venv together.
    ( if command -v flock >/dev/null; then flock 9; fi; build ) 9>"$VENV.lock"
}

build() {
    if works; then echo "$VENV"; return 0; fi
    if ! command -v "$PY" >/dev/null; then
        # python3 will do when it is 3.11 (doccano 1.8.4 does not run on newer Pythons).
        if python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then PY=python3
        else echo "doccano needs Python 3.11 ($PY), which is not installed" >&2; return 3; fi
    fi
    rm -rf "$VENV"
    "$PY" -m venv "$VENV" || { echo "$PY cannot create a venv (is python3-venv installed?)" >&2; return 3; }
    # Without the marshmallow and numpy pins doccano 1.8.4 crashes on import.
    # One retry: a flaky index or a pip cache busy with another install should not skip the test.
    if ! { "$VENV/bin/pip" install -q "${SPEC[@]}" >"$VENV.log" 2>&1 && works; } &&
       ! { sleep 5; "$VENV/bin/pip" install -q "${SPEC[@]}" >>"$VENV.log" 2>&1 && works; }; then
        tail -5 "$VENV.log" >&2
        rm -rf "$VENV"
        echo "pip could not install ${SPEC[*]} (log: $VENV.log)" >&2
        return 3
    fi
    echo "$VENV"
}

serve() {
    local port="${1:?usage: scripts/doccano.sh serve PORT}"
    : "${DOCCANO_USERNAME:?set DOCCANO_USERNAME}" "${DOCCANO_PASSWORD:?set DOCCANO_PASSWORD}"
    install >/dev/null
    export DOCCANO_HOME="${DOCCANO_HOME:-$HOME/doccano}"
    mkdir -p "$DOCCANO_HOME"
    # The web app and the worker must share the database (it is also the celery broker).
    export DATABASE_URL="sqlite:///$DOCCANO_HOME/db.sqlite3" MEDIA_ROOT="$DOCCANO_HOME/media" STANDALONE=True
    export DJANGO_SETTINGS_MODULE=config.settings.production
    local backend
    backend="$("$VENV/bin/python" -c 'import backend, os; print(os.path.dirname(backend.__file__))')"
    "$VENV/bin/doccano" init >"$DOCCANO_HOME/init.log" 2>&1
    # `doccano createuser` takes the password on its command line (visible to `ps`); call its
    # management command with the password from the environment instead. An existing user keeps
    # its account and gets this password.
    "$VENV/bin/python" - >>"$DOCCANO_HOME/init.log" 2>&1 <<'PY'
import os

import django
import backend.cli  # noqa: F401  (doccano's environment defaults and import path)
from django.core import management

django.setup()
management.call_command("create_admin", "--noinput", username=os.environ["DOCCANO_USERNAME"],
                        password=os.environ["DOCCANO_PASSWORD"], email="annotator@localhost")

# The broker's queue row is created on first use by whichever process gets there first, guarded by
# an in-process lock only: the worker and the web app's health check can both insert it, and the
# loser (often the worker) dies on the UNIQUE constraint. Create it here, before either starts.
from django.conf import settings
from kombu import Connection

with Connection(settings.CELERY_BROKER_URL) as connection:
    connection.default_channel._get_or_create("celery")  # doccano keeps celery's default queue
PY
    "$VENV/bin/doccano" task --concurrency 1 >"$DOCCANO_HOME/worker.log" 2>&1 &
    local worker=$!
    # gunicorn on 127.0.0.1 only (`doccano webserver` would bind 0.0.0.0).
    "$VENV/bin/gunicorn" --chdir "$backend" --bind "127.0.0.1:$port" --workers 2 --timeout 120 \
        config.wsgi >"$DOCCANO_HOME/web.log" 2>&1 &
    local web=$!
    trap 'kill "$web" "$worker" 2>/dev/null; wait "$web" "$worker" 2>/dev/null; exit 0' INT TERM EXIT
    echo "doccano on http://127.0.0.1:$port (logs in $DOCCANO_HOME)"
    wait -n "$web" "$worker"
    echo "doccano stopped: see $DOCCANO_HOME/web.log and worker.log" >&2
    exit 1
}

case "${1:-}" in
    install) install ;;
    serve) shift; serve "$@" ;;
    *) echo "usage: scripts/doccano.sh install | serve PORT" >&2; exit 2 ;;
esac
