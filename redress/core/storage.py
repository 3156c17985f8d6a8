"""Static files for production: hashed, compressed, ES-module imports rewritten to hashes."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    # init.js imports govuk-frontend.min.js; without this it would import the unhashed file,
    # which cannot be cached long-term.
    support_js_module_import_aggregation = True
