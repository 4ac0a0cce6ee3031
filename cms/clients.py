"""Who is asking: the client's address, for rate limits only (never stored or logged).

Behind a reverse proxy every request comes from the proxy's address, so the
client's is the one the proxy appended to X-Forwarded-For. That header is
believed only as far as settings say: `SAMSPEL_TRUSTED_PROXIES` hops, and only
when the request really came from one of `SAMSPEL_TRUSTED_PROXY_ADDRESSES`
(the proxy's own address). Anyone reaching the app directly can write any
X-Forwarded-For they like; from them, it is ignored.
"""

import ipaddress

from django.conf import settings


def _from_trusted_proxy(remote):
    allowed = settings.SAMSPEL_TRUSTED_PROXY_ADDRESSES
    if "*" in allowed:
        return True
    try:
        address = ipaddress.ip_address(remote)
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(network, strict=False) for network in allowed)


def client_address(request):
    """The client's address, trusting as many X-Forwarded-For hops as there are proxies we run."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.SAMSPEL_TRUSTED_PROXIES
    if proxies and _from_trusted_proxy(remote):
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return remote
