package org.palimpsest.core.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An article of a source; superseded when re-derivation merges it into another. Its columns are small: updated by one
 * statement of them all, which JDBC batches (see {@link VersionEntity}).
 */
@Entity
@Table(name = "article")
public class ArticleEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String source;
    @Column(name = "identity_key")
    public String identityKey;
    public String url;
    @Column(name = "canonical_url")
    public String canonicalUrl;
    public String headline;
    @Column(name = "first_captured_at")
    public Instant firstCapturedAt;
    @Column(name = "last_captured_at")
    public Instant lastCapturedAt;
    @Column(name = "version_count")
    public int versionCount;
    @Column(name = "capture_count")
    public int captureCount;
    @Column(name = "superseded_by")
    public UUID supersededBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
