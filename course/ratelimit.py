"""Resume attempts are limited per client, in the cache only.

The client is known by a keyed hash of its address that lives in the cache
for the length of the window; the address itself is never stored or logged.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The client's address, trusting as many X-Forwarded-For hops as there are proxies we run."""
    proxies = settings.SAMSPEL_TRUSTED_PROXIES
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(request):
    digest = hmac.new(settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256).hexdigest()
    return f"samspel:resume-failures:{digest[:40]}"


def is_blocked(request):
    limit, _window = settings.RESUME_RATE_LIMIT
    return (cache.get(_key(request)) or 0) >= limit


def record_failure(request):
    _limit, window = settings.RESUME_RATE_LIMIT
    key = _key(request)
    cache.add(key, 0, timeout=window)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
