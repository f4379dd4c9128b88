package org.palimpsest.api.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/** Checks bearer tokens against the configured ones, in constant time. */
@ApplicationScoped
public class ConfiguredTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {
    private final AuthConfig config;

    public ConfiguredTokenProvider(AuthConfig config) {
        this.config = config;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return identify(request.getToken().getToken()).map(identity -> Uni.createFrom().item(identity))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown bearer token")));
    }

    /** Who a token is (its name and roles), compared in constant time; none for a token that is not configured. */
    public Optional<SecurityIdentity> identify(String token) {
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, AuthConfig.Token> entry : config.tokens().entrySet()) {
            if (MessageDigest.isEqual(presented, entry.getValue().secret().getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(entry.getKey()))
                        .addRoles(entry.getValue().roles())
                        .build());
            }
        }
        return Optional.empty();
    }
}
