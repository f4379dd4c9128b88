package org.palimpsest.core.citation;

import java.time.Instant;

/**
 * What citing one version of an article needs.
 *
 * @param title the version's headline
 * @param container the source the article was published by
 * @param originalUrl the article's address on the web (null when its captures had none)
 * @param issued when the archive first saw this version
 * @param accessed the last capture of this version
 * @param archiveUrl where the archive serves this version (its memento, or the version itself without a URL)
 * @param contentSha256 the digest of the version's normalised content
 * @param versionId the version's id, for a citation key
 */
public record Citation(String title, String container, String originalUrl, Instant issued, Instant accessed,
        String archiveUrl, String contentSha256, String versionId) {
}
