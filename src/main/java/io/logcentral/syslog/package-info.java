/**
 * The syslog listener, TCP and UDP on one port, off by default: frames are read as syslog lines and stored through
 * ingest's gate as the configured token, so its scopes, bound service, rate limit and the write queue's admission
 * hold as on {@code POST /logs}.
 */
@NullMarked
package io.logcentral.syslog;

import org.jspecify.annotations.NullMarked;
