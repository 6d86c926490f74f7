package vn.unionnews.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.EventAssessment;
import vn.unionnews.event.TopicScore;
import vn.unionnews.text.SentenceSplitter;

/**
 * Topics and default alerts against labels made by reading: per-topic and micro precision and recall, the share
 * of articles whose labelled primary topic is among the first two given, and per alert topic the alerts' precision
 * and recall. {@code eval-topics} prints it; the tests hold the enrichment to it.
 */
public final class TopicEvaluation {
    /** A labelled article: what a reader filed it under and which alerts they wanted. */
    public record Gold(String id, String title, String text, List<String> topics, String primaryTopic,
                       List<String> alert) {
        public Gold {
            topics = List.copyOf(topics);
            alert = List.copyOf(alert);
        }

        /** The article as the producer would send it: its text's sentences, no page around it. */
        public ArticleEvent article() {
            String body = text == null ? "" : text;
            return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, id, null, null, null, null, title, body, null, null,
                    SentenceSplitter.split(body), title, List.of());
        }
    }

    /** Counts of one label: given and right, given and wrong, due and not given. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {
        @JsonProperty
        public double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        @JsonProperty
        public double recall() {
            return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        @JsonProperty
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts other) {
            return new Counts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }
    }

    /** One article the default alerts got wrong, for the report, with its topics and event assessments. */
    public record Miss(String id, String title, List<String> given, List<String> due, List<TopicScore> topics,
                       Map<String, EventAssessment> events) {
    }

    private final Map<String, Counts> topics = new TreeMap<>();
    private final Map<String, Counts> alerts = new TreeMap<>();
    private final List<Miss> alertMisses = new ArrayList<>();
    private final List<Miss> primaryMisses = new ArrayList<>();
    private int articles;
    private int primaryInTopTwo;

    public TopicEvaluation() {
        Alerter.ALERT_TOPICS.forEach(topic -> alerts.put(topic, new Counts(0, 0, 0)));
    }

    /** Scores one article's enrichment and the topics of its default alerts. */
    public void add(Gold gold, EnrichedArticle enriched, Collection<String> alertTopics) {
        add(gold, enriched.topics(), enriched.events() == null ? Map.of() : enriched.events(), alertTopics);
    }

    /** Scores one article's topics (best first), event assessments and default alerts' topics. */
    public void add(Gold gold, List<TopicScore> scores, Map<String, EventAssessment> events,
                    Collection<String> alertTopics) {
        articles++;
        List<String> given = scores.stream().map(TopicScore::id).toList();
        count(topics, given, gold.topics());
        if (given.subList(0, Math.min(2, given.size())).contains(gold.primaryTopic())) {
            primaryInTopTwo++;
        } else {
            List<String> labelled = new ArrayList<>(List.of(gold.primaryTopic()));
            gold.topics().stream().filter(t -> !t.equals(gold.primaryTopic())).forEach(labelled::add);
            primaryMisses.add(new Miss(gold.id(), gold.title(), given, labelled, scores, Map.of()));
        }
        Set<String> alerted = new HashSet<>(alertTopics);
        count(alerts, alerted, gold.alert());
        if (!alerted.equals(Set.copyOf(gold.alert()))) {
            alertMisses.add(new Miss(gold.id(), gold.title(), alerted.stream().sorted().toList(), gold.alert(),
                    scores, events));
        }
    }

    private static void count(Map<String, Counts> into, Collection<String> given, Collection<String> due) {
        Set<String> labels = new HashSet<>(given);
        labels.addAll(due);
        for (String label : labels) {
            boolean g = given.contains(label);
            boolean d = due.contains(label);
            into.merge(label, new Counts(g && d ? 1 : 0, g && !d ? 1 : 0, !g && d ? 1 : 0), Counts::plus);
        }
    }

    public int articles() {
        return articles;
    }

    public Map<String, Counts> topics() {
        return Map.copyOf(topics);
    }

    /** Over every topic, {@code other} included. */
    public Counts microTopics() {
        return topics.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
    }

    public double primaryInTopTwo() {
        return articles == 0 ? 0 : (double) primaryInTopTwo / articles;
    }

    public Map<String, Counts> alerts() {
        return Map.copyOf(alerts);
    }

    /** Over the alert topics: the default alerts' figures. */
    public Counts microAlerts() {
        return alerts.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
    }

    public List<Miss> alertMisses() {
        return List.copyOf(alertMisses);
    }

    /** The articles whose labelled primary topic is not among the first two given: given topics, due the labels. */
    public List<Miss> primaryMisses() {
        return List.copyOf(primaryMisses);
    }
}
