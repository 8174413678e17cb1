package io.logcentral.alert;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Channels kept in configuration: {@code logcentral.channels.<name>.type=slack}, {@code .url=...}, and the other
 * settings of the API's JSON ({@code chat-id} or {@code chat_id} alike); secrets best come from the environment.
 *
 * @param channels settings by channel name; each start writes them over the stored channel of that name
 */
@ConfigurationProperties("logcentral")
record ChannelProperties(@DefaultValue Map<String, Map<String, String>> channels) {}
