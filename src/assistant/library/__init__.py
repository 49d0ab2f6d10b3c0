"""Sources, CSL-JSON metadata, document importers and passages (Qt-free, Whoosh-free)."""
