/**
 * The jar's commands besides the server: {@code send} (seed 001's client modes with seed 000's simulated services),
 * {@code import} (existing log files, resumable) and {@code migrate} (a SQLite store into PostgreSQL, resumable). The
 * first two talk to a server over HTTP like any other client; {@code migrate} reads and writes the two stores directly.
 * None starts Spring, so each starts in a fraction of a second.
 */
@NullMarked
package io.logcentral.cli;

import org.jspecify.annotations.NullMarked;
