package org.palimpsest.bench.scale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Sentences in the samples' own language: a word-bigram chain learned from the sample captures, so synthetic
 * articles read like news copy, differ from one another (their 4-word shingles rarely coincide), and share the
 * site's vocabulary.
 */
final class Language {
    private static final String START = "\u0000";
    private final Map<String, List<String>> next = new HashMap<>();
    private final List<String> vocabulary = new ArrayList<>();

    Language(List<String> texts) {
        for (String text : texts) {
            for (String line : text.split("\n")) {
                String[] words = line.strip().split("\\s+");
                if (words.length < 8) {
                    continue;
                }
                String previous = START;
                for (String w : words) {
                    next.computeIfAbsent(previous, k -> new ArrayList<>()).add(w);
                    if (w.length() > 3 && Character.isLetter(w.charAt(0))) {
                        vocabulary.add(w.replaceAll("\\W+$", ""));
                    }
                    previous = w;
                }
            }
        }
        if (next.isEmpty()) {
            throw new IllegalArgumentException("no sentences in the sample texts");
        }
    }

    /** A sentence of at least {@code minWords} words, ending with a full stop. */
    String sentence(SplittableRandom random, int minWords) {
        StringBuilder sb = new StringBuilder();
        String w = START;
        int count = 0;
        while (true) {
            List<String> options = next.get(w);
            if (options == null || (count >= minWords && endsSentence(w))) {
                break;
            }
            w = options.get(random.nextInt(options.size()));
            sb.append(count == 0 ? "" : " ").append(w);
            count++;
            if (count > minWords * 3) {
                break;
            }
        }
        String s = sb.toString();
        return endsSentence(s) ? s : s.replaceAll("[,;:]$", "") + ".";
    }

    /** A paragraph of two to four sentences. */
    String paragraph(SplittableRandom random) {
        int sentences = 2 + random.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            sb.append(i == 0 ? "" : " ").append(sentence(random, 10));
        }
        return sb.toString();
    }

    /** A headline: six to eleven words, capitalised, without a final full stop. */
    String headline(SplittableRandom random) {
        int n = 6 + random.nextInt(6);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = word(random);
            sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
        }
        return sb.toString();
    }

    String word(SplittableRandom random) {
        return vocabulary.get(random.nextInt(vocabulary.size())).toLowerCase(Locale.ROOT);
    }

    private static boolean endsSentence(String w) {
        return w.endsWith(".") || w.endsWith("?") || w.endsWith("!") || w.endsWith(".\"");
    }
}
