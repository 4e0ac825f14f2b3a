"""The use cases, Qt-free: a `Library` on the data paths that both faces (window and command line)
call instead of wiring the engine themselves. See docs/app-layer.md."""
