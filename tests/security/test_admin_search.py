"""Searching images and documents in the admin answers 200 and finds the matching item.

Regression test for "'Coalesce' object has no attribute 'target'": Wagtail 8.0.1 answered 500 when
a search (`q`) was combined with the usage count filter of the image or document listing (see
`cms/wagtail_hooks.py`). Runs on whichever database the suite uses (SQLite, or PostgreSQL with
DATABASE_URL), with and without `manage.py update_index`.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import ReferenceIndex

from tests.modules.factories import build_course

pytestmark = pytest.mark.django_db
PASSWORD = "a long staff passphrase"

IMAGE_SEARCHES = [
    "/admin/images/",
    "/admin/images/results/",
    "/admin/images/chooser/",
    "/admin/images/chooser/results/",
]
DOCUMENT_SEARCHES = [
    "/admin/documents/",
    "/admin/documents/results/",
    "/admin/documents/chooser/",
    "/admin/documents/chooser/results/",
]
# The listings (not the choosers) have the usage count filter.
LISTINGS = ["/admin/images/", "/admin/images/results/", "/admin/documents/", "/admin/documents/results/"]


@pytest.fixture(params=[False, True], ids=["signals-only", "after-update-index"])
def library(request, db, settings, tmp_path):
    """Per kind: "Sunset beach …" used by a page, "Sunset harbour …" unused, "Winter forest …" unused.

    Only the used ones carry the tag "seaside"."""
    settings.MEDIA_ROOT = tmp_path
    Image, Document = get_image_model(), get_document_model()
    used_image = Image.objects.create(title="Sunset beach", file=get_test_image_file())
    Image.objects.create(title="Sunset harbour", file=get_test_image_file())
    Image.objects.create(title="Winter forest", file=get_test_image_file())
    used_document = Document.objects.create(
        title="Sunset beach film", file=ContentFile(b"not really a film", name="sunset-beach.mp4")
    )
    Document.objects.create(title="Sunset harbour leaflet", file=ContentFile(b"leaflet", name="harbour.txt"))
    Document.objects.create(title="Winter forest leaflet", file=ContentFile(b"leaflet", name="forest.txt"))
    for item in (used_image, used_document):
        item.tags.add("seaside")
        item.save()  # as the admin's edit view does: the tags are indexed with the item

    course = build_course(languages=("sv",), themes=1, modules_per_theme=1, lessons_per_module=1)
    module = course["sv"]["modules"][0]
    module.image = used_image
    module.save()
    lesson = course["sv"]["lessons"][0]
    lesson.body.append(("media", {"media": used_document, "title": "Sunset", "captions": None, "transcript": ""}))
    lesson.save()
    assert ReferenceIndex.get_references_to(used_image).exists()
    assert ReferenceIndex.get_references_to(used_document).exists()

    if request.param:
        call_command("update_index", verbosity=0)
    return {"image": used_image, "document": used_document}


@pytest.fixture
def staff_client(client, db):
    get_user_model().objects.create_superuser("reviewer1", password=PASSWORD)
    response = client.post("/accounts/login/", {"login": "reviewer1", "password": PASSWORD})
    assert response.status_code == 302
    return client


def search(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, f"{url} {params}: {response.status_code}"
    return response.content.decode()


@pytest.mark.parametrize("url", IMAGE_SEARCHES + DOCUMENT_SEARCHES)
def test_search_finds_the_matching_item(staff_client, library, url):
    # one word, another case, two words, a word inside the title, a tag
    for query in ["sunset", "Sunset", "sunset beach", "beach", "seaside"]:
        html = search(staff_client, url, q=query)
        assert "Sunset beach" in html, query
        assert "Winter forest" not in html, query
    html = search(staff_client, url, q="foo")
    assert "Sunset" not in html
    assert "Winter forest" not in html


@pytest.mark.parametrize("url", LISTINGS)
def test_search_with_usage_count_filter(staff_client, library, url):
    """The case that was a 500: a search combined with the usage count filter."""
    used = search(staff_client, url, q="sunset", usage_count_min=1)
    assert "Sunset beach" in used
    assert "Sunset harbour" not in used

    unused = search(staff_client, url, q="sunset", usage_count_max=0)
    assert "Sunset beach" not in unused
    assert "Sunset harbour" in unused
    assert "Winter forest" not in unused

    both = search(staff_client, url, q="sunset", usage_count_min=0, usage_count_max=5)
    assert "Sunset beach" in both
    assert "Sunset harbour" in both

    assert "Sunset" not in search(staff_client, url, q="sunset", usage_count_min=7)


@pytest.mark.parametrize("url", LISTINGS)
def test_usage_count_filter_without_search_still_works(staff_client, library, url):
    used = search(staff_client, url, usage_count_min=1)
    assert "Sunset beach" in used
    assert "Sunset harbour" not in used
    assert "Winter forest" not in used


@pytest.mark.parametrize("url", ["/admin/pages/search/", "/admin/snippets/modules/story/"])
def test_page_and_snippet_search(staff_client, library, url):
    """They have no usage count filter, so never had the bug; kept as a guard."""
    search(staff_client, url, q="sunset")
    search(staff_client, url, q="Modul")
