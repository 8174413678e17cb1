/**
 * Log lines as other programs write them (syslog, logfmt, Apache/nginx access logs, plain text), read into the log
 * objects {@code POST /logs} takes; shared by text bodies and the syslog listener. One class per format.
 */
@NullMarked
package io.logcentral.textformat;

import org.jspecify.annotations.NullMarked;
