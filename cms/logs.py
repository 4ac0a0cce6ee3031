"""Logging filters for production."""

import logging

from django.db import InterfaceError, OperationalError


class SkipDatabaseOutage(logging.Filter):
    """A database that does not answer is logged once per request as a warning by
    `cms.views.server_error`; its traceback (and the path) would only repeat that."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, OperationalError | InterfaceError)
