"""The cost of key derivation the program uses (SPEC § 8): scrypt N = 2^17, r = 8, p = 1 for every new wrap.

The test suite derives its keys at 2^12 (`TNLD_TEST_FAST_KDF`, set in tests/conftest.py): this test checks, in a
fresh interpreter without it, that the program itself never does.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys, tempfile
from pathlib import Path
from app.db import keyfile
from app.services.workspace import initialise
folder = Path(tempfile.mkdtemp()) / "xa"
initialise(folder, role="commune", unit="06040", admin="admin", password="mat-khau-123")
data = json.loads((folder / "keys.json").read_text())
print(json.dumps({"constant": [keyfile.SCRYPT_N, keyfile.SCRYPT_R, keyfile.SCRYPT_P],
                  "admin": data["users"]["admin"]["private"]["n"]}))
"""


def test_the_program_derives_keys_at_two_to_the_seventeen():
    env = {k: v for k, v in os.environ.items() if k != "TNLD_TEST_FAST_KDF"}
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=ROOT,
                         check=True, timeout=120)
    seen = json.loads(out.stdout)
    assert seen == {"constant": [2**17, 8, 1], "admin": 2**17}


def test_the_suite_itself_uses_the_quick_cost():
    assert os.environ.get("TNLD_TEST_FAST_KDF") == "1"
