"""Find the plan's files and read each strictly, remembering where every key and value was written.

The only package that imports PyYAML (in ``loader``).
"""

from compiler.sources.discover import discover
from compiler.sources.read import load
from compiler.sources.source_file import Loaded, PathKey, SourceFile

__all__ = ["Loaded", "PathKey", "SourceFile", "discover", "load"]
