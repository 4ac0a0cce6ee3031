from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import staff_urls, views

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("healthz", views.healthz, name="healthz"),
    *staff_urls.urlpatterns,  # before Wagtail's own login and password reset
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/", include("allauth.urls")),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("", include("course.urls")),
    path("", include("safety.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "cms.views.bad_request"
handler403 = "cms.views.permission_denied"
handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
