package org.palimpsest.bench.cms;

import java.util.List;
import java.util.Random;

/**
 * News-shaped prose from a seed: sentences of a beat's actors, actions and objects, with the clauses, figures, quotes
 * and attributions news copy is made of. Not meant to be read; meant to have the lengths, commas and punctuation
 * of real paragraphs, and words no other page repeats in the same order.
 */
final class Prose {
    private static final List<String> FIRST = List.of("Maria", "Tomasz", "Aisha", "Daniel", "Ingrid", "Kwame", "Lucia",
            "Hiroshi", "Fatima", "Oskar", "Priya", "Mateo", "Eilidh", "Samuel", "Noor", "Bernadette", "Chidi", "Yara",
            "Pieter", "Rosa");
    private static final List<String> LAST = List.of("Okafor", "Lindqvist", "Moreau", "Haddad", "Brennan", "Kowalski",
            "Tanaka", "Osei", "Delgado", "Fischer", "Nakamura", "Quinlan", "Sorensen", "Abara", "Mendes", "Whitlock",
            "Varga", "Achterberg", "Idowu", "Castellano");
    private static final List<String> ROLES = List.of("a spokeswoman for the authority", "the council's finance chair",
            "a professor of public policy", "who has lived in the district for thirty years", "the union's regional secretary",
            "a senior analyst at a research firm", "the head of the residents' association", "a former minister",
            "the company's chief executive", "a coach who has trained the team since 2019", "an engineer on the project",
            "the hospital's medical director");
    private static final List<String> TAILS = List.of(", according to documents released on Monday",
            " after more than three hours of debate", ", a decision that could cost about 4.2 million euros",
            " despite objections from two opposition parties", " for the second time this year",
            ", officials said in a statement", " before the end of the financial year", ", the first such move since 2011",
            " in a vote of 27 to 14", ", raising questions about who will pay", " while talks continue behind closed doors",
            ", people familiar with the matter said", " as the deadline approached", " in the face of rising costs");
    private static final List<String> QUOTES = List.of("We have waited long enough for a straight answer",
            "Nobody in this room thinks the numbers add up", "This is the beginning of the work, not the end of it",
            "The people who will live with this decision were never asked",
            "We are confident the plan will hold up under scrutiny", "It is too early to say what this means for families",
            "If we do nothing, the bill only gets larger", "I have seen nothing like it in twenty years",
            "The evidence points in one direction, and we should follow it", "Every week of delay costs us more");

    /** One beat of news: who acts, what they do, to what, and the words of its headlines. */
    record Beat(String section, List<String> actors, List<String> actions, List<String> objects) {
    }

