package org.palimpsest.api.http;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the endpoints whose GET and HEAD requests the PostgreSQL read replica may answer (articles, as-of, TimeMaps
 * and TimeGates, the CDX API, exports), when one is configured and within its lag bound ({@link ReplicaReadFilter}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReplicaReads {
}
