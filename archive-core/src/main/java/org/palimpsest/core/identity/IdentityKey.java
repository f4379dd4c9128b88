package org.palimpsest.core.identity;

/**
 * The kinds of key an article is stored under ({@code article.identity_key}): the SURT key of its canonical URL, or,
 * for an article found by similarity, the order key of its earliest capture. The prefix keeps the two apart.
 */
public enum IdentityKey {
    URL("url:"),
    SIMILARITY("sim:");

    private final String prefix;

    IdentityKey(String prefix) {
        this.prefix = prefix;
    }

    /** The stored key for {@code value}. */
    public String of(String value) {
        return prefix + value;
    }

    /** Whether a stored key is of this kind. */
    public boolean names(String storedKey) {
        return storedKey != null && storedKey.startsWith(prefix);
    }

    /** A SQL {@code like} pattern matching the stored keys of this kind. */
    public String likePattern() {
        return prefix + "%";
    }
}
