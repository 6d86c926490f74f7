package vn.unionnews.event;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An alert subscription, the value of the compacted {@code subscriptions} topic keyed by {@code id} (a null
 * value deletes it). An article matches when every criterion given matches (an empty list is no criterion):
 * one of {@code topics} is among its topics with a score of at least {@code minScore}; one of
 * {@code organizations} is among the organisations it names (by canonical name, any part, any case or tone
 * placement); one of {@code provinces} is named in it; one of {@code keywords} occurs in its title or body.
 * {@code severity} is the alerts' severity (info, warning, critical).
 */
public record Subscription(
        int schemaVersion,
        String id,
        List<String> topics,
        List<String> organizations,
        List<String> provinces,
        List<String> keywords,
        double minScore,
        String severity) {

    public static final int SCHEMA_VERSION = 1;
    public static final double DEFAULT_MIN_SCORE = 0.35;
    /** The topic ids of TAXONOMY.md, which the classifier's lexicon (topics-vi.txt) uses. */
    public static final List<String> TOPIC_IDS = List.of("membership", "welfare", "rights_law", "disputes", "safety",
            "education_propaganda", "emulation_awards", "party_politics", "congress_personnel", "epidemic_disaster",
            "culture_sports", "women_gender", "finance_inspection", "employment", "other");
    public static final List<String> SEVERITIES = List.of("info", "warning", "critical");
    /** The fields of a subscription in JSON: no others are accepted. */
    public static final List<String> FIELDS = Arrays.stream(Subscription.class.getRecordComponents())
            .map(RecordComponent::getName).toList();
    private static final Pattern ID = Pattern.compile("[\\p{Alnum}._:-]{1,64}");

    public Subscription {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a subscription needs an id");
        }
        topics = topics == null ? List.of() : List.copyOf(topics);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        severity = severity == null ? "warning" : severity;
    }

    /**
     * This subscription if a user may add it: an id of letters, digits and {@code ._:-}, at least one criterion and
     * no empty one, known topic ids and severity, a score between 0 and 1; else an {@link IllegalArgumentException}
     * naming the offending value.
     */
    public Subscription checked() {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a subscription id is 1 to 64 letters, digits, '.', '_', ':' or '-', not '"
                    + id + "'");
        }
        if (topics.isEmpty() && organizations.isEmpty() && provinces.isEmpty() && keywords.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one of topics, organizations, provinces,"
                    + " keywords");
        }
        for (List<String> values : List.of(organizations, provinces, keywords)) {
            if (values.stream().anyMatch(value -> value == null || value.isBlank())) {
                throw new IllegalArgumentException("an empty organisation, province or keyword would match every"
                        + " article");
            }
        }
        for (String topic : topics) {
            if (!TOPIC_IDS.contains(topic)) {
                throw new IllegalArgumentException("unknown topic '" + topic + "'; topics are " + String.join(", ", TOPIC_IDS));
            }
        }
        if (!SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("unknown severity '" + severity + "'; severities are "
                    + String.join(", ", SEVERITIES));
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minScore must be between 0 and 1, got " + minScore);
        }
        return this;
    }

    /** A new subscription id: {@code sub-} and 8 hex digits. */
    public static String newId() {
        return "sub-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
