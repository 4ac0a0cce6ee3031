"""Limits per client, in the cache only: failed resume attempts, and codes issued.

A client is known by a keyed hash of its address. The key belongs to one fixed
window of time: it is random, lives in the cache beside the counts and expires
with them, so once a window has passed nothing can turn its entries back into
addresses, not even with every server secret. The address itself is never
stored or logged.
"""

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from cms.clients import client_address


@dataclass(frozen=True)
class Limit:
    name: str
    setting: str  # names a (count, window in seconds) setting

    @property
    def count(self):
        return getattr(settings, self.setting)[0]

    @property
    def window(self):
        return getattr(settings, self.setting)[1]

    def _window(self):
        now = time.time()
        return int(now // self.window), self.window - int(now % self.window)

    def _secret(self, number):
        """This window's random key, shared by every app process through the cache."""
        name = f"samspel:limit-key:{self.name}:{number}"
        secret = cache.get(name)
        if secret is None:
            cache.add(name, secrets.token_bytes(32), timeout=self.window + 60)
            secret = cache.get(name) or secrets.token_bytes(32)  # a cache that forgets: no limit, no harm
        return secret

    def _key(self, request):
        number, _left = self._window()
        digest = hmac.new(self._secret(number), client_address(request).encode(), hashlib.sha256).hexdigest()
        return f"samspel:limit:{self.name}:{number}:{digest[:40]}"

    def retry_after(self):
        """Seconds until this window ends and the client may try again."""
        return self._window()[1]

    def is_blocked(self, request):
        return (cache.get(self._key(request)) or 0) >= self.count

    def record(self, request):
        key = self._key(request)
        cache.add(key, 0, timeout=self.window + 60)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window + 60)


RESUME_FAILURES = Limit("resume-failures", "RESUME_RATE_LIMIT")
CODES_ISSUED = Limit("codes-issued", "START_RATE_LIMIT")
