package org.palimpsest.api.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In production the archive starts only with tokens nobody can guess: at least one configured, none shorter than
 * {@link #MIN_LENGTH} characters. Dev and test mode have their known demo tokens; the packaged jar has none.
 */
@ApplicationScoped
public class TokenPolicy {
    static final int MIN_LENGTH = 32;

    void check(@Observes StartupEvent started, AuthConfig config) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            List<String> problems = problems(config.tokens());
            if (!problems.isEmpty()) {
                throw new IllegalStateException(String.join("; ", problems));
            }
        }
    }

    /** What is wrong with the configured tokens for production, each with how to fix it; empty when nothing is. */
    static List<String> problems(Map<String, AuthConfig.Token> tokens) {
        List<String> problems = new ArrayList<>();
        if (tokens.isEmpty()) {
            problems.add("no bearer token is configured, so nobody could write to the archive: set"
                    + " palimpsest.auth.tokens.<name>.secret (" + MIN_LENGTH + " or more random characters) and"
                    + " palimpsest.auth.tokens.<name>.roles (archivist, admin, reader), e.g. as -D options or the"
                    + " environment variables PALIMPSEST_AUTH_TOKENS_<NAME>_SECRET and _ROLES");
        }
        new TreeMap<>(tokens).forEach((name, token) -> {
            if (token.secret().length() < MIN_LENGTH) {
                problems.add("the secret of token '" + name + "' has " + token.secret().length() + " characters: give"
                        + " palimpsest.auth.tokens." + name + ".secret " + MIN_LENGTH + " or more random characters"
                        + " (for example: openssl rand -hex 24)");
            }
        });
        return problems;
    }
}
