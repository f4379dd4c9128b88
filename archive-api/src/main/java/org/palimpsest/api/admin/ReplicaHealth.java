package org.palimpsest.api.admin;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.palimpsest.core.replica.ReplicaMonitor;
import org.palimpsest.core.replica.ReplicaStatus;

/**
 * The read replica in {@code /q/health}: always up (a replica that is down or behind only sends reads back to the
 * primary), with its state, replay lag and whether it answers reads, so that a monitor sees it degrade.
 */
@Readiness
@ApplicationScoped
public class ReplicaHealth implements HealthCheck {
    private final ReplicaMonitor monitor;

    public ReplicaHealth(ReplicaMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public HealthCheckResponse call() {
        ReplicaStatus status = monitor.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("PostgreSQL read replica").up()
                .withData("state", status.state().name())
                .withData("servesReads", status.servesReads())
                .withData("maxLagMillis", status.maxLagMillis());
        if (status.lagMillis() != null) {
            response.withData("lagMillis", status.lagMillis());
        }
        if (status.problem() != null) {
            response.withData("problem", status.problem());
        }
        return response.build();
    }
}
