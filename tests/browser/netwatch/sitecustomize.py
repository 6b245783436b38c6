"""Loaded by the server process in the no-outbound test: records every network attempt.

An audit hook sees each socket connect and DNS lookup of the process; anything that is not
loopback is appended to the file named by KLICK_NETWATCH_LOG.
"""

import ipaddress
import os
import sys

LOG = os.environ.get("KLICK_NETWATCH_LOG")
LOCAL_NAMES = {"localhost", "127.0.0.1", "::1", "", None}


def _is_local(host: object) -> bool:
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(str(host)).is_loopback
    except ValueError:
        return False


def _watch(event: str, args: tuple) -> None:  # type: ignore[type-arg]
    if event == "socket.connect":
        address = args[1]
        host = address[0] if isinstance(address, tuple) else None  # AF_UNIX paths are local
    elif event == "socket.getaddrinfo":
        host = args[0]
    else:
        return
    if not _is_local(host) and LOG:
        with open(LOG, "a", encoding="utf-8") as out:
            out.write(f"{event} {host}\n")


if LOG:
    sys.addaudithook(_watch)
