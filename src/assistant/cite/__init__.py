"""Chicago notes-bibliography engine (CMOS 18): CSL-JSON items + notes -> rich-text runs."""
