package org.palimpsest.core.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.palimpsest.core.article.Page;
import org.palimpsest.core.diff.ChangeKind;
import org.palimpsest.core.diff.VersionChange;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.store.Sql;

/**
 * Lists version changes across the archive, newest first seen first: live versions of live articles, each version's
 * change from the one before it and each return to it after another version (A → B → A, classified against B).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeReader {
    private final EntityManager em;

    public ChangeReader(EntityManager em) {
        this.em = em;
    }

    public Page<ChangeItem> changes(ChangeQuery q) {
        StringBuilder where = new StringBuilder(" from version v join article a on a.id = v.article_id"
                + " cross join lateral (select v.valid_from as at, v.change as c, false as revert"
                + " where v.change is not null union all select cast(r ->> 'at' as timestamptz), r -> 'change', true"
                + " from jsonb_array_elements(v.reverts) r) t"
                + " where (v.change is not null or v.reverts is not null) and v.superseded_by is null"
                + " and a.superseded_by is null");
        List<Object> params = new ArrayList<>();
        q.source().ifPresent(s -> {
            where.append(" and a.source = ").append(param(params, s));
        });
        q.from().ifPresent(f -> {
            where.append(" and t.at >= ").append(param(params, f));
        });
        q.to().ifPresent(t -> {
            where.append(" and t.at <= ").append(param(params, t));
        });
        if (!q.kinds().isEmpty()) {
            String labels = q.kinds().stream().map(ChangeKind::label).collect(Collectors.joining(",", "{", "}"));
            where.append(" and jsonb_exists_any(t.c -> 'kinds', cast(").append(param(params, labels))
                    .append(" as text[]))");
        }
        q.stealth().ifPresent(s -> {
            where.append(" and (t.c ->> 'stealth')::boolean = ").append(param(params, s));
        });
        q.articleId().ifPresent(id -> {
            where.append(" and v.article_id = ").append(param(params, id));
        });
        long total = ((Number) bind(Sql.statement(em, "select count(*)" + where), params).getSingleResult())
                .longValue();
        List<Tuple> rows = Sql.list(bind(Sql.rows(em, "select v.id, v.article_id, v.version_number, v.headline,"
                + " t.at, cast(t.c as text) as change, t.revert, a.source, a.url" + where
                + " order by t.at desc, v.id limit " + q.size() + " offset " + (long) q.page() * q.size()),
                params));
        List<ChangeItem> items = new ArrayList<>(rows.size());
        for (Tuple r : rows) {
            VersionChange c = Json.read(r.get("change", String.class), VersionChange.class);
            UUID versionId = r.get("id", UUID.class);
            items.add(new ChangeItem(r.get("article_id", UUID.class), versionId,
                    r.get("version_number", Integer.class), c.previousVersionId(), r.get("headline", String.class),
                    r.get("at", Instant.class), c.kinds(), c.stealth(), c.notices(), c.inserted(), c.deleted(),
                    r.get("source", String.class), r.get("url", String.class),
                    "/api/diff?from=" + c.previousVersionId() + "&to=" + versionId,
                    r.get("revert", Boolean.class)));
        }
        return new Page<>(items, q.page(), q.size(), total);
    }

    /** Adds a parameter; answers its placeholder. */
    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
