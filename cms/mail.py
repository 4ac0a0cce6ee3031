"""Staff e-mail (password resets): what happens when there is no mail server to send it."""

import logging

from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger("samspel.mail")


class NoMailServerBackend(BaseEmailBackend):
    """Production without `EMAIL_HOST`: nothing is sent, the operator is told, nobody gets a 500."""

    def send_messages(self, email_messages):
        for _message in email_messages:
            logger.warning("an e-mail was not sent: no mail server is configured (set EMAIL_HOST)")
        return 0
