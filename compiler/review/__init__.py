"""The review cycle: what changed between two versions of a plan, and what reviewers said about it.

``snapshot`` is the plan as data (what ``publish`` stores), ``changes`` compares two of them object
by object, guided by the schema (``shape``); ``versions`` finds a version (a folder, a published
version, a git revision); ``comments`` reads reviewers' comments back from DOCX and ODT files and
``register`` lists them. Nothing here writes files: the pipeline does.
"""

#: How ``planc diff`` says what changed, and how ``planc comments`` writes its register.
CHANGE_FORMATS = ("text", "markdown", "json")
REGISTER_FORMATS = ("csv", "markdown", "json")
