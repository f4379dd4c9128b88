package org.palimpsest.core.blob;

import org.palimpsest.core.error.ArchiveException;

/** What a writer hears when the blob store cannot take bytes: nothing was stored, send it again later. */
final class StoreRefusal {
    static final int RETRY_AFTER_SECONDS = 30;

    private StoreRefusal() {
    }

    static ArchiveException cannotWrite() {
        return ArchiveException.busy("the blob store cannot write bytes right now, so nothing of this request was"
                + " stored: send it again once the store is writable (an operator sees why in the log)",
                RETRY_AFTER_SECONDS);
    }
}
