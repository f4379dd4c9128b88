package org.palimpsest.core.change;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Comparisons by id ({@code palimpsest.diff.*}). */
@ConfigMapping(prefix = "palimpsest.diff")
public interface DiffConfig {

    /**
     * The most characters either side of a comparison may have. A word diff aligns tokens (Myers, O(N·D)), and a
     * raw comparison of minified HTML is one line of a whole page: past this, a request is refused with a 422
     * instead of tying up a thread and its memory. The captures of a news article are far below it.
     */
    @WithDefault("1000000")
    int maxCharacters();

    /**
     * The longest a comparison may run. Size alone does not bound a word diff's time (it grows with how much differs):
     * past this, it is abandoned and the request refused with a 422 that says how to ask for a cheaper one.
     */
    @WithDefault("PT5S")
    Duration timeBudget();
}
