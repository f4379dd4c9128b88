package org.palimpsest.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenPolicyTest {
    static AuthConfig.Token token(String secret) {
        return new AuthConfig.Token() {
            @Override
            public String secret() {
                return secret;
            }

            @Override
            public Set<String> roles() {
                return Set.of("archivist");
            }
        };
    }

    @Test
    void productionWithoutATokenIsRefusedWithHowToSetOne() {
        assertEquals(List.of("no bearer token is configured, so nobody could write to the archive: set"
                + " palimpsest.auth.tokens.<name>.secret (32 or more random characters) and"
                + " palimpsest.auth.tokens.<name>.roles (archivist, admin, reader), e.g. as -D options or the"
                + " environment variables PALIMPSEST_AUTH_TOKENS_<NAME>_SECRET and _ROLES"),
                TokenPolicy.problems(Map.of()));
    }

    @Test
    void theOldDemoTokenAndOtherShortSecretsAreRefusedByName() {
        assertEquals(List.of("the secret of token 'demo' has 20 characters: give palimpsest.auth.tokens.demo.secret"
                + " 32 or more random characters (for example: openssl rand -hex 24)"),
                TokenPolicy.problems(Map.of("demo", token("demo-archivist-token"),
                        "crawler", token("7f3c9a1e5b2d8f4a6c0e9b7d3a1f5c8e2b4d6a0c"))));
    }

    @Test
    void longRandomSecretsPass() {
        assertEquals(List.of(), TokenPolicy.problems(Map.of("crawler", token("7f3c9a1e5b2d8f4a6c0e9b7d3a1f5c8e2b4d6a0c"))));
    }
}
