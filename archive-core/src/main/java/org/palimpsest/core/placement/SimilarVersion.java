package org.palimpsest.core.placement;

import java.util.UUID;

/** A live version whose body a new capture's is a near-duplicate of, with the estimated Jaccard similarity. */
record SimilarVersion(UUID article, UUID version, double score) {
}
