"""Package parts python-docx lacks (footnotes); importing a module registers its part class."""
