"""Input widgets the forms share (issue 12): `CodePicker` (a code chosen by typing any part of its label without
diacritics), `DateEdit` (dd/mm/yyyy, d/m/yy) and `TimeEdit` (HH:MM). None of them uses an input mask or inline
completion: both fight the Vietnamese input methods (Unikey, EVKey) that delete and retype characters."""
