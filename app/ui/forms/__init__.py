"""Classes compiled by `pyside6-uic` from the Qt Designer files in `/forms` (`./dev.sh forms`); never edit by hand:
`tests/gui/test_compiled_forms.py` fails when one differs from what `pyside6-uic` makes of its `.ui`."""
