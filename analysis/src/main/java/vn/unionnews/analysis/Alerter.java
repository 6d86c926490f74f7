package vn.unionnews.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.EventAssessment;
import vn.unionnews.event.OrgMention;
import vn.unionnews.event.Subscription;
import vn.unionnews.event.TopicScore;
import vn.unionnews.summary.Summary;
import vn.unionnews.text.VietnameseText;

/**
 * Decides which alerts an article raises: the default rules for the taxonomy's alert topics (disputes, safety,
 * epidemic_disaster) and every subscription it matches ({@link Subscription}). A default rule fires when the
 * enrichment found the article reports an event of that topic ({@link EventAssessment#due()}: the alert model of
 * {@link TopicModel} and the {@link EventSignals} of a dated, local occurrence, a named employer or a count of
 * workers), critical from a score of {@value #CRITICAL_SCORE}; its reason names the signals. An article enriched
 * before events were assessed falls back to its topics: one of its first two, with a score of
 * {@value #DEFAULT_MIN_SCORE} or more. Each alert names the article, the rule ({@code default:<topic>} or the
 * subscription id), the reason (the signals, the phrases that scored, the organisations, provinces or keywords that
 * matched) and carries the summary. Stateless and thread-safe; raising an alert once per article and rule is the
 * caller's part.
 */
public final class Alerter {
    public static final List<String> ALERT_TOPICS = List.of("disputes", "safety", "epidemic_disaster");
    public static final double DEFAULT_MIN_SCORE = 0.5;
    /** A default rule fires only for what an article is mainly about: one of its first two topics. */
    public static final int DEFAULT_TOP_TOPICS = 2;
    public static final double CRITICAL_SCORE = 0.9;
    public static final String DEFAULT_RULE_PREFIX = "default:";

    public List<AlertEvent> alerts(EnrichedArticle article, Summary summary, Collection<Subscription> subscriptions) {
        List<AlertEvent> alerts = new ArrayList<>();
        if (article.events() != null) {
            for (String topic : ALERT_TOPICS) {
                EventAssessment event = article.events().get(topic);
                if (event != null && event.due()) {
                    alerts.add(alert(article, summary, DEFAULT_RULE_PREFIX + topic, topic,
                            event.score() >= CRITICAL_SCORE ? "critical" : "warning", eventReason(topic, event)));
                }
            }
        } else {
            List<TopicScore> leading = article.topics().subList(0, Math.min(DEFAULT_TOP_TOPICS, article.topics().size()));
            for (String topic : ALERT_TOPICS) {
                Optional<TopicScore> score = leading.stream().filter(t -> t.id().equals(topic)).findFirst();
                if (score.isPresent() && score.get().score() >= DEFAULT_MIN_SCORE) {
                    String severity = score.get().score() >= CRITICAL_SCORE ? "critical" : "warning";
                    alerts.add(alert(article, summary, DEFAULT_RULE_PREFIX + topic, topic, severity,
                            topicReason(article, score.get())));
                }
            }
        }
        String text = subscriptions.isEmpty() ? ""
                : key(Objects.toString(article.title(), "") + "\n" + Objects.toString(article.body(), ""));
        for (Subscription subscription : subscriptions) {
            match(article, text, subscription).ifPresent(reason -> alerts.add(alert(article, summary, subscription.id(),
                    matchedTopic(article, subscription), subscription.severity(), reason)));
        }
        return alerts;
    }

    /**
     * Why {@code article} matches {@code subscription}, or empty when it does not; {@code text} is the match key
     * of its title and body, computed once for all subscriptions.
     */
    private static Optional<String> match(EnrichedArticle article, String text, Subscription subscription) {
        List<String> reasons = new ArrayList<>();
        if (!subscription.topics().isEmpty()) {
            Optional<TopicScore> topic = subscription.topics().stream()
                    .flatMap(t -> score(article, t).stream())
                    .filter(s -> s.score() >= subscription.minScore())
                    .findFirst();
            if (topic.isEmpty()) {
                return Optional.empty();
            }
            reasons.add(topicReason(article, topic.get()));
        }
        if (!subscription.organizations().isEmpty()) {
            Optional<String> org = subscription.organizations().stream()
                    .flatMap(wanted -> article.organizations().stream().map(OrgMention::name)
                            .filter(name -> key(name).contains(key(wanted))))
                    .findFirst();
            if (org.isEmpty()) {
                return Optional.empty();
            }
            reasons.add("organisation " + org.get());
        }
        if (!subscription.provinces().isEmpty()) {
            Optional<String> province = subscription.provinces().stream()
                    .filter(p -> text.contains(key(p)) || article.organizations().stream()
                            .anyMatch(o -> key(o.name()).contains(key(p))))
                    .findFirst();
            if (province.isEmpty()) {
                return Optional.empty();
            }
            reasons.add("province " + province.get());
        }
        if (!subscription.keywords().isEmpty()) {
            Optional<String> keyword = subscription.keywords().stream().filter(k -> text.contains(key(k))).findFirst();
            if (keyword.isEmpty()) {
                return Optional.empty();
            }
            reasons.add("keyword “" + keyword.get() + "”");
        }
        return Optional.of(String.join("; ", reasons));
    }

    private static String matchedTopic(EnrichedArticle article, Subscription subscription) {
        return subscription.topics().stream().filter(t -> score(article, t).isPresent()).findFirst()
                .orElse(article.primaryTopic());
    }

    private static Optional<TopicScore> score(EnrichedArticle article, String topic) {
        return article.topics().stream().filter(t -> t.id().equals(topic)).findFirst();
    }

    /** "event of disputes scored 0.93: event “ngừng việc”; dated “sáng 12/3”; workers “300 công nhân”; …". */
    private static String eventReason(String topic, EventAssessment event) {
        return String.format(Locale.ROOT, "event of %s scored %.2f: %s", topic, event.score(),
                String.join("; ", event.signals()));
    }

    private static String topicReason(EnrichedArticle article, TopicScore score) {
        List<String> phrases = article.topicEvidence().getOrDefault(score.id(), List.of());
        return String.format(Locale.ROOT, "topic %s scored %.2f%s", score.id(), score.score(),
                phrases.isEmpty() ? "" : " (" + String.join(", ", phrases.subList(0, Math.min(5, phrases.size()))) + ")");
    }

    private static String key(String text) {
        return VietnameseText.matchKey(text);
    }

    private static AlertEvent alert(EnrichedArticle article, Summary summary, String rule, String topic,
                                    String severity, String reason) {
        return new AlertEvent(AlertEvent.SCHEMA_VERSION, article.id(), rule, topic, severity, reason,
                article.displayTitle(), summary == null ? null : summary.text());
    }
}
