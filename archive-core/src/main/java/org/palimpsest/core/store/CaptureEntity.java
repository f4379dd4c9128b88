package org.palimpsest.core.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;

/** A stored capture: its metadata, its text lines, and where derivation placed it. */
@Entity
@DynamicUpdate
@Table(name = "capture")
public class CaptureEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String source;
    public String url;
    @Column(name = "canonical_url")
    public String canonicalUrl;
    @Column(name = "url_key")
    public String urlKey;
    @Column(name = "captured_at")
    public Instant capturedAt;
    @Column(name = "captured_at_origin")
    public String capturedAtOrigin;
    @Column(name = "ingested_at")
    public Instant ingestedAt;
    @Column(name = "raw_sha256")
    public String rawSha256;
    @Column(name = "raw_size")
    public long rawSize;
    @Column(name = "content_type")
    public String contentType;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String origin;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String extracted;
    @Column(name = "article_id")
    public UUID articleId;
    @Column(name = "version_id")
    public UUID versionId;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String derivation;
}
