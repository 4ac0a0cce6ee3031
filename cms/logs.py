"""Logging filters for production."""

import logging
import re

from django.db import InterfaceError, OperationalError


class SkipDatabaseOutage(logging.Filter):
    """A database that does not answer is logged once per request as a warning by
    `cms.views.server_error`; its traceback (and the path) would only repeat that."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, OperationalError | InterfaceError)


# PostgreSQL names the offending row in its messages: "Key (participant_id, page_id)=(81, 7)".
ROW_VALUES = re.compile(r"(Key \([^)]*\))=\([^)]*\)")


class RedactRowValues(logging.Filter):
    """Keeps participants' row ids out of logs: a database error quotes the row it refused,
    and an id set beside the log's timestamp would date what the participant did."""

    def filter(self, record):
        message = record.getMessage()
        redacted = ROW_VALUES.sub(r"\1=(…)", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = ROW_VALUES.sub(r"\1=(…)", logging.Formatter().formatException(record.exc_info))
        return True
