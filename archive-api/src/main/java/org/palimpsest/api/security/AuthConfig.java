package org.palimpsest.api.security;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Set;

/** Bearer tokens and their roles ({@code palimpsest.auth.*}). */
@ConfigMapping(prefix = "palimpsest.auth")
public interface AuthConfig {

    /** Named tokens, e.g. {@code palimpsest.auth.tokens.crawler.secret} and {@code ...crawler.roles=archivist}. */
    Map<String, Token> tokens();

    interface Token {
        String secret();

        Set<String> roles();
    }
}
