"""Library tests (a package so helpers like zotero_db can be imported)."""
