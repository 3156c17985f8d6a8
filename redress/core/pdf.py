"""Tagged PDFs (PDF/UA-1) from HTML with WeasyPrint, for letters and the annual report."""

from pathlib import Path


def tagged_pdf(html: str, *, base_url: Path | None = None) -> bytes:
    """A PDF/UA-1 of `html`. Nothing is fetched: only data: URLs are allowed; `base_url` is
    where relative paths (fonts named in the CSS) are looked up."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    document = HTML(string=html, base_url=str(base_url) if base_url else None, url_fetcher=fetcher)
    return document.write_pdf(pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]
