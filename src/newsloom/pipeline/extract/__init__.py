"""Article extraction: raw HTML bytes in, clean structured article text and metadata out.

Public API::

    from newsloom.pipeline.extract import extract, SiteProfile

    extracted = extract(html_bytes, url)                 # -> newsloom.domain.models.Extracted
    extracted = extract(html_bytes, url, profile=prof)   # also drop the site's learned boilerplate

``extract`` raises ``newsloom.errors.ExtractionError`` (plain-words message) for input that is not
an HTML page (binary data, oversized input) or cannot be handled. An empty page or a page without
an article returns an ``Extracted`` with no blocks and a score near 0.

Site profiles (learned boilerplate), for the ingest service:

1. After extracting a page, store ``extracted.fingerprints`` (a tuple of 16-hex-digit strings,
   at most 400) with the page. They are computed before any profile is applied, so they are the
   same whether or not a profile was passed.
2. Per outlet, from its recent pages (say the last 20-50), build the profile and store its JSON::

       profile = SiteProfile.learn([page.fingerprints for page in recent_pages])
       outlet.profile_json = profile.to_json()

   ``learn`` also accepts ``Extracted`` objects directly. With fewer than two pages it learns
   nothing.
3. When extracting a new page from that outlet, pass
   ``profile=SiteProfile.from_json(outlet.profile_json)``. Blocks whose exact normalised text
   was seen on at least 30% of the outlet's pages (and at least two) are removed before the
   article container is chosen. ``from_json`` raises ExtractionError on unreadable JSON.
"""

from __future__ import annotations

from newsloom.pipeline.extract.boilerplate import SiteProfile, fingerprint, page_fingerprints
from newsloom.pipeline.extract.core import extract

__all__ = ["SiteProfile", "extract", "fingerprint", "page_fingerprints"]
