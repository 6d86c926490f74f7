package vn.unionnews.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.unionnews.event.OrgMention;
import vn.unionnews.text.AnalyzedText;
import vn.unionnews.text.LanguageData;
import vn.unionnews.text.PhraseMatcher;
import vn.unionnews.text.VietnameseText;

/**
 * What tells an event that affects workers from a discussion of one, read from an article's title, lead (its
 * first sentences, where news says what happened, when and where) and body: a dated occurrence ("sáng 12/3"), a
 * named employer, a count of workers ("hơn 300 công nhân"), the words of the event itself ("ngừng việc", "tử
 * vong") against those of policy ("dự thảo") and of reviews ("6 tháng đầu năm"), and the place: Vietnam, or
 * Vietnamese workers, against a foreign country alone. The cues are a data file, {@code event-cues-vi.txt}. The
 * signals are features of the alert models ({@link TopicModel}) and the reasons an alert gives. Thread-safe.
 */
public final class EventSignals {
    static final String EVENT = "event:";
    private static final String POLICY = "policy";
    private static final String REVIEW = "review";
    private static final String WORKERS = "workers";
    private static final String VIETNAMESE = "vietnamese";
    private static final String FOREIGN = "foreign";
    /** Body cues count from this many on: one "quy định" in a strike report says nothing. */
    private static final int MANY = 3;
    /**
     * A time of day or a day with a date or "qua"/"nay" ("sáng 12/3", "chiều qua", "ngày 5-6", "rạng sáng nay"),
     * or a clock time after "lúc"/"khoảng"/"vào" ("lúc 10h30"), on the match key. Every part is bounded.
     */
    private static final Pattern DATED = Pattern.compile("(?<![\\p{L}\\d])(?:(?:rạng sáng|sáng sớm|sáng|trưa|chiều"
            + "|tối|đêm|khuya|ngày|hôm)(?: (?:ngày|hôm))? (?:\\d{1,2}[/-]\\d{1,2}(?:[/-]\\d{2,4})?|qua|nay|hôm qua)"
            + "|(?:lúc|khoảng|vào) \\d{1,2} ?(?:h|giờ)(?: ?\\d{1,2})?)(?![\\p{L}\\d])");
    /** What may stand just before a workers noun for it to be a count: a number, or "hàng trăm" and the like. */
    private static final Pattern COUNT_BEFORE = Pattern.compile(
            "(?:(?:hàng|hơn|gần|khoảng) )?(?:\\d[\\d.,]*|chục|trăm|nghìn|ngàn|vạn)(?: (?:người|công|lao|cán))? $");
    private static final int COUNT_LOOKBACK = 24;

    private static final class Holder {
        static final EventSignals VIETNAMESE = new EventSignals(
                LanguageData.lines(EventSignals.class, "event-cues-vi.txt"));
    }

    private final List<String> kinds = new ArrayList<>();
    private final List<String> written = new ArrayList<>();
    private final PhraseMatcher cues;

    /**
     * The signals of one article: the first date of its title or lead, the first count of workers, the first
     * employer named, the place (its provinces, or "Vietnam" when it names Vietnam or Vietnamese workers), whether
     * its title or lead names a foreign country and neither a Vietnamese place nor an employer, and per cue kind its
     * first phrase found and its counts in title, lead and body.
     */
    public record Signals(String date, String workers, String employer, String place, boolean foreignOnly,
                          Map<String, Found> cues) {
        /**
         * Whether the signals show an occurrence, not a discussion: a date in the title or lead, a count of workers
         * or a named employer, and not a foreign country alone. What kind of event it is, and whether it is one at
         * all, the alert models decide from these signals and the words.
         */
        public boolean isOccurrence() {
            return (date != null || workers != null || employer != null) && !foreignOnly;
        }

        /** Whether the article has cues of this kind ({@code event:disputes}, {@code policy}, …) in its title or lead. */
        public boolean inTitleOrLead(String kind) {
            Found found = cues.get(kind);
            return found != null && found.title() + found.lead() > 0;
        }

        /**
         * The model features: one name per signal that fired. Numbers say where ("title", "lead") or that the body
         * has {@value EventSignals#MANY} or more.
         */
        public Set<String> features() {
            Set<String> features = new LinkedHashSet<>();
            if (date != null) {
                features.add("ev:dated");
            }
            if (workers != null) {
                features.add("ev:workers");
            }
            if (employer != null) {
                features.add("ev:employer");
            }
            if (place != null) {
                features.add("ev:vietnam");
            }
            if (foreignOnly) {
                features.add("ev:foreign-only");
            }
            cues.forEach((kind, found) -> {
                if (kind.equals(WORKERS) || kind.equals(VIETNAMESE)) {
                    return;
                }
                if (found.title() > 0) {
                    features.add("ev:" + kind + ":title");
                }
                if (found.lead() > 0) {
                    features.add("ev:" + kind + ":lead");
                }
                if (found.body() >= MANY) {
                    features.add("ev:" + kind + ":body");
                }
            });
            return features;
        }

        /**
         * Why {@code topic}'s event is one: the signals that fired, each with what was found, for an alert's reason;
         * the policy and review words too, when the title or lead has them.
         */
        public List<String> reasons(String topic) {
            List<String> reasons = new ArrayList<>();
            if (inTitleOrLead(EVENT + topic)) {
                reasons.add("event “" + cues.get(EVENT + topic).first() + "”");
            }
            if (date != null) {
                reasons.add("dated “" + date + "”");
            }
            if (workers != null) {
                reasons.add("workers “" + workers + "”");
            }
            if (employer != null) {
                reasons.add("employer " + employer);
            }
            if (place != null) {
                reasons.add("in " + place);
            }
            for (String kind : List.of(POLICY, REVIEW)) {
                if (inTitleOrLead(kind)) {
                    reasons.add(kind + " words “" + cues.get(kind).first() + "”");
                }
            }
            return reasons;
        }
    }

