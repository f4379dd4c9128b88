package org.palimpsest.core.derivation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A source's captures as derivation reads them: the few facts that order and identify each, held for all of them,
 * and what each says, read again whenever it is needed so that a large source need not be held in memory at once.
 */
public interface SourceCaptures {

    /** Every capture's order key ({@link SourceCapture#orderKey()}), in any order. */
    List<String> orderKeys();

    /** Gives {@code each} the captures of these order keys, in this order. */
    void read(List<String> orderKeys, Consumer<SourceCapture> each);

    /** Captures already in memory. */
    static SourceCaptures of(List<SourceCapture> captures) {
        Map<String, SourceCapture> byKey = new HashMap<>();
        captures.forEach(c -> byKey.put(c.orderKey(), c));
        List<String> keys = captures.stream().map(SourceCapture::orderKey).toList();
        return new SourceCaptures() {
            @Override
            public List<String> orderKeys() {
                return keys;
            }

            @Override
            public void read(List<String> orderKeys, Consumer<SourceCapture> each) {
                orderKeys.forEach(k -> each.accept(byKey.get(k)));
            }
        };
    }
}
