"""TNLĐ: the commune register of occupational accidents of workers without a labour contract."""

__version__ = "0.1.0"
APP_NAME = "tnld"
