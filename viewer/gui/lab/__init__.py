"""The lab in the window: join/leave, a sync indicator, syncs on start, on a timer and after changes."""
