"""Credentials for the doccano client: environment or netrc, never argv, never shown."""

import os
import subprocess
import sys

import pytest

from attrib.doccano import DoccanoError, credentials_from_env
from tests.conftest import ROOT


def test_environment_credentials_win_and_the_password_is_never_shown():
    c = credentials_from_env({"DOCCANO_URL": "http://127.0.0.1:8000/", "DOCCANO_USERNAME": "desk",
                              "DOCCANO_PASSWORD": "pw-Zq81"})
    assert (c.url, c.username, c.password) == ("http://127.0.0.1:8000", "desk", "pw-Zq81")
    assert "pw-Zq81" not in repr(c) and "pw-Zq81" not in str(c)


def test_netrc_entry_for_the_servers_host(tmp_path):
    rc = tmp_path / "netrc"
    rc.write_text("machine 127.0.0.1 login desk password pw-from-netrc\n", encoding="utf-8")
    rc.chmod(0o600)
    c = credentials_from_env({"DOCCANO_URL": "http://127.0.0.1:8000", "NETRC": str(rc)})
    assert (c.username, c.password) == ("desk", "pw-from-netrc")


@pytest.mark.parametrize("env,message", [
    ({}, "set DOCCANO_URL"),
    ({"DOCCANO_URL": "127.0.0.1:8000"}, "is not a URL"),
    ({"DOCCANO_URL": "http://127.0.0.1:8000"}, "no doccano credentials for 127.0.0.1"),
])
def test_missing_settings_say_what_to_set(tmp_path, env, message):
    with pytest.raises(DoccanoError, match=message):
        credentials_from_env({**env, "NETRC": str(tmp_path / "none")})


def test_cli_without_a_server_is_a_clear_error():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCCANO_")}
    env.update(DOCCANO_URL="http://127.0.0.1:9", DOCCANO_USERNAME="desk", DOCCANO_PASSWORD="pw-Zq81")
    r = subprocess.run([sys.executable, "-m", "attrib.cli", "doccano", "pull", "1"], capture_output=True, text=True,
                       cwd=ROOT, timeout=120, env=env)
    assert r.returncode == 1
    assert "cannot reach the doccano server at http://127.0.0.1:9" in r.stderr
    assert "Traceback" not in r.stderr and "pw-Zq81" not in r.stderr + r.stdout
