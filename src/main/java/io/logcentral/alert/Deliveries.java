package io.logcentral.alert;

import org.springframework.stereotype.Component;

/** Sends one message through one channel, whatever its type; failures come back with secrets scrubbed. */
@Component
class Deliveries {

    private final HttpChannels http;
    private final EmailChannel email;

    Deliveries(HttpChannels http, EmailChannel email) {
        this.http = http;
        this.email = email;
    }

    void send(Channel channel, AlertMessage message) throws ChannelFailure, InterruptedException {
        try {
            switch (channel.type()) {
                case WEBHOOK -> http.webhook(channel.settings(), message);
                case SLACK -> http.slack(channel.settings(), message);
                case TELEGRAM -> http.telegram(channel.settings(), message);
                case EMAIL -> email.send(channel.settings(), message);
            }
        } catch (ChannelFailure e) {
            throw new ChannelFailure(scrub(channel, e.getMessage()));
        } catch (RuntimeException e) {
            throw new ChannelFailure(scrub(channel, e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** An error text without the channel's secrets, which exceptions may quote (a URL, a token in a path). */
    static String scrub(Channel channel, String text) {
        String scrubbed = text == null ? "" : text;
        for (var setting : channel.settings().entrySet()) {
            if (channel.type().isSecret(setting.getKey()) && !setting.getValue().isEmpty()) {
                scrubbed = scrubbed.replace(setting.getValue(), ChannelRequests.MASK);
            }
        }
        return scrubbed.length() > 500 ? scrubbed.substring(0, 500) : scrubbed;
    }
}
