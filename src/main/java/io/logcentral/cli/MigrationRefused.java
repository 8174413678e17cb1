package io.logcentral.cli;

/** Why {@code migrate} will not start or go on: one line for the operator, exit code 1. Nothing was written. */
final class MigrationRefused extends Exception {

    MigrationRefused(String message) {
        super(message);
    }
}
