package vn.unionnews.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.Metric;
import vn.unionnews.event.OrgMention;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.event.TopicScore;

/**
 * One output line of {@code union-news analyze} (CONTRACT.md): the analysis, or an error for a page that is not an
 * article. {@code topicEvidence} says which lexicon phrases scored for each topic, best first; {@code provinces}
 * are the provinces the article is about; {@code truncated} that the page's body was cut at
 * {@link vn.unionnews.event.ArticleEvent#MAX_BODY_CHARS} characters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Analysis(
        @JsonInclude(JsonInclude.Include.ALWAYS) String id,
        @JsonInclude(JsonInclude.Include.ALWAYS) String title,
        String displayTitle,
        @JsonInclude(JsonInclude.Include.ALWAYS) String publishedAt,
        SourceOrg source,
        @JsonInclude(JsonInclude.Include.ALWAYS) String author,
        String category,
        String body,
        List<String> sentences,
        List<String> captions,
        List<TopicScore> topics,
        String primaryTopic,
        Map<String, List<String>> topicEvidence,
        List<OrgMention> organizations,
        List<String> provinces,
        List<Metric> metrics,
        SummaryView summary,
        List<AlertEvent> alerts,
        Boolean truncated,
        Error error) {

    /** The summary as CONTRACT.md shows it. */
    public record SummaryView(String method, List<String> sentences, String text) {
    }

    /**
     * Why a page could not be analysed; {@code code} is stable: empty, binary, not_vietnamese, no_article,
     * unreadable.
     */
    public record Error(String code, String message) {
    }

    public static Analysis failed(String id, String code, String message) {
        return new Analysis(id, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, new Error(code, message));
    }

    /** Not a bean getter on purpose: {@code isError()} would shadow the {@code error} field in JSON. */
    public boolean failed() {
        return error != null;
    }
}