    static final List<Beat> BEATS = List.of(
            new Beat("Politics", List.of("The city council", "The transport committee", "Opposition members",
                    "The regional government", "The mayor's office", "Three independent councillors"),
                    List.of("approved", "rejected", "postponed a vote on", "published", "questioned", "defended",
                            "withdrew support for", "asked auditors to review"),
                    List.of("a plan to widen the coastal road", "next year's budget", "the new parking charges",
                            "a review of school catchment areas", "the harbour redevelopment contract",
                            "proposals to merge two district offices", "the emergency housing fund")),
            new Beat("Health", List.of("The regional health authority", "Hospital managers", "Nurses at the general hospital",
                    "The health ministry", "Family doctors", "A group of patient advocates"),
                    List.of("warned about", "announced", "criticised", "began a trial of", "delayed", "extended",
                            "called for an inquiry into"),
                    List.of("waiting times for routine surgery", "a new vaccination programme for the winter",
                            "the closure of the night clinic", "staffing levels on children's wards",
                            "a screening service for older residents", "the cost of agency staff")),
            new Beat("Business", List.of("The shipping company", "Shareholders", "The central bank", "Local retailers",
                    "The country's largest bakery chain", "Regulators", "The energy supplier"),
                    List.of("reported", "cut", "raised", "forecast", "abandoned", "agreed to sell", "investigated"),
                    List.of("quarterly profits of 118 million euros", "its forecast for the year",
                            "interest rates by a quarter of a point", "the takeover of a rival firm",
                            "prices for household customers", "plans for a second warehouse", "a fine of 2.3 million euros")),
            new Beat("Environment", List.of("Scientists at the university", "The water board", "Farmers in the valley",
                    "Environmental campaigners", "The national weather service", "Forest rangers"),
                    List.of("recorded", "measured", "warned of", "mapped", "protested against", "restored", "monitored"),
                    List.of("the warmest spring since records began", "falling levels in the northern reservoir",
                            "a rise in river pollution after the storms", "the return of otters to the estuary",
                            "plans to drain part of the wetland", "damage to the dunes along the coast")),
            new Beat("Sport", List.of("The home side", "The club's new manager", "The women's team", "The league",
                    "Supporters", "The veteran goalkeeper", "The national federation"),
                    List.of("beat", "lost to", "signed", "suspended", "appealed against", "celebrated", "fined"),
                    List.of("their rivals from across the river", "a striker from the second division",
                            "a three-match ban for the captain", "the decision to move the final",
                            "the club's first title in a decade", "a late penalty in extra time")),
            new Beat("Culture", List.of("The city museum", "The festival's organisers", "A local publisher",
                    "The orchestra", "The national library", "Independent cinemas"),
                    List.of("unveiled", "cancelled", "acquired", "restored", "opened", "reported record demand for",
                            "digitised"),
                    List.of("a collection of wartime letters", "the summer programme of open-air concerts",
                            "a long-lost painting by a local artist", "the archive of the former newspaper",
                            "free entry for students on Sundays", "a season of silent films with live music")));

    private final Random random;

    Prose(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    String person() {
        return pick(FIRST) + " " + pick(LAST);
    }

    /** A headline of the beat: a plain sentence without its full stop. */
    String headline(Beat beat) {
        String object = pick(beat.objects());
        String lead = switch (random.nextInt(3)) {
            case 0 -> pick(beat.actors()) + " " + pick(beat.actions()) + " " + object;
            case 1 -> capitalise(object) + ": " + pick(beat.actors()).toLowerCase() + " " + pick(beat.actions())
                    + " " + pick(beat.objects());
            default -> "Why " + pick(beat.actors()).toLowerCase() + " " + pick(beat.actions()) + " " + object;
        };
        return lead;
    }

    String sentence(Beat beat) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pick(beat.actors()) + " " + pick(beat.actions()) + " " + pick(beat.objects()) + pick(TAILS) + ".";
            case 2 -> "\u201c" + pick(QUOTES) + ",\u201d said " + person() + ", " + pick(ROLES) + ".";
            case 3 -> person() + ", " + pick(ROLES) + ", said " + pick(beat.actors()).toLowerCase() + " had "
                    + pick(beat.actions()) + " " + pick(beat.objects()) + pick(TAILS) + ".";
            case 4 -> "The figures show " + (3 + random.nextInt(40)) + " per cent more than last year, and "
                    + pick(beat.objects()) + " is expected to come up again in " + pick(List.of("March", "June",
                            "the autumn", "the new year", "two weeks")) + ".";
            default -> "In " + (2009 + random.nextInt(16)) + ", " + pick(beat.actors()).toLowerCase() + " "
                    + pick(beat.actions()) + " " + pick(beat.objects()) + pick(TAILS) + ".";
        };
    }

    String paragraph(Beat beat, int minSentences, int maxSentences) {
        StringBuilder sb = new StringBuilder();
        int n = minSentences + random.nextInt(maxSentences - minSentences + 1);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(sentence(beat));
        }
        return sb.toString();
    }

    /** A short phrase, as list items and subheadings are. */
    String phrase(Beat beat) {
        return capitalise(pick(beat.objects()));
    }

    static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
