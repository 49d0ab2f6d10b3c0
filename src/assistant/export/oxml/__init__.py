"""oxml element classes for the parts python-docx lacks, registered with its XML parser.

Importing this package registers them, so any document opened or created afterwards parses
`w:footnotes`/`w:footnote` into the classes here (as `docx.oxml` does for its own elements).
"""

from docx.oxml.parser import register_element_cls

from assistant.export.oxml.footnotes import CT_Footnote, CT_Footnotes

register_element_cls("w:footnotes", CT_Footnotes)
register_element_cls("w:footnote", CT_Footnote)

__all__ = ["CT_Footnote", "CT_Footnotes"]
