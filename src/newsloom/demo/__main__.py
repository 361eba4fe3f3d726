"""``python -m newsloom.demo [--port N]``: run the sample news site alone until Ctrl-C."""

from __future__ import annotations

import argparse

from newsloom.demo.site import DemoSite


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m newsloom.demo", description=__doc__)
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0: any free)")
    parser.add_argument("--slow-seconds", type=float, default=2.0, help="delay of /bad/slow.xml")
    args = parser.parse_args(argv)
    site = DemoSite(port=args.port, slow_seconds=args.slow_seconds).start()
    print(f"Sample news site at {site.base_url}/  (OPML: {site.opml_url})")
    for outlet in site.outlets:
        print(f"  {outlet.name:<22} {outlet.feed_format:<12} {outlet.feed_url}")
    try:
        site.serve_forever()
    except KeyboardInterrupt:
        print("stopped")


if __name__ == "__main__":
    main()
