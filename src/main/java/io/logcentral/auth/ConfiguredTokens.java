package io.logcentral.auth;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** The static tokens of configuration by name, for listeners that speak no HTTP and act as one configured token. */
@Component
public class ConfiguredTokens {

    private final TokenRegistry registry;

    ConfiguredTokens(TokenRegistry registry) {
        this.registry = registry;
    }

    /** The principal of the static token {@code logcentral.tokens.<name>}; empty when there is none of that name. */
    public Optional<TokenPrincipal> principal(String name) {
        return registry.staticTokens().stream()
                .map(TokenRegistry.StaticEntry::principal)
                .filter(principal -> principal.name().equals(name))
                .findFirst();
    }
}
