"""Django's Redis cache, degrading to a local in-process cache while Redis is away.

Samspel's cache holds nothing that cannot be rebuilt (rendered pages, the content
generation, resume-attempt counters), so a Redis outage must never become a 500.
While Redis does not answer, each process uses its own memory cache, with entries
kept briefly so a publish elsewhere shows within `LOCAL_TIMEOUT` seconds; Redis is
tried again every `RETRY_AFTER` seconds. The outage and the recovery are logged
once each. On recovery Redis is cleared, since a publish during the outage could
not replace the shared content generation.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger("samspel.cache")

RETRY_AFTER = 5.0
LOCAL_TIMEOUT = 30


def _short(timeout):
    if timeout is DEFAULT_TIMEOUT or timeout is None:
        return LOCAL_TIMEOUT
    return min(timeout, LOCAL_TIMEOUT)


class PooledClients(RedisCacheClient):
    """One `redis.Redis` per connection pool, made once: Django makes a new one for every
    cache call, and setting one up costs more than the round trip to Redis."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {
            **params,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, **params.get("OPTIONS", {})},
        }
        super().__init__(server, params)
        self._class = PooledClients
        self.local = LocMemCache("samspel-redis-fallback", {"OPTIONS": {"MAX_ENTRIES": 2000}})
        self.retry_at = None  # set while Redis is away

    def _redis(self, method, *args, fallback, **kwargs):
        if self.retry_at is not None and (time.monotonic() < self.retry_at or not self._recovered()):
            return fallback()
        try:
            return getattr(super(), method)(*args, **kwargs)
        except (RedisError, OSError) as error:
            logger.warning("Redis is not answering (%s); using a local cache until it is back.", type(error).__name__)
            self.retry_at = time.monotonic() + RETRY_AFTER
            return fallback()

    def _recovered(self):
        try:
            super().clear()
        except (RedisError, OSError):
            self.retry_at = time.monotonic() + RETRY_AFTER
            return False
        logger.warning("Redis answers again; cleared it, as content may have changed meanwhile.")
        self.retry_at = None
        self.local.clear()
        return True

    def get(self, key, default=None, version=None):
        return self._redis("get", key, default, version, fallback=lambda: self.local.get(key, default, version))

    def get_many(self, keys, version=None):
        return self._redis("get_many", keys, version, fallback=lambda: self.local.get_many(keys, version))

    def has_key(self, key, version=None):
        return self._redis("has_key", key, version, fallback=lambda: self.local.has_key(key, version))

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        fallback = lambda: self.local.set(key, value, _short(timeout), version)  # noqa: E731
        return self._redis("set", key, value, timeout, version, fallback=fallback)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        fallback = lambda: self.local.add(key, value, _short(timeout), version)  # noqa: E731
        return self._redis("add", key, value, timeout, version, fallback=fallback)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        fallback = lambda: self.local.set_many(data, _short(timeout), version)  # noqa: E731
        return self._redis("set_many", data, timeout, version, fallback=fallback)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        fallback = lambda: self.local.touch(key, _short(timeout), version)  # noqa: E731
        return self._redis("touch", key, timeout, version, fallback=fallback)

    def incr(self, key, delta=1, version=None):
        return self._redis("incr", key, delta, version, fallback=lambda: self.local.incr(key, delta, version))

    def delete(self, key, version=None):
        return self._redis("delete", key, version, fallback=lambda: self.local.delete(key, version))

    def delete_many(self, keys, version=None):
        return self._redis("delete_many", keys, version, fallback=lambda: self.local.delete_many(keys, version))

    def clear(self):
        self.local.clear()
        return self._redis("clear", fallback=lambda: None)
