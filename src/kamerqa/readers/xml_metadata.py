"""KOOP metadata: ``metadata.xml`` files and ``<meta name=… content=…>`` elements.

A KOOP ``metadata.xml`` (``https://zoek.officielebekendmakingen.nl/{id}/metadata.xml``) is a
flat list ``<metadata name="DC.identifier" content="kst-36600-X-15"/>`` under a root such as
``metadata_gegevens``. Publication XML carries the same keys as ``<meta name content>`` in its
``<metadata>`` element. The SRU record form (``owmskern``/``owmsmantel``/``tpmeta`` with
namespaced elements) is accepted as well and mapped onto the same key names.
"""

from __future__ import annotations

from lxml import etree

from kamerqa.errors import KamerqaInputError
from kamerqa.readers.xml_common import check_size, clean, local_name, safe_xml_root

__all__ = ["metadata_from_elements", "read_metadata_xml"]

# Element names in SRU/OWMS records -> the key the metadata.xml form uses.
_OWMS_KEYS = {
    "identifier": "DC.identifier",
    "title": "DC.title",
    "type": "DC.type",
    "creator": "DC.creator",
    "subject": "DC.subject",
    "issued": "DCTERMS.issued",
    "available": "DCTERMS.available",
    "modified": "DCTERMS.modified",
    "language": "DC.language",
}
_OWMS_BLOCKS = {"owmskern", "owmsmantel", "tpmeta"}


def _add(found: dict[str, str], key: str, value: str) -> None:
    value = clean(value)
    if not key or not value:
        return
    if key in found and value not in found[key].split("; "):
        found[key] = f"{found[key]}; {value}"
    else:
        found.setdefault(key, value)


def metadata_from_elements(root: etree._Element) -> dict[str, str]:
    """Every ``name``/``content`` pair and OWMS field under ``root`` (repeated keys joined)."""
    found: dict[str, str] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = element.get("name")
        content = element.get("content")
        if name and content is not None:
            _add(found, clean(name), content)
            continue
        parent = element.getparent()
        if parent is not None and local_name(parent) in _OWMS_BLOCKS and len(element) == 0:
            tag = local_name(element)
            key = _OWMS_KEYS.get(tag, tag if "." in tag else f"OVERHEIDop.{tag}")
            _add(found, key, element.text or "")
    return found


def read_metadata_xml(data: bytes) -> dict[str, str]:
    """Keys of a KOOP ``metadata.xml`` (e.g. ``DC.identifier``, ``OVERHEIDop.dossiernummer``)."""
    check_size(data, "metadata XML")
    root = safe_xml_root(data)
    found = metadata_from_elements(root)
    if not found:
        raise KamerqaInputError("no KOOP metadata found in the metadata XML")
    return found
