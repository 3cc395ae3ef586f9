"""A local SMTP server for the reminder tests (aiosmtpd): every message it accepts is written to
FOLDER as NNN.eml (the message as received) and NNN.json (envelope sender, recipients, whether the
client authenticated, and the headers and text as Python's e-mail parser decodes them). With USER and PASSWORD it offers AUTH PLAIN and LOGIN (without TLS, on
loopback) and refuses mail from a client that did not sign in.

    python smtp_sink.py FOLDER [USER PASSWORD]

Writes FOLDER/port when it is listening; runs until terminated.
"""

import email
import email.policy
import json
import os
import signal
import socket
import sys
import time
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.folder, "%03d" % self.count)
        with open(base + ".eml", "wb") as file:
            file.write(envelope.original_content)
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with open(base + ".json", "w", encoding="utf-8") as file:
            json.dump(
                {
                    "from": envelope.mail_from,
                    "to": envelope.rcpt_tos,
                    "authenticated": bool(session.authenticated),
                    "headerFrom": str(message["From"]),
                    "headerTo": str(message["To"]),
                    "subject": str(message["Subject"]),
                    "date": str(message["Date"]),
                    "messageId": str(message["Message-ID"]),
                    "contentType": message.get_content_type(),
                    "charset": message.get_content_charset(),
                    "body": message.get_content(),
                },
                file,
                ensure_ascii=False,
            )
        return "250 Message accepted"


def main():
    folder = sys.argv[1]
    credentials = (sys.argv[2], sys.argv[3]) if len(sys.argv) > 3 else None

    def authenticator(server, session, envelope, mechanism, auth_data):
        if credentials and isinstance(auth_data, LoginPassword):
            if (auth_data.login.decode(), auth_data.password.decode()) == credentials:
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = {}
    if credentials:
        warnings.filterwarnings("ignore", category=UserWarning)
        options = {"authenticator": authenticator, "auth_require_tls": False, "auth_required": True}
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port, **options)
    controller.start()
    with open(os.path.join(folder, "port.tmp"), "w") as file:
        file.write(str(port))
    os.replace(os.path.join(folder, "port.tmp"), os.path.join(folder, "port"))
    # The controller's thread would keep the process alive after SIGTERM: leave at once.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main()
