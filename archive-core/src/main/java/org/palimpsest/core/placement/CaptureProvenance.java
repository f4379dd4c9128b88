package org.palimpsest.core.placement;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.palimpsest.core.derivation.Derivation;
import org.palimpsest.core.identity.IdentityDecision;
import org.palimpsest.core.normalize.Normalizer;
import org.palimpsest.core.provenance.DerivationRecord;
import org.palimpsest.core.provenance.DerivationRecord.IdentityKind;
import org.palimpsest.core.provenance.DerivationRecord.VersionKind;
import org.palimpsest.core.store.SourceEntity;

/** A capture's provenance record: how it was read, attached to its article and placed on the article's timeline. */
final class CaptureProvenance {
    private CaptureProvenance() {
    }

    /** The identity part; {@code idOfKey} turns a matched capture's order key into its id. */
    static DerivationRecord.Identity identity(IdentityDecision decision, Function<String, UUID> idOfKey) {
        if (decision instanceof IdentityDecision.ByUrl u) {
            return new DerivationRecord.Identity(IdentityKind.URL, u.surtKey(), null, null);
        }
        if (decision instanceof IdentityDecision.BySimilarity sim) {
            return new DerivationRecord.Identity(IdentityKind.SIMILARITY, null, sim.score(),
                    idOfKey.apply(sim.matchedCapture()).toString());
        }
        return new DerivationRecord.Identity(IdentityKind.NEW, null, null, null);
    }

    static DerivationRecord record(SourceEntity src, Derivation.DerivedCapture dc, UUID versionId,
            DerivationRecord.Identity identity, List<DerivationRecord.Rederivation> history) {
        var n = dc.normalized();
        var x = dc.capture().extraction();
        return new DerivationRecord(Normalizer.VERSION, src.templateVersion, src.templateDigest,
                new DerivationRecord.Decoding(x.charset(), x.charsetSource(), x.malformedInputs(), x.header()),
                x.page(), x.body(), n.headline(), n.contentSha256(), n.removed(), identity,
                new DerivationRecord.VersionDecision(dc.firstOfVersion() ? VersionKind.NEW : VersionKind.REVISIT,
                        versionId.toString(), dc.versionNumber(), n.contentSha256()),
                List.copyOf(history));
    }
}
