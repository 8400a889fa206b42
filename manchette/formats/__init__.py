"""Date and number formats per edition (``FORMAT_MODULE_PATH``), over Django's own.

Month names come from the gettext catalogues: the Arabic one gives the names
used in Morocco (``manchette/core/months.py``). Digits stay Western (0-9) in
every edition: Django never converts them.
"""
