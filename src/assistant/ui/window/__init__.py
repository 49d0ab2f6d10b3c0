"""The main window, its menus, the essay session (open/save/autosave/recovery) and exports."""
