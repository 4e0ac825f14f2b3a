"""The main window: it composes the parts (search and results, article, notes, research, archive), lays them
out, wires them, and remembers their state between sessions."""
