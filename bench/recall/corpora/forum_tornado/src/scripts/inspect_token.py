#!/usr/bin/env python
"""Print the header and claims of a JWT pasted from a support ticket.

Only for looking at what a client sent us; nothing here trusts the token.

    python scripts/inspect_token.py eyJhbGciOi...
"""
import datetime as dt
import json
import sys

import jwt


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    token = argv[1].strip()
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, options={"verify_signature": False})
    for key in ("iat", "exp"):
        if key in claims:
            claims[key + "_human"] = dt.datetime.fromtimestamp(claims[key], dt.timezone.utc).isoformat()
    print(json.dumps({"header": header, "claims": claims}, indent=2, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv)
