"""The Redis cache degrades to a local cache while Redis is away, and says so once."""

import logging

import pytest

from bench.stack import free_port
from cms import cache as resilient


def redis_cache(url):
    return resilient.ResilientRedisCache(url, {})


def test_without_redis_every_operation_answers_from_the_local_cache(caplog):
    cache = redis_cache(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    with caplog.at_level(logging.WARNING, logger="samspel.cache"):
        assert cache.get("missing", "default") == "default"
        cache.set("page", b"<html>")
        assert cache.get("page") == b"<html>"
        assert cache.get_many(["page", "other"]) == {"page": b"<html>"}
        assert cache.add("count", 0)
        assert cache.incr("count") == 1
        with pytest.raises(ValueError):
            cache.incr("never-set")
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1  # once per outage, not once per call
    assert "local cache" in warnings[0]


def test_local_entries_are_kept_briefly():
    cache = redis_cache(f"redis://127.0.0.1:{free_port()}/0")
    cache.set("generation", "abc", None)  # "forever" in Redis
    key = cache.local.make_and_validate_key("generation")
    assert cache.local._expire_info[key] is not None  # bounded by LOCAL_TIMEOUT instead


def test_an_outage_and_the_recovery(redis_server, monkeypatch, caplog):
    monkeypatch.setattr(resilient, "RETRY_AFTER", 0)
    cache = redis_cache(redis_server.url)
    cache.set("before", 1)
    assert cache.get("before") == 1
    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="samspel.cache"):
        assert cache.get("before") is None
        cache.set("during", 2)
        assert cache.get("during") == 2  # locally
        redis_server.start()
        assert cache.get("during") is None  # back on Redis, which was cleared
        cache.set("after", 3)
    assert redis_cache(redis_server.url).get("after") == 3  # really in Redis
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "not answering" in messages and "answers again" in messages
