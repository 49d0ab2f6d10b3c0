"""The Whoosh index and searcher: the only package that imports whoosh."""
