"""Dialogs of the main window: export options, and the messages and questions it asks."""
