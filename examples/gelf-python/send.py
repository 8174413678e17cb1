"""graypy's GELFHTTPHandler (Debian: python3-graypy) sending to logcentral's GELF endpoint, zlib-compressed.

Usage: python3 send.py <host> <port> <token> <service>
GELF clients cannot send headers, so the token goes in the path: /gelf?token=...
"""
import logging
import sys

import graypy

host, port, token, service = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
handler = graypy.GELFHTTPHandler(host, port, path="/gelf?token=" + token, compress=True)
logger = logging.getLogger("billing.worker")
logger.setLevel(logging.DEBUG)
logger.addHandler(handler)

logger.warning("invoice run slow", extra={"service": service, "invoice_count": 1200})
try:
    1 / 0
except ZeroDivisionError:
    logger.exception("invoice total failed", extra={"service": service})
print("sent")
