package org.palimpsest.core.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;

/** A site and its learned chrome template. */
@Entity
@DynamicUpdate
@Table(name = "source")
public class SourceEntity extends PanacheEntityBase {
    @Id
    public String key;
    @Column(name = "template_version")
    public int templateVersion;
    @Column(name = "template_digest")
    public String templateDigest;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String template;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
