"""`bayegan` subcommands, one module per group. Each `register(subparsers)` adds its parsers and
sets `handler(args, paths) -> int`; heavy imports stay inside handlers so `--version` is instant."""
