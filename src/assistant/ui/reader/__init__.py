"""Reader widgets beyond the text view: the page image of a scanned source."""
