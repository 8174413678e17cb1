package io.logcentral.alert;

/** A channel did not take a notification; the message is safe to store and log (secrets scrubbed). */
class ChannelFailure extends Exception {

    ChannelFailure(String message) {
        super(message);
    }
}
