"""URL rules: canonical form (tracking parameters removed) and slugs."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "piwik_", "matomo_", "hsa_", "_hs")
_TRACKING_NAMES = frozenset(
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "mkt_tok",
        "ocid", "cmpid", "cmp", "ito", "smid", "smtyp", "ns_mchannel", "ns_source",
        "ns_campaign", "ns_linkname", "ns_fee", "icid", "ref",
        "ref_src", "referrer", "s_cid", "sr_share", "at_medium",
        "at_campaign", "xtor", "_ga", "guccounter", "spm", "wt.mc_id",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"


def canonicalize(url: str, base: str | None = None) -> str:
    """The form two links to one article share: lower-case scheme and host, no default port,
    no fragment, no tracking parameters, remaining query parameters sorted."""
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower() or "http"
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    netloc = host
    if parts.port and _DEFAULT_PORTS.get(scheme) != parts.port:
        netloc = f"{host}:{parts.port}"
    path = quote(re.sub(r"/{2,}", "/", parts.path), safe=_PATH_SAFE) or "/"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(k)
    ]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


_NO_DECOMPOSITION = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ł": "l",
     "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ı": "i"}
)


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII, lower-case, hyphen-separated: 'Ça va, Zürich!' -> 'ca-va-zurich'."""
    text = text.translate(_NO_DECOMPOSITION)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "item"


def is_http_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError on a port that is not a number 0-65535
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and bool(parts.hostname)
