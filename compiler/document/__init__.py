"""What the reader sees: the layout of a checked plan, its words and formats, and its Markdown.

``layout`` computes the parts (``parts``) from the model, ``render`` places them with Jinja2 into
pandoc Markdown; plan text reaches that Markdown only through ``markdown`` (escaping and the
drafters' small Markdown subset), and dates, numbers and money through ``formats`` (Babel).
"""