    /** How often one cue kind was found in the title, the lead and the body, and the first phrase found, as written. */
    public record Found(String first, int title, int lead, int body) {
        Found plus(Found other) {
            return new Found(first, title + other.title, lead + other.lead, body + other.body);
        }
    }

    private EventSignals(List<String> lines) {
        List<String> keys = new ArrayList<>();
        for (String line : lines) {
            int bar = line.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("Event cue '" + line + "': expected 'kind | phrase'");
            }
            String kind = line.substring(0, bar).strip();
            String phrase = line.substring(bar + 1).strip();
            String key = VietnameseText.matchKey(phrase);
            if (!Set.of(POLICY, REVIEW, WORKERS, VIETNAMESE, FOREIGN).contains(kind)
                    && !(kind.startsWith(EVENT) && kind.length() > EVENT.length())) {
                throw new IllegalArgumentException("Event cue '" + line + "': unknown kind " + kind);
            }
            if (key.isBlank()) {
                throw new IllegalArgumentException("Event cue '" + line + "': no phrase");
            }
            kinds.add(kind);
            written.add(phrase);
            keys.add(key);
        }
        this.cues = PhraseMatcher.of(keys);
    }

    /** The signals with the bundled cues, {@code event-cues-vi.txt}, loaded once. */
    public static EventSignals vietnamese() {
        return Holder.VIETNAMESE;
    }

    /**
     * The signals of an article: its title, lead and body analysed, the organisations it names (an enterprise
     * among them is a named employer) and the Vietnamese provinces it is about.
     */
    public Signals of(AnalyzedText title, AnalyzedText lead, AnalyzedText body, List<OrgMention> organizations,
                      List<String> provinces) {
        Map<String, Found> found = new LinkedHashMap<>();
        String[] workers = {null};
        count(title, 0, found, workers);
        count(lead, 1, found, workers);
        count(body, 2, found, workers);
        String date = firstDate(title);
        date = date != null ? date : firstDate(lead);
        String employer = organizations.stream().filter(o -> "enterprise".equals(o.type())).map(OrgMention::name)
                .findFirst().orElse(null);
        boolean vietnamese = found.containsKey(VIETNAMESE);
        String place = !provinces.isEmpty() ? String.join(", ", provinces) : vietnamese ? "Vietnam" : null;
        boolean foreign = found.containsKey(FOREIGN) && found.get(FOREIGN).title() + found.get(FOREIGN).lead() > 0;
        return new Signals(date, workers[0], employer, place, foreign && place == null && employer == null,
                Map.copyOf(found));
    }

    /** Counts the cues found in {@code text}, whole syllables only, as found in part {@code part} (title, lead, body). */
    private void count(AnalyzedText text, int part, Map<String, Found> found, String[] workers) {
        String key = text.key();
        cues.forEachMatch(key, (phrase, start, end) -> {
            if (!isBoundary(key, start - 1) || !isBoundary(key, end)) {
                return;
            }
            String kind = kinds.get(phrase);
            Found here = new Found(written.get(phrase), part == 0 ? 1 : 0, part == 1 ? 1 : 0, part == 2 ? 1 : 0);
            found.merge(kind, here, Found::plus);
            if (kind.equals(WORKERS) && workers[0] == null && part < 2) {
                Matcher count = COUNT_BEFORE.matcher(key.substring(Math.max(0, start - COUNT_LOOKBACK), start));
                if (count.find()) {
                    int from = start - (count.end() - count.start());
                    workers[0] = text.text().substring(from, end);
                }
            }
        });
    }

    private static String firstDate(AnalyzedText text) {
        Matcher dated = DATED.matcher(text.key());
        return dated.find() ? text.text().substring(dated.start(), dated.end()) : null;
    }

    private static boolean isBoundary(String key, int at) {
        return at < 0 || at >= key.length() || !Character.isLetterOrDigit(key.charAt(at));
    }
}
