package io.logcentral.cli;

/** A command line the commands cannot run: the message says what to change. Exit code 2, as getopt tools use. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
