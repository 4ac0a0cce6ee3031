"""Every response carries the privacy and security headers, at full strength."""

import pytest

pytestmark = pytest.mark.django_db


def parse_csp(header):
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def assert_no_foreign_origin(directives):
    for name, sources in directives.items():
        for source in sources:
            assert "://" not in source and source not in ("*", "https:", "http:"), f"{name} allows {source}"


@pytest.mark.parametrize("path", ["/sv/", "/da/", "/en/", "/sv/no-such-page/", "/healthz"])
def test_public_responses_have_strict_headers(client, course, path):
    response = client.get(path)
    csp = parse_csp(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert_no_foreign_origin(csp)
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"].replace(" ", "")
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions.split(",")
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_admin_policy_allows_no_foreign_origin(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    csp = parse_csp(response["Content-Security-Policy"])
    assert_no_foreign_origin(csp)
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_load_nothing_from_another_origin(client, course):
    html = client.get("/sv/").content.decode()
    for marker in ('src="http', "src='http", 'href="//', "@import", "fonts.", "<iframe"):
        assert marker not in html
