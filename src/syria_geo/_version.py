"""Version of the syria_geo package and of the shipped data."""

__version__ = "0.2.0"
