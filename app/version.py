"""The desk's version, in one place: what it says it is, frozen or not.

pyproject.toml reads it from here (`[tool.setuptools.dynamic]`), the frozen build's
version resources and Info.plist take it from here, and the updates compare with it.
Standard library only, no imports: packaging scripts read it by path.
"""

VERSION = "0.1.0"
