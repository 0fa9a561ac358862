#!/usr/bin/env python3
"""An SMTP relay for the mail tests: aiosmtpd (PyPI) on 127.0.0.1:PORT delivering into a maildir, optionally
with STARTTLS required (--cert/--key) and AUTH for one user (--user, password in SMTP_RELAY_PASSWORD).

Each AUTH attempt appends its mechanism to --auth-log, so a test can tell that no password reached it.
Prints "ready" once it accepts connections, then serves until killed."""
import argparse
import os
import ssl
import time

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--maildir", required=True)
parser.add_argument("--cert")
parser.add_argument("--key")
parser.add_argument("--user")
parser.add_argument("--auth-log")
args = parser.parse_args()
password = os.environ.get("SMTP_RELAY_PASSWORD", "")


def authenticator(server, session, envelope, mechanism, auth_data):
    if args.auth_log:
        with open(args.auth_log, "a") as log:
            log.write(mechanism + "\n")
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login == args.user.encode()
          and auth_data.password == password.encode())
    return AuthResult(success=ok, handled=False)


tls = None
if args.cert:
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(args.cert, args.key)

controller = Controller(
    Mailbox(args.maildir), hostname="127.0.0.1", port=args.port, tls_context=tls,
    require_starttls=tls is not None, authenticator=authenticator if args.user else None,
    # Without TLS the relay offers AUTH in plain text: a client that sent its password would get in.
    auth_require_tls=tls is not None, auth_required=bool(args.user))
controller.start()
print("ready", flush=True)
while True:
    time.sleep(3600)
