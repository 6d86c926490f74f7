package vn.unionnews.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A quantity the article reports: metric type from TAXONOMY.md, its value (in units: people, classes, đồng), the
 * text span it was read from, the canonical name of the organisation that reports it, and for a share
 * ("164/195 doanh nghiệp") the total it is out of. {@code organization} and {@code total} may be null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metric(String type, double value, String text, String organization, Double total) {

    public Metric(String type, double value, String text, String organization) {
        this(type, value, text, organization, null);
    }

    public Metric withOrganization(String name) {
        return new Metric(type, value, text, name, total);
    }
}
