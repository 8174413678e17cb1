"""Python's standard logging.handlers.HTTPHandler sending to logcentral's POST /logs (no package to install).

Usage: python3 send.py <host> <port> <token> <service>
HTTPHandler can only do Basic auth: the token is the password (any user name). It posts the LogRecord form-encoded;
logcentral takes the logger name as the service, levelname, msg and created as the log, the rest as attributes.
Use secure=True behind TLS, or the token travels in clear.
"""
import logging
import logging.handlers
import sys


class LogcentralHandler(logging.handlers.HTTPHandler):
    """HTTPHandler posts msg and args apart ("order %s", ('o-42',)): send the message as it reads, the traceback as text."""

    def mapLogRecord(self, record):
        fields = dict(record.__dict__)
        fields["msg"] = record.getMessage()
        fields.pop("args", None)
        if record.exc_info:
            fields["exc_text"] = logging.Formatter().formatException(record.exc_info)
        fields.pop("exc_info", None)
        return fields


host, port, token, service = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
handler = LogcentralHandler(host + ":" + port, "/logs", method="POST", credentials=("logcentral", token))
logger = logging.getLogger(service)
logger.setLevel(logging.DEBUG)
logger.addHandler(handler)

logger.warning("disk almost full on %s", "/var")
try:
    {}["order"]
except KeyError:
    logger.exception("payment failed for order %s", "o-42")
print("sent")
