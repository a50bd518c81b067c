"""Every XML parse goes through defusedxml: entity declarations, external references and oversized
documents are refused before anything is expanded or built."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as safe_et

from .errors import DamagedError, TooLargeError, UnsafeError

MAX_ELEMENTS = 5_000_000  # about 150 MB of track points: far beyond any one activity, bounds the parse time
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


def iter_elements(data: bytes, name: str) -> Iterator[tuple[str, Element]]:
    """``("start" | "end", element)`` events over the document, as defusedxml parses it.

    Raises UnsafeError for a DTD entity or external reference, DamagedError for malformed XML and
    TooLargeError past ``MAX_ELEMENTS`` elements.
    """
    count = 0
    try:
        for event, elem in safe_et.iterparse(io.BytesIO(data), events=("start", "end")):
            if event == "start":
                count += 1
                if count > MAX_ELEMENTS:
                    raise TooLargeError(name, f"has more than {MAX_ELEMENTS:,} XML elements")
            yield event, elem
    except defusedxml.DefusedXmlException as exc:
        raise UnsafeError(
            name, f"declares XML entities or external references ({type(exc).__name__}); refused for safety"
        ) from None
    except ParseError as exc:
        raise DamagedError(name, f"is not valid XML or is cut off ({exc})") from None


def vet(data: bytes, name: str) -> str:
    """Parse the whole document with defusedxml (keeping nothing) and return the root element's local name."""
    root: Element | None = None
    seen = 0
    for event, elem in iter_elements(data, name):
        if root is None:
            root = elem
        if event == "end":
            elem.clear()
            seen += 1
            if seen % 50_000 == 0:
                root.clear()  # the elements already checked; the open ones stay on the parser's stack
    if root is None:
        raise DamagedError(name, "is empty")
    return local_name(root.tag)


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def decode_text(data: bytes, name: str) -> str:
    """The document as text: by its byte-order mark, else its declared encoding, else UTF-8."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            encoding = codec
            break
    else:
        m = _ENCODING_RE.match(data[:256])
        encoding = m.group(1).decode("ascii") if m else "utf-8"
    try:
        return data.decode(encoding)
    except LookupError:
        raise DamagedError(name, f"declares an unknown text encoding {encoding!r}") from None
    except UnicodeDecodeError:
        raise DamagedError(name, f"is not valid {encoding} text") from None
