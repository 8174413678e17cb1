package io.logcentral.alert;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Absolute links to logs for people reading a notification elsewhere: the configured base URL, else this host. */
@Component
class Links {

    private volatile String base;

    Links(AlertProperties properties) {
        this.base = properties.baseUrl().isBlank() ? null : strip(properties.baseUrl());
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        if (base == null) {
            base = "http://" + hostName() + ":" + event.getWebServer().getPort();
        }
    }

    String log(long id) {
        return (base == null ? "" : base) + "/logs/" + id;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
