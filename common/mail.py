"""E-mail written to files, one standard .eml file per message, for the demo and for
`EMAIL_URL=file:///path`: any mail program opens it as the recipient would see it."""

import datetime
import os

from django.core.mail.backends.filebased import EmailBackend


class EmlFileBackend(EmailBackend):
    """Django's file backend writes every message of a connection into one .log file with
    separator lines; this one writes each message to `<UTC time>-<random>.eml` on its own."""

    def send_messages(self, email_messages):
        sent = 0
        with self._lock:
            for message in email_messages:
                if not message.recipients():
                    continue
                stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S-%f")
                name = os.path.join(self.file_path, f"{stamp}-{os.urandom(4).hex()}.eml")
                # Written under a temporary name, then renamed: a reader never sees half a message.
                with open(f"{name}.part", "wb") as handle:
                    handle.write(message.message().as_bytes(linesep="\r\n"))
                os.replace(f"{name}.part", name)
                sent += 1
        return sent
