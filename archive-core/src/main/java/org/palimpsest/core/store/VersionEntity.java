package org.palimpsest.core.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A version of an article: a distinct canonical content, with its validity intervals.
 *
 * <p>Updated by one statement of every column but the two large ones, its paragraphs and signature (a few KB of JSON
 * and 512 bytes, written once with the row): updates of one text are sent to PostgreSQL in JDBC batches, which
 * statements of only the changed columns are not, and sending the large columns again would store them anew. The
 * rare change of either after the insert is written by {@code ArticleReconciler} itself.
 */
@Entity
@Table(name = "version")
public class VersionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "article_id")
    public UUID articleId;
    @Column(name = "content_sha256")
    public String contentSha256;
    @Column(name = "version_number")
    public int versionNumber;
    public String headline;
    @Column(columnDefinition = "jsonb", updatable = false)
    @ColumnTransformer(write = "?::jsonb")
    public String paragraphs;
    @Column(name = "valid_from")
    public Instant validFrom;
    @Column(name = "valid_to")
    public Instant validTo;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String intervals;
    /** How it differs from the version before it ({@code VersionChange} as JSON); null for the first. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String change;
    /** The article's returns to this version, a JSON list of {@link org.palimpsest.core.diff.Revert}; or null. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String reverts;
    @Column(name = "capture_count")
    public int captureCount;
    /** The MinHash signature of the version's body (128 big-endian ints), for near-duplicate look-up. */
    @Column(updatable = false)
    public byte[] signature;
    @Column(name = "superseded_by")
    public UUID supersededBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A new, not yet persisted version of an article, with a fresh id. */
    public static VersionEntity of(UUID articleId, String contentSha256) {
        VersionEntity version = new VersionEntity();
        version.id = UUID.randomUUID();
        version.articleId = articleId;
        version.contentSha256 = contentSha256;
        return version;
    }
}
