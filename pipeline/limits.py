"""The limits that keep any input within about a minute and 1.5 GB, or refuse it in one line.

A document of this kind has a few hundred paragraphs and cells of a few hundred characters; the
limits leave room for a hundredfold more and refuse what no such document has (`DocumentError`,
exit 1, naming the line), rather than let one input use all the machine's memory or a
spreadsheet cut a value short.
"""

from __future__ import annotations

MAX_PARAGRAPHS = 100_000  # paragraphs in one input (the real document has 95; 10,000 credentials ~60,000)
MAX_PARAGRAPH_CHARS = 32_767  # characters in one paragraph: a spreadsheet cell holds no more
MAX_TOPICS = 1_000  # topics one cell lists (the real document's longest list has 13)
