"""`bayegan lab ...`: share notes, collections and saved searches with a research group's PostgreSQL server."""

from __future__ import annotations

import argparse
import sys

from viewer.app import lab
from viewer.app.library import Library
from viewer.commands.output import Subcommands, print_json
from viewer.core.paths import DataPaths

LAB_HELP = """\
A lab is a PostgreSQL server the group shares. Everything keeps working offline: changes wait here
and go at the next sync; a sync cut off half-way is finished by the next one.

  bayegan lab join postgresql://USER:PASSWORD@HOST:PORT/DB --name NAME [--json]
        the first join of an empty database creates the lab's tables (that role needs CREATE);
        the password goes to lab.pgpass (mode 0600) in the config folder, never to settings.json;
        leave it out of the URL to use your own ~/.pgpass or a service file. For TLS add
        ?sslmode=verify-full&sslrootcert=/path/to/lab-ca.crt to the URL.
  bayegan lab sync [--json]        prints {"sent", "received", "conflicts", "sending_refused", "waiting"}
  bayegan lab status [--json]      membership, changes waiting, the server's counts when it answers
  bayegan lab leave                forgets the lab (address, password, marks); your notes stay

A member whose role may only read receives everything; sending is refused and said so, and that
member's own notes stay here. Both texts of a note edited on two desktops are kept on both sides.
Deleted notes, collections (and articles taken out of them) and saved searches are deleted on the other
desktops too; an article added elsewhere to a collection being deleted keeps the collection."""


def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser("lab", help="share notes, collections and saved searches with a lab's server",
                                   description=LAB_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="lab_command", metavar="LAB_COMMAND", required=True)

    p = commands.add_parser("join", help="join a lab's PostgreSQL server", description="Join the lab at URL "
                            "(postgresql://USER:PASSWORD@HOST:PORT/DB) as NAME, then sync.")
    p.add_argument("url", metavar="URL")
    p.add_argument("--name", required=True, metavar="NAME", help="your name in the lab (the author of your notes)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_join)

    p = commands.add_parser("sync", help="send and receive changes", description="Send this desktop's changes "
                            "and receive the lab's.")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_sync)

    p = commands.add_parser("status", help="membership and waiting changes", description="Show the lab membership.")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_status)

    p = commands.add_parser("leave", help="forget the lab (notes stay)", description="Forget the lab; notes stay.")
    p.set_defaults(handler=run_leave)


def _refusal_notice(refused: object) -> None:
    if refused:
        sys.stderr.write("bayegan: the lab's server refused what you sent (your role may only read); "
                         "you received everything, and your own changes stay on this desktop.\n"
                         "بایگان: کارساز آزمایشگاه فرستاده‌های شما را نپذیرفت (نقش شما فقط خواندنی است)؛ "
                         "همه‌چیز را دریافت کردید و تغییرهای خودتان روی همین رایانه می‌مانند.\n")


def run_join(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        result = lab.join(library, args.url, args.name)
    if args.json:
        print_json(result)
    else:
        print(f"joined {result['url']} as {result['name']}: sent {result['sent']}, received {result['received']}")
    _refusal_notice(result.get("sending_refused"))
    return 0


def run_sync(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        report = lab.sync(library)
    if args.json:
        print_json(report.as_json())
    else:
        print(f"sent {report.sent}, received {report.received}, conflicts {report.conflicts}")
    _refusal_notice(report.refused)
    return 0


def run_status(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        result = lab.status(library)
    if args.json:
        print_json(result)
    elif not result["joined"]:
        print("not in a lab")
    else:
        online = "online" if result.get("online") else f"offline ({result.get('error')})"
        print(f"{result['name']} in {result['url']}: {online}, {result['waiting']} changes waiting")
    return 0


def run_leave(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        was_member = lab.leave(library)
    print("left the lab; your notes stay here" if was_member else "not in a lab")
    return 0
