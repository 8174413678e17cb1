/** The older systems' endpoints (seed 002's {@code /log}, seed 003's LoggerBot), fed through ingest's guards. */
@NullMarked
package io.logcentral.compat;

import org.jspecify.annotations.NullMarked;
