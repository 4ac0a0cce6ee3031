"""Settings shared by every environment. No secret lives here."""

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "cms",
    "modules",
    "childmodule",
    "course",
    "safety",
    "siteinfo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.SecurityHeadersMiddleware",  # static files too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "modules.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.middleware.RefuseUnreadableBodyMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.staff_names.TranslateStaffNamesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cms.middleware.RequireStaffMFAMiddleware",
    "course.middleware.ParticipantMiddleware",
    "modules.page_cache.PageRouteCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cms.context_processors.site_chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite, the embedded default, with several threads writing at once (the development
# server, or a parent's two tabs): a writer waits for the lock instead of failing with
# "database is locked", takes it when its transaction begins rather than halfway through
# (where waiting could deadlock), and readers do not block writers.
SQLITE_OPTIONS = {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
        "OPTIONS": SQLITE_OPTIONS,
    }
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "samspel",
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# --- Languages -------------------------------------------------------------

LANGUAGE_CODE = "sv"
LANGUAGES = [
    ("sv", "Svenska"),
    ("da", "Dansk"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# --- Static and media --------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "cms" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Wagtail -------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Samspel"
# Approval through "Professional review" is what publishes: reviewers have no publish permission.
WAGTAIL_FINISH_WORKFLOW_ACTION = "modules.publishing.publish_approved"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_FINDERS = []  # nothing is ever embedded from another origin
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin must not call home
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars fetched from another origin
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# --- Staff sign-in (django-allauth) ---------------------------------------------

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/admin/"
ACCOUNT_ADAPTER = "cms.accounts.StaffOnlyAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # a reset for an unknown address sends nothing (and invites no sign-up)
# Password resets are the only mail. Development prints it; production sends it through
# EMAIL_HOST, or logs a warning where none is configured (cms.mail).
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "samspel@localhost"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Samspel"
# Production turns this on: staff must have TOTP before the admin opens.
SAMSPEL_REQUIRE_STAFF_MFA = False

# --- Security and privacy -----------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
# "same-origin": no Referer ever goes to another origin. Plain "no-referrer" would
# also make browsers send "Origin: null" on our own form POSTs, which Django's
# CSRF origin check (rightly) refuses.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "cms.views.csrf_failure"
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)

_SELF = "'self'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF],
        "font-src": [_SELF],
        "media-src": [_SELF],
        "connect-src": [_SELF],
        "form-action": [_SELF],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
    }
}
# The Wagtail admin still needs inline script and style (Wagtail issue #1288),
# and draws thumbnails from data: and blob: URLs. Nothing from another origin.
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [_SELF, "'unsafe-inline'"],
    "style-src": [_SELF, "'unsafe-inline'"],
    "img-src": [_SELF, "data:", "blob:"],
    "media-src": [_SELF, "blob:"],
    "frame-src": [_SELF],
    "frame-ancestors": [_SELF],
    "worker-src": [_SELF, "blob:"],
}
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
# Staff sign-in (allauth, /accounts/) works under the public policy; only the TOTP set-up
# draws its QR code from a data: URL.
ACCOUNTS_CONTENT_SECURITY_POLICY = {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": [_SELF, "data:"]}

# --- The product's own settings ----------------------------------------------------

# Where "Leave quickly" sends a participant, per language: a neutral site (a weather forecast)
# of the reader's own country, so that leaving looks like nothing in particular.
QUICK_EXIT_URLS = {"sv": "https://www.smhi.se/", "da": "https://www.dmi.dk/", "en": "https://www.bbc.com/weather"}
SAMSPEL_COUNTRY = "SE"  # whose help lines English pages show: "SE" or "DK"

# The participant's journey (course app)
SAMSPEL_PROGRESS_PROVIDER = "course.progress.ParticipantProgress"
PARTICIPANT_RETENTION_DAYS = 365
RESUME_RATE_LIMIT = (10, 15 * 60)  # failed resume attempts per client, per window in seconds
START_RATE_LIMIT = (20, 60 * 60)  # resume codes issued per client, per window in seconds
# Reverse proxies in front of the app whose X-Forwarded-For we trust (cms.clients), and the
# addresses requests from them come from: from anyone else the header is ignored.
SAMSPEL_TRUSTED_PROXIES = 0
SAMSPEL_TRUSTED_PROXY_ADDRESSES = ("127.0.0.1", "::1")
ALLAUTH_TRUSTED_PROXY_COUNT = SAMSPEL_TRUSTED_PROXIES  # allauth asks cms.clients (cms.accounts) all the same
