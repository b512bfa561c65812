"""Exception hierarchy of syria_geo.

Every error raised on purpose by the toolkit derives from :class:`SyriaGeoError`, and each
subclass also inherits the built-in exception a caller would naturally catch, so
``except LookupError`` keeps working for code that does not know this package.
"""

from __future__ import annotations


class SyriaGeoError(Exception):
    """Root of all errors raised by syria_geo."""


class InvalidParameterError(SyriaGeoError, ValueError):
    """A function argument has a value outside the documented choices."""


class PlaceNotFoundError(SyriaGeoError, LookupError):
    """A gazetteer id or place name is not in the gazetteer."""


class DataFileError(SyriaGeoError, OSError):
    """A shipped or user-supplied data file is missing, unreadable or malformed."""


class OutputFolderNotFoundError(DataFileError, FileNotFoundError):
    """The folder an output file should be written to does not exist."""


class InputFormatError(SyriaGeoError, ValueError):
    """A user-supplied table or document does not have the expected structure."""


class ReportParseError(SyriaGeoError, ValueError):
    """A document could not be read as an SNHR report."""


def check_choice(name: str, value: object, valid: tuple[str, ...] | list[str]) -> str:
    """Validate that ``value`` is one of ``valid`` and return it.

    Parameters
    ----------
    name
        Name of the parameter, used in the error message.
    value
        Value given by the caller.
    valid
        Allowed values.

    Returns
    -------
    str
        ``value`` unchanged.

    Raises
    ------
    InvalidParameterError
        If ``value`` is not one of ``valid``; the message names the bad value and lists the
        valid ones.
    """
    if not isinstance(value, str) or value not in valid:
        choices = ", ".join(repr(v) for v in valid)
        raise InvalidParameterError(f"invalid {name} {value!r}; expected one of: {choices}")
    return value


class MissingDependencyError(SyriaGeoError, ImportError):
    """An optional dependency needed for the requested feature is not installed.

    The message says which extra to install (e.g. ``pip install 'syria-geo[dask]'``).
    """


class SyriaGeoWarning(UserWarning):
    """Input was repaired or read with a caveat (for example duplicate ids, points at 0,0).

    The command line prints each one as a single ``syria-geo: warning: ...`` line.
    """
