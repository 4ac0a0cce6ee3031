from django.conf import settings


def site_chrome(request):
    """What every public page's frame needs."""
    return {"QUICK_EXIT_URL": settings.QUICK_EXIT_URL}
