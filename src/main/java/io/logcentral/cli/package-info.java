/**
 * The jar's commands besides the server: {@code send} (seed 001's client modes with seed 000's simulated services)
 * and {@code import} (existing log files, resumable). They talk to a server over HTTP like any other client and never
 * start Spring, so they start in a fraction of a second.
 */
@NullMarked
package io.logcentral.cli;

import org.jspecify.annotations.NullMarked;
