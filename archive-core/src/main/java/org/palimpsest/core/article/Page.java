package org.palimpsest.core.article;

import java.util.List;

/** One page of a list: {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
