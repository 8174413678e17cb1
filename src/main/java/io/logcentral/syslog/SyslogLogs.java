package io.logcentral.syslog;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.textformat.MalformedLineException;
import io.logcentral.textformat.PlainLine;
import io.logcentral.textformat.SyslogLine;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Frames as logs of the listener's token. A frame that is not syslog is still a message (RFC 3164 asks a receiver to
 * keep what it cannot read), and a log without an app name, from a token bound to none, goes to service
 * {@value #FALLBACK_SERVICE}; a log without a hostname gets the sender's address as its host.
 */
final class SyslogLogs {

    static final String FALLBACK_SERVICE = "syslog";

    private final TokenPrincipal principal;

    SyslogLogs(TokenPrincipal principal) {
        this.principal = principal;
    }

    List<ObjectNode> of(List<String> frames, String sender) {
        return frames.stream().map(frame -> log(frame, sender)).toList();
    }

    ObjectNode log(String frame, String sender) {
        ObjectNode log;
        try {
            log = SyslogLine.parse(frame, !principal.isBound());
        } catch (MalformedLineException notSyslog) {
            log = PlainLine.parse(frame);
        }
        if (!principal.isBound() && !log.has("service")) {
            log.put("service", FALLBACK_SERVICE);
        }
        if (!log.has("host")) {
            log.put("host", sender);
        }
        return log;
    }
}
